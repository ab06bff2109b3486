package org.scratchnet.spark;

import java.util.List;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.Sequential;

/**
 * A model's parameters, then its buffers (batch-norm running statistics), back to back in one
 * float array: what the driver broadcasts each step and what model averaging adds up.
 */
final class Weights {
    private Weights() {
    }

    /** Number of values {@link #export} returns. */
    static int size(Sequential m) {
        return count(m.parameters()) + count(m.buffers());
    }

    /** Parameter count alone (the gradient's length). */
    static int parameterSize(Sequential m) {
        return count(m.parameters());
    }

    static float[] export(Sequential m) {
        float[] out = new float[size(m)];
        int at = copyOut(m.parameters(), out, 0);
        copyOut(m.buffers(), out, at);
        return out;
    }

    /** Sets every parameter and buffer from {@code flat} (the layout of {@link #export}). */
    static void load(Sequential m, float[] flat) {
        int at = copyIn(m.parameters(), flat, 0);
        copyIn(m.buffers(), flat, at);
    }

    /** Sets only the buffers from {@code flat}, which starts at the first buffer value. */
    static void loadBuffers(Sequential m, float[] flat) {
        copyIn(m.buffers(), flat, 0);
    }

    static float[] exportBuffers(Sequential m) {
        float[] out = new float[count(m.buffers())];
        copyOut(m.buffers(), out, 0);
        return out;
    }

    private static int count(List<Parameter> ps) {
        long n = 0;
        for (Parameter p : ps) {
            n += p.value().size();
        }
        return Math.toIntExact(n);
    }

    private static int copyOut(List<Parameter> ps, float[] out, int at) {
        for (Parameter p : ps) {
            float[] v = p.value().data();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return at;
    }

    private static int copyIn(List<Parameter> ps, float[] in, int at) {
        for (Parameter p : ps) {
            float[] v = p.value().data();
            System.arraycopy(in, at, v, 0, v.length);
            at += v.length;
        }
        return at;
    }
}
