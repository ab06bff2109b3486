package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;

/** Small hand-made ONNX graphs for the import tests: a chain of nodes from "x" to "y". */
final class TestGraphs {
    private final GraphProto.Builder g = GraphProto.newBuilder().setName("test");
    private final int opset;
    private String current = "x";
    private int count;

    /** A graph at {@code opset} whose input x is [N, ...sample]. */
    TestGraphs(int opset, int... sample) {
        this.opset = opset;
        g.addInput(OnnxExport.valueInfo("x", sample));
    }

    /** An initializer of floats. */
    TestGraphs weight(String name, float[] values, int... dims) {
        g.addInitializer(OnnxTensors.floats(name, values, dims));
        return this;
    }

    TestGraphs longs(String name, long[] values, int... dims) {
        g.addInitializer(OnnxTensors.longs(name, values, dims));
        return this;
    }

    /** A node on the current tensor (first input) plus {@code inputs}; its output becomes current. */
    TestGraphs node(String op, AttributeProto[] attrs, String... inputs) {
        String out = "t" + (++count);
        NodeProto.Builder n = g.addNodeBuilder().setOpType(op).setName(op.toLowerCase() + count).addInput(current).addOutput(out);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        current = out;
        return this;
    }

    TestGraphs node(String op, String... inputs) {
        return node(op, new AttributeProto[0], inputs);
    }

    /** The model, its output named "y" with sample shape {@code out}. */
    ModelProto build(int... out) {
        GraphProto.Builder copy = g.clone();
        if (copy.getNodeCount() > 0) {
            copy.getNodeBuilder(copy.getNodeCount() - 1).setOutput(0, "y");
        }
        copy.addOutput(OnnxExport.valueInfo("y", out));
        return ModelProto.newBuilder().setIrVersion(8).setGraph(copy)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(opset)).build();
    }

    byte[] bytes(int... out) {
        return build(out).toByteArray();
    }

    static AttributeProto i(String name, long v) {
        return OnnxNodes.integer(name, v);
    }

    static AttributeProto f(String name, float v) {
        return OnnxNodes.real(name, v);
    }

    static AttributeProto ints(String name, int... v) {
        return OnnxNodes.ints(name, v);
    }

    static AttributeProto[] attrs(AttributeProto... a) {
        return a;
    }
}
