package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.Tensor;

/**
 * The image nodes of {@link NodeImport}: Conv, MaxPool, AveragePool (2-D, on [N, C, H, W]) and
 * the zero Pad PyTorch writes before some pools. ONNX orders pads as [top, left, bottom, right]
 * (all begins, then all ends); the layers take [top, bottom, left, right].
 */
final class ImageNodeImport {
    private final GraphImport g;
    private final NodeProto node;
    private final Attrs a;
    private final String where;

    ImageNodeImport(GraphImport g, NodeProto node, Attrs a) {
        this.g = g;
        this.node = node;
        this.a = a;
        this.where = a.where();
    }

    void requireImage() {
        if (g.shape.length != 3 || g.unitDims) {
            throw new IllegalArgumentException(where + ": input " + GraphImport.shapeText(g.shape)
                    + " is not an image batch [N, C, H, W] (only 2-D convolution and pooling are supported)");
        }
    }

    void conv() {
        requireImage();
        Tensor w = g.constant(where, NodeImport.input(node, 1), "weight");
        a.require(w.rank() == 4, "weight has shape " + Arrays.toString(w.shape()) + ", expected [O, C, kH, kW]");
        a.require(a.integer("group", 1) == 1, "group " + a.integer("group", 1) + " is not supported (only group 1)");
        List<Integer> kernel = a.ints("kernel_shape", 2, List.of(w.dim(2), w.dim(3)));
        a.require(kernel.equals(List.of(w.dim(2), w.dim(3))), "kernel_shape " + kernel + " does not match weight "
                + Arrays.toString(w.shape()));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", w.dim(0));
        window(c, kernel, List.of(1, 1));
        Tensor bias = NodeImport.input(node, 2).isEmpty() ? null : g.constant(where, NodeImport.input(node, 2), "bias");
        c.put("bias", bias != null);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("weight", w);
        if (bias != null) {
            t.put("bias", bias);
        }
        g.add(where, NodeImport.type("conv2d"), c, t);
    }

    void pool(String op) {
        requireImage();
        List<Integer> kernel = a.ints("kernel_shape", 2, null);
        a.require(kernel != null, "kernel_shape is missing");
        a.require(a.integer("ceil_mode", 0) == 0, "ceil_mode 1 is not supported (only floor)");
        Map<String, Object> c = new LinkedHashMap<>();
        boolean padded = g.pendingPads != null;
        a.require(!padded || op.equals("AveragePool") && a.ints("pads", 4, List.of(0, 0, 0, 0)).equals(List.of(0, 0, 0, 0)),
                "a Pad before it is only supported for an AveragePool without pads of its own");
        window(c, kernel, List.of(1, 1));
        if (op.equals("AveragePool")) {
            c.put("count_include_pad", padded || a.integer("count_include_pad", 0) != 0);
        }
        g.add(where, NodeImport.type(op.equals("MaxPool") ? "maxpool2d" : "avgpool2d"), c, Map.of());
    }

    /** kernel, stride and padding [top, bottom, left, right] from ONNX's strides, pads [t, l, b, r] or auto_pad. */
    private void window(Map<String, Object> c, List<Integer> kernel, List<Integer> defaultStride) {
        List<Integer> stride = a.ints("strides", 2, defaultStride);
        a.require(a.ints("dilations", 2, List.of(1, 1)).equals(List.of(1, 1)), "dilations other than 1 are not supported");
        String auto = a.string("auto_pad", "NOTSET");
        List<Integer> pads;
        switch (auto) {
            case "NOTSET" -> {
                List<Integer> p = a.ints("pads", 4, List.of(0, 0, 0, 0));
                pads = List.of(p.get(0), p.get(2), p.get(1), p.get(3));
                if (g.pendingPads != null) { // a zero Pad right before: its pixels join this node's padding
                    int[] q = g.pendingPads;
                    pads = List.of(pads.get(0) + q[0], pads.get(1) + q[1], pads.get(2) + q[2], pads.get(3) + q[3]);
                    g.pendingPads = null;
                }
            }
            case "VALID" -> pads = List.of(0, 0, 0, 0);
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] ph = same(g.shape[1], kernel.get(0), stride.get(0), auto.equals("SAME_UPPER"));
                int[] pw = same(g.shape[2], kernel.get(1), stride.get(1), auto.equals("SAME_UPPER"));
                pads = List.of(ph[0], ph[1], pw[0], pw[1]);
            }
            default -> throw new IllegalArgumentException(where + ": auto_pad '" + OnnxImport.shorten(auto) + "' is not one of "
                    + "NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }
        c.put("kernel", kernel);
        c.put("stride", stride);
        c.put("padding", pads);
    }

    /** Padding so that the output is ceil(size / stride); the odd pixel at the end for SAME_UPPER. */
    private static int[] same(int size, int k, int s, boolean upper) {
        int out = (size + s - 1) / Math.max(s, 1);
        int total = Math.max(0, (out - 1) * s + k - size);
        int small = total / 2;
        return upper ? new int[] {small, total - small} : new int[] {total - small, small};
    }

    /**
     * Pad with zeros around H and W (PyTorch writes one before some pools): nothing when every pad
     * is 0, else the pads are added to the next Conv or AveragePool (which then counts them).
     */
    void pad() {
        requireImage();
        a.require(a.string("mode", "constant").equals("constant"), "mode '" + OnnxImport.shorten(a.string("mode", ""))
                + "' is not supported (only constant zeros)");
        long[] p;
        float value;
        if (g.opset < 11) {
            List<Integer> q = a.ints("pads", 8, null);
            a.require(q != null, "pads is missing");
            p = q.stream().mapToLong(Integer::longValue).toArray();
            value = a.real("value", 0f);
        } else {
            p = OnnxTensors.toLongs(where, NodeImport.requireProto(g, where, NodeImport.input(node, 1), "pads"));
            value = NodeImport.input(node, 2).isEmpty() ? 0f : g.constant(where, NodeImport.input(node, 2), "value").data()[0];
        }
        a.require(p.length == 8 && p[0] == 0 && p[1] == 0 && p[4] == 0 && p[5] == 0, "pads " + Arrays.toString(p)
                + " are not supported: expected 8 values padding only H and W");
        a.require(value == 0f, "padding with " + value + " is not supported (only zeros)");
        for (long v : p) {
            a.require(v >= 0 && v <= 1024, "pads " + Arrays.toString(p) + " are not supported (expected 0 to 1024)");
        }
        if (p[2] != 0 || p[3] != 0 || p[6] != 0 || p[7] != 0) {
            g.pendingPads = new int[] {(int) p[2], (int) p[6], (int) p[3], (int) p[7]};
        }
    }
}
