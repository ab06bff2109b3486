package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.List;

/** Reads a node's attributes with ONNX's defaults; a wrong type or value is an IllegalArgumentException naming the node. */
final class Attrs {
    private final NodeProto node;

    Attrs(NodeProto node) {
        this.node = node;
    }

    /** "node 'conv1' (Conv)", for messages. */
    static String where(NodeProto node) {
        String name = !node.getName().isEmpty() ? node.getName() : node.getOutputCount() > 0 ? node.getOutput(0) : "?";
        return "node '" + OnnxImport.shorten(name) + "' (" + OnnxImport.shorten(node.getOpType()) + ")";
    }

    String where() {
        return where(node);
    }

    private AttributeProto find(String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    long integer(String name, long absent) {
        AttributeProto a = find(name);
        if (a == null) {
            return absent;
        }
        if (a.getType() != AttributeProto.AttributeType.INT && !(a.getType() == AttributeProto.AttributeType.UNDEFINED && a.hasI())) {
            throw bad(name, "an integer", a.getType().name());
        }
        return a.getI();
    }

    float real(String name, float absent) {
        AttributeProto a = find(name);
        if (a == null) {
            return absent;
        }
        if (a.getType() != AttributeProto.AttributeType.FLOAT && !(a.getType() == AttributeProto.AttributeType.UNDEFINED && a.hasF())) {
            throw bad(name, "a float", a.getType().name());
        }
        return a.getF();
    }

    String string(String name, String absent) {
        AttributeProto a = find(name);
        if (a == null) {
            return absent;
        }
        if (a.getType() != AttributeProto.AttributeType.STRING && !(a.getType() == AttributeProto.AttributeType.UNDEFINED && a.hasS())) {
            throw bad(name, "a string", a.getType().name());
        }
        return a.getS().toStringUtf8();
    }

    /** An INTS attribute of exactly {@code count} values that fit an int, or {@code absent}. */
    List<Integer> ints(String name, int count, List<Integer> absent) {
        AttributeProto a = find(name);
        if (a == null) {
            return absent;
        }
        if (a.getType() != AttributeProto.AttributeType.INTS && a.getType() != AttributeProto.AttributeType.UNDEFINED) {
            throw bad(name, count + " integers", a.getType().name());
        }
        if (a.getIntsCount() != count) {
            throw new IllegalArgumentException(where() + ": attribute " + name + " has " + a.getIntsCount()
                    + " values " + a.getIntsList() + ", expected " + count);
        }
        List<Integer> out = new ArrayList<>();
        for (long v : a.getIntsList()) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where() + ": attribute " + name + " value " + v + " is out of range");
            }
            out.add((int) v);
        }
        return out;
    }

    /** The tensor attribute {@code name} (Constant's value). */
    ai.onnx.proto.OnnxMl.TensorProto tensor(String name) {
        AttributeProto a = find(name);
        if (a == null || !a.hasT()) {
            throw new IllegalArgumentException(where() + ": expected a tensor attribute '" + name + "'");
        }
        return a.getT();
    }

    /** Fails unless the attribute is absent or equals {@code expected} ("dilations other than 1 are not supported"). */
    void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(where() + ": " + what);
        }
    }

    private IllegalArgumentException bad(String name, String expected, String found) {
        return new IllegalArgumentException(where() + ": attribute " + name + " should be " + expected + ", found " + found);
    }
}
