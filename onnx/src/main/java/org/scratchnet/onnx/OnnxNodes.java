package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;

/**
 * Appends nodes and initializers to a graph being written, keeping track of the tensor that
 * flows along the chain ({@link #current}): each {@link #op} takes it as its first input and
 * makes its output the new current tensor.
 */
final class OnnxNodes {
    final GraphProto.Builder graph;
    private String current;
    private int count;

    OnnxNodes(GraphProto.Builder graph, String input) {
        this.graph = graph;
        this.current = input;
    }

    String current() {
        return current;
    }

    /** Adds an initializer and returns its name. */
    String constant(TensorProto t) {
        graph.addInitializer(t);
        return t.getName();
    }

    /**
     * A node {@code type} named {@code name} on the current tensor plus {@code extraInputs}
     * (initializer names); its output, {@code name}, becomes the current tensor.
     */
    NodeProto.Builder op(String type, String name, String... extraInputs) {
        NodeProto.Builder n = graph.addNodeBuilder().setOpType(type).setName(name).addInput(current);
        for (String in : extraInputs) {
            n.addInput(in);
        }
        n.addOutput(name);
        current = name;
        count++;
        return n;
    }

    /** A node on explicit inputs (the current tensor is not changed). */
    NodeProto.Builder side(String type, String name, List<String> inputs) {
        NodeProto.Builder n = graph.addNodeBuilder().setOpType(type).setName(name).addAllInput(inputs).addOutput(name);
        count++;
        return n;
    }

    /** Makes {@code name} (the output of a {@link #side} node) the current tensor. */
    void continueFrom(String name) {
        current = name;
    }

    int nodeCount() {
        return count;
    }

    static AttributeProto ints(String name, List<Integer> values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        values.forEach(v -> a.addInts(v));
        return a.build();
    }

    static AttributeProto ints(String name, int... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
