package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.data.TargetScale;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.tensor.Tensor;

/**
 * One ONNX node as a layer plan (or as part of the standardizer, the output scaling, or nothing
 * for Identity). ONNX's attribute defaults apply where a node leaves one out (MaxPool's strides
 * are 1, not the kernel; AveragePool's count_include_pad is 0).
 */
final class NodeImport {
    /** The operators read, for the message about any other. */
    static final String SUPPORTED = "Gemm, MatMul (+ Add as its bias), Transpose of a weight, Sub/Div by constants at "
            + "the input, Relu, LeakyRelu, Tanh, Sigmoid, Softmax, Conv, MaxPool, AveragePool, GlobalAveragePool, Flatten, "
            + "Reshape (to flatten), BatchNormalization, Dropout, Identity, Constant, Pad (zeros, before Conv or AveragePool)";

    private final GraphImport g;
    private final NodeProto node;
    private final String x;
    private final Attrs a;
    private final String where;
    private final ImageNodeImport image;

    NodeImport(GraphImport g, NodeProto node, String x) {
        this.g = g;
        this.node = node;
        this.x = x;
        this.a = new Attrs(node);
        this.where = a.where();
        this.image = new ImageNodeImport(g, node, a);
    }

    /** Adds what the node means; returns the tensor that continues the chain. */
    String apply() {
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            throw unsupported("domain '" + OnnxImport.shorten(node.getDomain()) + "'");
        }
        if (node.getOutputCount() == 0) {
            throw new IllegalArgumentException(where + " has no output");
        }
        String op = node.getOpType();
        if (g.pendingPads != null && !op.equals("Conv") && !op.equals("AveragePool")) {
            throw new IllegalArgumentException(where + " follows a Pad; a Pad is only supported right before Conv or AveragePool");
        }
        if (!op.equals("Add") && !op.equals("Sub") && !op.equals("Div") && !op.equals("Mul")
                && (node.getInputCount() == 0 || !node.getInput(0).equals(x))) {
            throw new IllegalArgumentException(where + ": the data must be its first input");
        }
        switch (op) {
            case "Gemm" -> gemm();
            case "MatMul" -> {
                return matMul();
            }
            case "Sub", "Div" -> standardize(op);
            case "Mul", "Add" -> outputScale(op);
            case "Relu" -> activation("relu", null);
            case "Tanh" -> activation("tanh", null);
            case "Sigmoid" -> activation("sigmoid", null);
            case "LeakyRelu" -> activation("leaky_relu", a.real("alpha", 0.01f));
            case "Softmax" -> softmax();
            case "Conv" -> image.conv();
            case "MaxPool", "AveragePool" -> image.pool(op);
            case "GlobalAveragePool" -> {
                image.requireImage();
                g.add(where, type("globalavgpool"), new LinkedHashMap<>(), Map.of());
                g.unitDims = true;
                return node.getOutput(0);
            }
            case "Flatten" -> {
                long axis = a.integer("axis", 1);
                a.require(axis == 1 || axis == -(g.shape.length + (g.unitDims ? 2 : 0)), "axis " + axis
                        + " is not supported: expected 1 (keep the batch, flatten the rest)");
                flatten();
            }
            case "Reshape" -> reshape();
            case "BatchNormalization" -> batchNorm();
            case "Dropout" -> dropout();
            case "Pad" -> image.pad();
            case "Identity" -> {
            }
            default -> throw unsupported("operator " + OnnxImport.shorten(op));
        }
        onlyFirstOutputUsed();
        return node.getOutput(0);
    }

    private IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException(where + ": " + what + " is not supported; supported: " + SUPPORTED);
    }

    private void onlyFirstOutputUsed() {
        for (int i = 1; i < node.getOutputCount(); i++) {
            if (!node.getOutput(i).isEmpty() && g.soleConsumer(node.getOutput(i)) != null) {
                throw new IllegalArgumentException(where + ": output " + (i + 1) + " ('" + node.getOutput(i)
                        + "') is used by another node; only the first output is supported");
            }
        }
    }

    static LayerType type(String name) {
        return LayerTypes.byName(name);
    }

    static String input(NodeProto node, int i) {
        return i < node.getInputCount() ? node.getInput(i) : "";
    }

    private String input(int i) {
        return i < node.getInputCount() ? node.getInput(i) : "";
    }

    /** Gemm(x [N,D], B, C): y = alpha · x · op(B) + beta · C, op(B) = Bᵀ when transB. */
    private void gemm() {
        a.require(a.integer("transA", 0) == 0, "transA = 1 is not supported (the data must be [N, D])");
        Tensor b = g.constant(where, input(1), "weight");
        a.require(b.rank() == 2, "weight has shape " + Arrays.toString(b.shape()) + ", expected a matrix");
        Tensor w = a.integer("transB", 0) != 0 ? transpose(b) : b;
        float alpha = a.real("alpha", 1f), beta = a.real("beta", 1f);
        if (alpha != 1f) {
            w = w.copy().scaleInPlace(alpha);
        }
        Tensor bias = input(2).isEmpty() ? null : g.constant(where, input(2), "bias");
        if (bias != null && beta != 1f) {
            bias = bias.copy().scaleInPlace(beta);
        }
        dense(w, bias);
    }

    /** MatMul(x, W), with the Add right after it as the bias when it adds a constant. */
    private String matMul() {
        Tensor w = g.constant(where, input(1), "weight");
        a.require(w.rank() == 2, "weight has shape " + Arrays.toString(w.shape()) + ", expected a matrix");
        NodeProto next = g.soleConsumer(node.getOutput(0));
        if (next != null && next.getOpType().equals("Add") && next.getInputCount() == 2 && next.getDomain().isEmpty()) {
            String other = next.getInput(0).equals(node.getOutput(0)) ? next.getInput(1) : next.getInput(0);
            if (g.isConstant(other)) {
                dense(w, g.constant(Attrs.where(next), other, "bias"));
                return next.getOutput(0);
            }
        }
        dense(w, null);
        return node.getOutput(0);
    }

    /** A dense layer from w [D, H] and a bias of H values (or one value for all). */
    private void dense(Tensor w, Tensor bias) {
        int d = w.dim(0), h = w.dim(1);
        if (g.shape.length != 1 || g.shape[0] != d) {
            throw new IllegalArgumentException(where + ": weight " + Arrays.toString(w.shape()) + " (inputs x units) does not fit input "
                    + GraphImport.shapeText(g.shape) + (g.shape.length != 1 ? " (put a Flatten before it)" : ""));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("units", h);
        c.put("bias", bias != null);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("weight", w);
        if (bias != null) {
            if (bias.size() != h && bias.size() != 1) {
                throw new IllegalArgumentException(where + ": bias has shape " + Arrays.toString(bias.shape()) + ", expected ["
                        + h + "]");
            }
            float[] v = new float[h];
            Arrays.fill(v, bias.data()[0]);
            if (bias.size() == h) {
                v = bias.data().clone();
            }
            t.put("bias", Tensor.of(v, 1, h));
        }
        g.add(where, type("dense"), c, t);
    }

    private static Tensor transpose(Tensor b) {
        int r = b.dim(0), c = b.dim(1);
        float[] v = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                v[j * r + i] = b.data()[i * c + j];
            }
        }
        return Tensor.of(v, c, r);
    }

    private void activation(String name, Float alpha) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("activation", name);
        if (alpha != null) {
            c.put("alpha", alpha);
        }
        g.add(where, type("activation"), c, Map.of());
    }

    /** Softmax over each sample: before opset 13 axis 1 flattens the rest, as our layer does; from 13 only [N, K]. */
    private void softmax() {
        int rank = g.shape.length + 1 + (g.unitDims ? 2 : 0);
        long axis = a.integer("axis", g.opset >= 13 ? -1 : 1);
        boolean whole = g.opset < 13 ? axis == 1 || axis == 1 - rank : rank == 2 && (axis == 1 || axis == -1);
        a.require(whole, "softmax over axis " + axis + " of " + GraphImport.shapeText(g.shape)
                + " is not supported: expected the softmax of each whole sample (axis 1 of [N, K])");
        activation("softmax", null);
    }

    private void flatten() {
        if (g.unitDims) {
            g.unitDims = false; // [N, C, 1, 1] flattened is what the global pool already gives
        } else if (g.shape.length > 1) {
            g.add(where, type("flatten"), new LinkedHashMap<>(), Map.of());
        }
    }

    /** Reshape to [N, everything else] (as x.view(x.size(0), -1) writes it), i.e. a flatten. */
    private void reshape() {
        long[] target = OnnxTensors.toLongs(where, requireProto(input(1), "shape"));
        long d = OnnxTensors.count(g.shape);
        boolean flat = target.length == 2 && (target[1] == d || target[1] == -1 && target[0] != -1)
                && (target[0] == 0 || target[0] == -1 || target[0] > 0);
        a.require(flat, "shape " + Arrays.toString(target) + " is not supported: only a reshape of "
                + GraphImport.shapeText(g.shape) + " to [N, " + d + "] (a flatten)");
        flatten();
        g.unitDims = false;
    }

    private ai.onnx.proto.OnnxMl.TensorProto requireProto(String name, String role) {
        return requireProto(g, where, name, role);
    }

    static ai.onnx.proto.OnnxMl.TensorProto requireProto(GraphImport g, String where, String name, String role) {
        ai.onnx.proto.OnnxMl.TensorProto t = g.constantProto(name);
        if (t == null) {
            throw new IllegalArgumentException(where + ": its " + role + " '" + OnnxImport.shorten(name) + "' is not a constant");
        }
        return t;
    }

    private void batchNorm() {
        a.require(a.integer("spatial", 1) == 1, "spatial = 0 is not supported");
        a.require(a.integer("training_mode", 0) == 0, "training_mode = 1 is not supported (export the model in eval mode)");
        Map<String, Tensor> t = new LinkedHashMap<>();
        String[] names = {"weight", "bias", "running_mean", "running_var"};
        for (int i = 0; i < 4; i++) {
            t.put(names[i], g.constant(where, input(i + 1), names[i].replace('_', ' ')));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("eps", (double) a.real("epsilon", 1e-5f));
        c.put("momentum", 1.0 - a.real("momentum", 0.9f));
        g.add(where, type("batchnorm"), c, t);
    }

    /** Dropout's ratio is an attribute before opset 12 and an optional input from 12. */
    private void dropout() {
        float ratio = a.real("ratio", 0.5f);
        if (g.opset >= 12) {
            ratio = input(1).isEmpty() ? 0.5f : g.constant(where, input(1), "ratio").data()[0];
            if (!input(2).isEmpty()) {
                ai.onnx.proto.OnnxMl.TensorProto mode = requireProto(input(2), "training_mode");
                a.require(mode.getInt32DataCount() == 0 || mode.getInt32Data(0) == 0, "training_mode must be false");
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rate", ratio);
        g.add(where, type("dropout"), c, Map.of());
    }

    /** x - mean, then x / std, by constants, before the first layer: the standardizer. */
    private void standardize(String op) {
        String other = constOperand();
        a.require(g.plans.isEmpty(), op + " is only supported at the input (as the standardizer), before any layer");
        a.require(node.getInput(0).equals(x), op + " must take the data first (x " + (op.equals("Sub") ? "-" : "/") + " constant)");
        a.require(op.equals("Div") ? g.std == null : g.mean == null && g.std == null,
                "expected at most one Sub then one Div at the input");
        float[] v = broadcast(g.constant(where, other, "constant"));
        if (op.equals("Sub")) {
            g.mean = v;
        } else {
            for (float s : v) {
                a.require(s > 0 && Float.isFinite(s), "divisor " + s + " cannot be a standardizer's std (expected > 0)");
            }
            g.std = v;
        }
    }

    /** Mul by the target's std then Add its mean, at the very end (a scratchnet regression export). */
    private void outputScale(String op) {
        String other = constOperand();
        float v = g.constant(where, other, "constant").data()[0];
        boolean scalar = g.constant(where, other, "constant").size() == 1;
        if (op.equals("Mul") && scalar && !g.plans.isEmpty() && Float.isNaN(g.pendingScale)) {
            g.pendingScale = v;
            return;
        }
        if (op.equals("Add") && scalar && !Float.isNaN(g.pendingScale)) {
            g.target = new TargetScale(v, g.pendingScale);
            g.pendingScale = Float.NaN;
            return;
        }
        throw unsupported(op + (op.equals("Add") ? " other than a MatMul's bias" : "") + " here");
    }

    private String constOperand() {
        a.require(node.getInputCount() == 2, "expected two inputs");
        String other = node.getInput(0).equals(x) ? node.getInput(1) : node.getInput(0);
        a.require(g.isConstant(other), "expected the other input to be a constant");
        return other;
    }

    /** A constant broadcast (numpy rules) to the sample shape: [D] values, or C·H·W for images. */
    private float[] broadcast(Tensor c) {
        int[] s = g.shape;
        int[] cs = c.shape();
        boolean scalar = c.size() == 1;
        if (!scalar && cs.length > s.length + 1) {
            throw new IllegalArgumentException(where + ": constant " + Arrays.toString(cs) + " does not broadcast to " + GraphImport.shapeText(s));
        }
        int[] full = new int[s.length];
        Arrays.fill(full, 1);
        for (int i = 0; !scalar && i < cs.length; i++) {
            int axis = i - (cs.length - s.length);
            if (axis < 0 ? cs[i] != 1 : cs[i] != 1 && cs[i] != s[axis]) {
                throw new IllegalArgumentException(where + ": constant " + Arrays.toString(cs) + " does not broadcast to "
                        + GraphImport.shapeText(s));
            }
            if (axis >= 0) {
                full[axis] = cs[i];
            }
        }
        int d = OnnxTensors.count(s);
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            int rest = i, src = 0, stride = 1;
            for (int ax = s.length - 1; ax >= 0; ax--) {
                int idx = rest % s[ax];
                rest /= s[ax];
                src += (full[ax] == 1 ? 0 : idx) * stride;
                stride *= full[ax];
            }
            out[i] = c.data()[scalar ? 0 : src];
        }
        return out;
    }
}
