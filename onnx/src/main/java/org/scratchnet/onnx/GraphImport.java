package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TargetScale;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * Walks an ONNX graph from its one input to its one output, node by node, and turns each node
 * into a layer plan ({@link NodeImport}). Constants are initializers, {@code Constant} nodes, and
 * {@code Transpose} / {@code Identity} of constants (folded here, as PyTorch writes a
 * {@code Linear} without bias as {@code MatMul(x, Transpose(W))}). {@code Sub} and {@code Div}
 * by constants before the first layer become the standardizer.
 */
final class GraphImport {
    /** One layer to build: its type, configuration and tensors by suffix ("weight" → [D, H]). */
    record Plan(LayerType type, Map<String, Object> config, Map<String, Tensor> tensors) {
    }

    /**
     * What the graph holds. {@code head} is "softmax" or "sigmoid" when the last layer is one over
     * [N, K] (K = 1 for sigmoid) that a logits loss can stand for, else null.
     */
    record Result(int[] inputShape, List<Plan> plans, Standardizer standardizer, String head, TargetScale targetScale) {
        /** The network, without its last layer when {@code dropHead}, weights filled in. */
        Sequential model(boolean dropHead) {
            List<Plan> use = dropHead ? plans.subList(0, plans.size() - 1) : plans;
            Sequential.Builder b = Sequential.builder(inputShape);
            for (Plan p : use) {
                b.add(p.type(), p.config());
            }
            Sequential net = b.build(0);
            for (int i = 0; i < use.size(); i++) {
                Layer layer = net.layers().get(i);
                List<Parameter> all = new ArrayList<>(layer.parameters());
                all.addAll(layer.buffers());
                for (Parameter p : all) {
                    String suffix = p.name().substring(layer.name().length() + 1);
                    Tensor t = use.get(i).tensors().get(suffix);
                    if (t == null || t.size() != p.value().size()) {
                        throw new IllegalArgumentException("layer " + layer.name() + ": no value for " + suffix);
                    }
                    System.arraycopy(t.data(), 0, p.value().data(), 0, t.size());
                }
            }
            return net;
        }
    }

    private final GraphProto g;
    final int opset;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    final List<Plan> plans = new ArrayList<>();
    private int[] inputShape;
    /** The sample shape after the plans so far (batch excluded). */
    int[] shape;
    /** After GlobalAveragePool: ONNX's output is [N, C, 1, 1] where the layer gives [N, C]. */
    boolean unitDims;
    float[] mean;
    float[] std;
    TargetScale target;
    /** Zeros a Pad put around H and W, [top, bottom, left, right], for the next Conv or AveragePool. */
    int[] pendingPads;
    float pendingScale = Float.NaN;

    GraphImport(GraphProto g, int opset) {
        this.g = g;
        this.opset = opset;
    }

    Result run() {
        for (TensorProto t : g.getInitializerList()) {
            constants.put(t.getName(), t);
        }
        for (NodeProto n : g.getNodeList()) {
            if (!fold(n)) {
                for (String in : new HashSet<>(n.getInputList())) {
                    if (!in.isEmpty() && !constants.containsKey(in)) {
                        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                    }
                }
            }
        }
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto v : g.getInputList()) {
            if (!constants.containsKey(v.getName())) { // old exporters list the weights as inputs too
                inputs.add(v);
            }
        }
        if (inputs.size() != 1 || g.getOutputCount() != 1) {
            throw new IllegalArgumentException("the graph has " + inputs.size() + " inputs and " + g.getOutputCount()
                    + " outputs (besides its weights); expected one of each");
        }
        inputShape = sampleShape(inputs.get(0));
        shape = inputShape;
        String out = g.getOutput(0).getName();
        String cur = inputs.get(0).getName();
        for (int steps = 0; !cur.equals(out); steps++) {
            List<NodeProto> users = consumers.getOrDefault(cur, List.of());
            if (users.isEmpty() || steps > g.getNodeCount()) {
                throw new IllegalArgumentException("tensor '" + OnnxImport.shorten(cur) + "' does not lead to the graph output '"
                        + OnnxImport.shorten(out) + "'");
            }
            if (users.size() > 1) {
                List<String> names = new ArrayList<>();
                users.forEach(u -> names.add(Attrs.where(u)));
                throw new IllegalArgumentException("tensor '" + OnnxImport.shorten(cur) + "' feeds " + users.size() + " nodes ("
                        + String.join(", ", names) + "): only a chain of nodes from input to output is supported");
            }
            if (target != null) {
                throw new IllegalArgumentException(Attrs.where(users.get(0)) + " follows the output scaling (Mul, Add); "
                        + "expected the graph output");
            }
            cur = new NodeImport(this, users.get(0), cur).apply();
        }
        if (pendingPads != null) {
            throw new IllegalArgumentException("the graph ends in a Pad; a Pad is only supported right before Conv or AveragePool");
        }
        if (!Float.isNaN(pendingScale)) {
            throw new IllegalArgumentException("the graph ends in Mul by a constant without the Add of the output scaling");
        }
        Standardizer s = mean == null && std == null ? null : standardizer();
        return new Result(inputShape, List.copyOf(plans), s, head(), target);
    }

    /** The one node that reads {@code tensor}, or null when none or several do. */
    NodeProto soleConsumer(String tensor) {
        List<NodeProto> users = consumers.getOrDefault(tensor, List.of());
        return users.size() == 1 ? users.get(0) : null;
    }

    private String head() {
        if (plans.isEmpty() || !plans.get(plans.size() - 1).type().name().equals("activation") || shape.length != 1) {
            return null;
        }
        Object a = plans.get(plans.size() - 1).config().get("activation");
        return "softmax".equals(a) && shape[0] > 1 ? "softmax" : "sigmoid".equals(a) && shape[0] == 1 ? "sigmoid" : null;
    }

    private Standardizer standardizer() {
        int d = OnnxTensors.count(inputShape);
        float[] m = mean != null ? mean : new float[d];
        float[] s = std;
        if (s == null) {
            s = new float[d];
            Arrays.fill(s, 1f);
        }
        return new Standardizer(m, s);
    }

    /** Records Constant nodes and constant-only Transpose / Identity; returns true when {@code n} was folded. */
    private boolean fold(NodeProto n) {
        Attrs a = new Attrs(n);
        if (n.getOpType().equals("Constant") && n.getOutputCount() == 1) {
            constants.put(n.getOutput(0), a.tensor("value").toBuilder().setName(n.getOutput(0)).build());
            return true;
        }
        if (n.getInputCount() != 1 || n.getOutputCount() != 1 || !constants.containsKey(n.getInput(0))) {
            return false;
        }
        TensorProto in = constants.get(n.getInput(0));
        if (n.getOpType().equals("Identity")) {
            constants.put(n.getOutput(0), in.toBuilder().setName(n.getOutput(0)).build());
            return true;
        }
        if (n.getOpType().equals("Transpose") && in.getDimsCount() == 2) {
            a.require(a.ints("perm", 2, List.of(1, 0)).equals(List.of(1, 0)), "only a transpose of a matrix is folded");
            Tensor t = OnnxTensors.toTensor(a.where(), in);
            int r = t.dim(0), c = t.dim(1);
            float[] v = new float[r * c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    v[j * r + i] = t.data()[i * c + j];
                }
            }
            constants.put(n.getOutput(0), OnnxTensors.floats(n.getOutput(0), v, c, r));
            return true;
        }
        return false;
    }

    /** The constant named {@code name}, as input {@code i} of the node at {@code where}. */
    Tensor constant(String where, String name, String role) {
        TensorProto t = constants.get(name);
        if (t == null) {
            throw new IllegalArgumentException(where + ": its " + role + " '" + OnnxImport.shorten(name)
                    + "' is not a constant (weights must be initializers or Constant nodes)");
        }
        return OnnxTensors.toTensor(where, t);
    }

    TensorProto constantProto(String name) {
        return constants.get(name);
    }

    boolean isConstant(String name) {
        return constants.containsKey(name);
    }

    /** [N, ...sample] of the graph input: every dimension after the batch must be a number. */
    private static int[] sampleShape(ValueInfoProto v) {
        String what = "graph input '" + OnnxImport.shorten(v.getName()) + "'";
        if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            throw new IllegalArgumentException(what + " has no tensor shape; expected [N, D] or [N, C, H, W]");
        }
        int type = v.getType().getTensorType().getElemType();
        if (type != TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException(what + " has element type " + OnnxTensors.typeName(type) + ", expected FLOAT");
        }
        TensorShapeProto s = v.getType().getTensorType().getShape();
        if (s.getDimCount() < 2) {
            throw new IllegalArgumentException(what + " has rank " + s.getDimCount() + "; expected a batch dimension and at least one more");
        }
        int[] out = new int[s.getDimCount() - 1];
        for (int i = 1; i < s.getDimCount(); i++) {
            TensorShapeProto.Dimension d = s.getDim(i);
            if (!d.hasDimValue() || d.getDimValue() < 1 || d.getDimValue() > OnnxTensors.MAX_VALUES) {
                throw new IllegalArgumentException(what + " dimension " + i + " is "
                        + (d.hasDimValue() ? Long.toString(d.getDimValue()) : "'" + OnnxImport.shorten(d.getDimParam()) + "'")
                        + "; expected a fixed size after the batch dimension");
            }
            out[i - 1] = (int) d.getDimValue();
        }
        OnnxTensors.count(out);
        long total = 1;
        for (int d : out) {
            total *= d;
            if (total > OnnxTensors.MAX_VALUES) {
                throw new IllegalArgumentException(what + " sample shape " + Arrays.toString(out) + " is too large");
            }
        }
        return out;
    }

    /** Adds a layer plan, checking its tensors' shapes against what the layer type expects for the current shape. */
    void add(String where, LayerType type, Map<String, Object> config, Map<String, Tensor> tensors) {
        Map<String, int[]> expected;
        int[] next;
        try {
            expected = type.tensors(config, shape);
            next = type.create("layer", config, shape).outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        Map<String, Tensor> shaped = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null || t.size() != OnnxTensors.count(e.getValue())) {
                throw new IllegalArgumentException(where + ": " + e.getKey() + " has shape "
                        + (t == null ? "(none)" : Arrays.toString(t.shape())) + ", expected " + Arrays.toString(e.getValue())
                        + " for input " + shapeText(shape));
            }
            shaped.put(e.getKey(), t);
        }
        plans.add(new Plan(type, config, shaped));
        shape = next;
    }

    static String shapeText(int[] sample) {
        StringBuilder b = new StringBuilder("[N");
        for (int d : sample) {
            b.append(", ").append(d);
        }
        return b.append(']').toString();
    }
}
