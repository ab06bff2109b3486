package org.scratchnet.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

/**
 * An optimizer's per-parameter buffers, keyed by parameter name. Each parameter has one flat
 * buffer per slot, as long as the parameter; the shape is kept only to report it back. Sizes,
 * not shapes, must match a parameter: the updates are element-wise, so a {@code [1, H]} buffer
 * serves an {@code [H]} parameter as well.
 */
final class SlotStore {
    /** One parameter's buffers, in slot order, and the shape they report. */
    record Entry(int[] shape, float[][] arrays) {
    }

    private final Map<String, Entry> byParam = new LinkedHashMap<>();

    /** The buffers of {@code p}, created as zeros on first use. */
    float[][] get(Parameter p, List<String> slotNames) {
        if (slotNames.isEmpty()) {
            return new float[0][];
        }
        int n = p.value().size();
        Entry e = byParam.get(p.name());
        if (e == null) {
            e = new Entry(p.value().shape().clone(), new float[slotNames.size()][n]);
            byParam.put(p.name(), e);
        } else if (e.arrays[0].length != n) {
            throw mismatch(p.name() + "/" + slotNames.get(0), e.shape, p);
        }
        return e.arrays;
    }

    /** Copies of every buffer, keyed {@code "<parameter>/<slot>"}. */
    Map<String, Tensor> snapshot(List<String> slotNames) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : byParam.entrySet()) {
            for (int s = 0; s < slotNames.size(); s++) {
                out.put(e.getKey() + "/" + slotNames.get(s),
                        Tensor.of(e.getValue().arrays[s].clone(), e.getValue().shape.clone()));
            }
        }
        return out;
    }

    void replace(Map<String, Entry> parsed) {
        byParam.clear();
        byParam.putAll(parsed);
    }

    /**
     * Checks {@code state} against the slots {@code optimizer} keeps and copies it into entries
     * by parameter name; changes nothing on failure.
     */
    static Map<String, Entry> parse(String optimizer, Map<String, Tensor> state, List<String> slotNames) {
        if (state == null) {
            throw new IllegalArgumentException("optimizer state must not be null");
        }
        Map<String, Tensor[]> grouped = new LinkedHashMap<>();
        Map<String, String> firstKey = new HashMap<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            String key = e.getKey();
            int cut = key == null ? -1 : key.lastIndexOf('/');
            if (cut < 1 || cut == key.length() - 1) {
                throw new IllegalArgumentException("optimizer state key '" + key
                        + "': expected '<parameter name>/<slot>', e.g. 'dense1.weight/" + example(slotNames) + "'");
            }
            String param = key.substring(0, cut), slot = key.substring(cut + 1);
            int s = slotNames.indexOf(slot);
            if (s < 0) {
                throw new IllegalArgumentException("optimizer state '" + key + "': " + optimizer + " has no slot '"
                        + slot + "' (" + keeps(optimizer, slotNames) + ")");
            }
            Tensor t = e.getValue();
            if (t == null) {
                throw new IllegalArgumentException("optimizer state '" + key + "' is null");
            }
            Tensor[] group = grouped.computeIfAbsent(param, k -> new Tensor[slotNames.size()]);
            String first = firstKey.putIfAbsent(param, key);
            Tensor ref = first == null ? null : state.get(first);
            if (ref != null && !Arrays.equals(ref.shape(), t.shape())) {
                throw new IllegalArgumentException("optimizer state '" + key + "' has shape " + t.shapeString()
                        + ", '" + first + "' has shape " + ref.shapeString() + " (slots of one parameter share its shape)");
            }
            group[s] = t;
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor[]> g : grouped.entrySet()) {
            Tensor[] ts = g.getValue();
            float[][] arrays = new float[ts.length][];
            for (int s = 0; s < ts.length; s++) {
                if (ts[s] == null) {
                    throw new IllegalArgumentException("optimizer state for '" + g.getKey() + "' lacks '" + g.getKey()
                            + "/" + slotNames.get(s) + "' (" + keeps(optimizer, slotNames) + ")");
                }
                arrays[s] = ts[s].data().clone();
            }
            out.put(g.getKey(), new Entry(ts[0].shape().clone(), arrays));
        }
        return out;
    }

    /** Every entry must name one of {@code params} and have its size. */
    static void checkAgainst(Map<String, Entry> parsed, List<Parameter> params, List<String> slotNames) {
        Map<String, Parameter> byName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Parameter p : params) {
            byName.put(p.name(), p);
            names.add(p.name());
        }
        for (Map.Entry<String, Entry> e : parsed.entrySet()) {
            Parameter p = byName.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("optimizer state for '" + e.getKey()
                        + "' names no parameter of the model (parameters: " + String.join(", ", names) + ")");
            }
            if (e.getValue().arrays[0].length != p.value().size()) {
                throw mismatch(e.getKey() + "/" + slotNames.get(0), e.getValue().shape, p);
            }
        }
    }

    private static IllegalArgumentException mismatch(String key, int[] stateShape, Parameter p) {
        return new IllegalArgumentException("optimizer state '" + key + "' has shape " + Optimizer.shape(stateShape)
                + ", parameter '" + p.name() + "' has shape " + p.value().shapeString());
    }

    private static String keeps(String optimizer, List<String> slotNames) {
        return slotNames.isEmpty() ? optimizer + " keeps no state in this configuration"
                : optimizer + " keeps " + String.join(", ", slotNames);
    }

    private static String example(List<String> slotNames) {
        return slotNames.isEmpty() ? "exp_avg" : slotNames.get(0);
    }
}
