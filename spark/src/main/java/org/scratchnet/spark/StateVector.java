package org.scratchnet.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/** Optimizer state (tensors keyed "parameter/slot") as one flat array in a fixed key order, and back. */
final class StateVector {
    private StateVector() {
    }

    static float[] flatten(Map<String, Tensor> state, List<String> keys) {
        int n = 0;
        for (String k : keys) {
            n += state.get(k).size();
        }
        float[] out = new float[n];
        int at = 0;
        for (String k : keys) {
            float[] v = state.get(k).data();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** The state map for {@code model}'s parameters: each key's tensor shaped like its parameter. */
    static Map<String, Tensor> unflatten(float[] flat, List<String> keys, Sequential model) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            shapes.put(p.name(), p.value().shape());
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        int at = 0;
        for (String k : keys) {
            int[] shape = shapes.get(k.substring(0, k.lastIndexOf('/')));
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            float[] v = new float[size];
            System.arraycopy(flat, at, v, 0, size);
            at += size;
            out.put(k, Tensor.of(v, shape));
        }
        return out;
    }
}
