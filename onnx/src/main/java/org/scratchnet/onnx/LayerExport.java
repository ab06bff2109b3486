package org.scratchnet.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

/**
 * The ONNX nodes of one layer, read from its {@link org.scratchnet.layer.LayerType} name and
 * {@link Layer#config()}:
 *
 * <pre>
 *   dense        Gemm(x [N,D], weight [D,H], bias [H])    MatMul without a bias
 *   activation   Relu, Sigmoid, Tanh, LeakyRelu(alpha), Softmax (on [N, K]), Identity;
 *                step as Cast(Not(Less(x, 0)))
 *   dropout      Identity (dropout only acts in training)
 *   flatten      Flatten(axis 1)
 *   conv2d       Conv(x [N,C,H,W], weight [O,C,kH,kW], bias [O]); pads [top, left, bottom, right]
 *   maxpool2d    MaxPool;  avgpool2d  AveragePool(count_include_pad)
 *   globalavgpool  GlobalAveragePool then Flatten: [N,C,H,W] → [N,C]
 *   batchnorm    BatchNormalization(x, weight, bias, running_mean, running_var), ONNX momentum = 1 − ours
 *   features     Gather columns x1, x2 [N,1]; Mul, Sin; Concat on axis 1
 * </pre>
 */
final class LayerExport {
    private LayerExport() {
    }

    /** Appends the nodes of {@code layer}, whose input samples have shape {@code in}. */
    static void write(OnnxNodes n, Layer layer, int[] in, int opset) {
        String name = layer.name();
        Map<String, Object> c = layer.config();
        String type = LayerTypes.of(layer).name();
        switch (type) {
            case "dense" -> {
                Tensor w = param(layer, "weight");
                String wName = n.constant(OnnxTensors.floats(name + ".weight", w.data(), w.shape()));
                Tensor b = optionalParam(layer, "bias");
                if (b == null) {
                    n.op("MatMul", name, wName);
                } else {
                    n.op("Gemm", name, wName, n.constant(OnnxTensors.floats(name + ".bias", b.data(), b.size())));
                }
            }
            case "activation" -> activation(n, name, c, in, opset);
            case "dropout" -> n.op("Identity", name);
            case "flatten" -> n.op("Flatten", name).addAttribute(OnnxNodes.integer("axis", 1));
            case "conv2d" -> {
                Tensor w = param(layer, "weight");
                List<String> inputs = new ArrayList<>();
                inputs.add(n.constant(OnnxTensors.floats(name + ".weight", w.data(), w.shape())));
                Tensor b = optionalParam(layer, "bias");
                if (b != null) {
                    inputs.add(n.constant(OnnxTensors.floats(name + ".bias", b.data(), b.size())));
                }
                window(n.op("Conv", name, inputs.toArray(String[]::new)), c);
            }
            case "maxpool2d" -> window(n.op("MaxPool", name), c);
            case "avgpool2d" -> window(n.op("AveragePool", name), c)
                    .addAttribute(OnnxNodes.integer("count_include_pad", Boolean.TRUE.equals(c.get("count_include_pad")) ? 1 : 0));
            case "globalavgpool" -> {
                n.op("GlobalAveragePool", name + "_pool");
                n.op("Flatten", name).addAttribute(OnnxNodes.integer("axis", 1));
            }
            case "batchnorm" -> {
                List<String> inputs = new ArrayList<>();
                for (String s : List.of("weight", "bias")) {
                    Tensor t = param(layer, s);
                    inputs.add(n.constant(OnnxTensors.floats(name + "." + s, t.data(), t.size())));
                }
                for (String s : List.of("running_mean", "running_var")) {
                    Tensor t = buffer(layer, s);
                    inputs.add(n.constant(OnnxTensors.floats(name + "." + s, t.data(), t.size())));
                }
                n.op("BatchNormalization", name, inputs.toArray(String[]::new))
                        .addAttribute(OnnxNodes.real("epsilon", number(c, "eps")))
                        .addAttribute(OnnxNodes.real("momentum", 1f - number(c, "momentum")));
            }
            case "features" -> features(n, name, c);
            default -> throw new IllegalArgumentException("cannot export layer '" + name + "' of type '" + type
                    + "' to ONNX");
        }
    }

    private static void activation(OnnxNodes n, String name, Map<String, Object> c, int[] in, int opset) {
        String a = String.valueOf(c.get("activation"));
        switch (a) {
            case "relu" -> n.op("Relu", name);
            case "sigmoid" -> n.op("Sigmoid", name);
            case "tanh" -> n.op("Tanh", name);
            case "identity" -> n.op("Identity", name);
            case "leaky_relu" -> n.op("LeakyRelu", name).addAttribute(OnnxNodes.real("alpha", number(c, "alpha")));
            case "softmax" -> {
                if (in.length != 1) {
                    throw new IllegalArgumentException("cannot export softmax layer '" + name + "' on samples of shape "
                            + Arrays.toString(in) + ": ONNX Softmax here needs [N, K] inputs (put a flatten before it)");
                }
                n.op("Softmax", name).addAttribute(OnnxNodes.integer("axis", opset >= 13 ? -1 : 1));
            }
            case "step" -> {
                // step(z) = 1 for z >= 0, else 0; written with opset-9 operators as NOT(z < 0) cast to float
                String zero = n.constant(OnnxTensors.floats(name + ".zero", new float[] {0f}));
                n.op("Less", name + "_negative", zero);
                n.op("Not", name + "_nonnegative");
                n.op("Cast", name).addAttribute(OnnxNodes.integer("to", ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT.getNumber()));
            }
            default -> throw new IllegalArgumentException("cannot export activation '" + a + "' of layer '" + name + "'");
        }
    }

    /** kernel_shape, strides and pads (ONNX orders pads as all begins, then all ends). */
    private static ai.onnx.proto.OnnxMl.NodeProto.Builder window(ai.onnx.proto.OnnxMl.NodeProto.Builder node, Map<String, Object> c) {
        List<Integer> k = ints(c.get("kernel")), s = ints(c.get("stride")), p = ints(c.get("padding"));
        return node.addAttribute(OnnxNodes.ints("kernel_shape", k)).addAttribute(OnnxNodes.ints("strides", s))
                .addAttribute(OnnxNodes.ints("pads", p.get(0), p.get(2), p.get(1), p.get(3)));
    }

    /** x [N, 2] → [N, F]: each term from the two columns, then one Concat. */
    private static void features(OnnxNodes n, String name, Map<String, Object> c) {
        String x = n.current();
        String[] col = new String[2];
        for (int i = 0; i < 2; i++) {
            String idx = n.constant(OnnxTensors.longs(name + ".index" + (i + 1), new long[] {i}, 1));
            col[i] = n.side("Gather", name + "_x" + (i + 1), List.of(x, idx))
                    .addAttribute(OnnxNodes.integer("axis", 1)).getOutput(0);
        }
        List<String> parts = new ArrayList<>();
        for (Object term : (List<?>) c.get("terms")) {
            String t = term.toString();
            String safe = name + "_" + t.replaceAll("[^a-z0-9]", "_");
            parts.add(switch (t) {
                case "x1" -> col[0];
                case "x2" -> col[1];
                case "x1^2" -> n.side("Mul", safe, List.of(col[0], col[0])).getOutput(0);
                case "x2^2" -> n.side("Mul", safe, List.of(col[1], col[1])).getOutput(0);
                case "x1*x2" -> n.side("Mul", safe, List.of(col[0], col[1])).getOutput(0);
                case "sin(x1)" -> n.side("Sin", safe, List.of(col[0])).getOutput(0);
                case "sin(x2)" -> n.side("Sin", safe, List.of(col[1])).getOutput(0);
                default -> throw new IllegalArgumentException("cannot export feature term '" + t + "' of layer '" + name + "'");
            });
        }
        n.side("Concat", name, parts).addAttribute(OnnxNodes.integer("axis", 1));
        n.continueFrom(name);
    }

    private static Tensor param(Layer layer, String suffix) {
        Tensor t = optionalParam(layer, suffix);
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' has no parameter '" + suffix + "'");
        }
        return t;
    }

    private static Tensor optionalParam(Layer layer, String suffix) {
        return find(layer.parameters(), layer.name() + "." + suffix);
    }

    private static Tensor buffer(Layer layer, String suffix) {
        Tensor t = find(layer.buffers(), layer.name() + "." + suffix);
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' has no buffer '" + suffix + "'");
        }
        return t;
    }

    private static Tensor find(List<Parameter> ps, String full) {
        for (Parameter p : ps) {
            if (p.name().equals(full)) {
                return p.value();
            }
        }
        return null;
    }

    private static float number(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).floatValue();
    }

    private static List<Integer> ints(Object list) {
        List<Integer> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).intValue());
        }
        return out;
    }
}
