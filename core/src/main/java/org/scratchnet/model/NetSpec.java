package org.scratchnet.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scratchnet.init.Initializer;
import org.scratchnet.layer.Configs;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;

/**
 * A network written as text, one layer per comma-separated entry, each a layer type's word and
 * its arguments: {@code "dense 64, relu, dropout 0.2, dense 32, tanh"}. The words and arguments
 * come from each {@link LayerType} ({@link LayerTypes#usage()} lists them).
 *
 * <pre>{@code
 * Sequential m = NetSpec.parse("dense 16, relu, dense 1, sigmoid").build(new int[] {2}, null, null, 42);
 * }</pre>
 *
 * @param entries the layers in order: each a type and its configuration
 */
public record NetSpec(List<Entry> entries) {
    /** One layer of a spec: its type, configuration and the text it came from. */
    public record Entry(LayerType type, Map<String, Object> config, String text) {
    }

    public NetSpec {
        entries = List.copyOf(entries);
    }

    /** Reads a spec; errors are one-line {@link IllegalArgumentException}s naming the entry. */
    public static NetSpec parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        String[] parts = spec.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i].trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is empty: write layers as 'dense 64, relu, ...'");
            }
            List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")));
            String word = words.remove(0);
            LayerType type = LayerTypes.byToken(word);
            if (type == null) {
                throw new IllegalArgumentException("'" + text + "': unknown layer '" + word + "' (expected "
                        + LayerTypes.usage() + ")");
            }
            try {
                entries.add(new Entry(type, type.parse(word.toLowerCase(java.util.Locale.ROOT), words), text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
            }
        }
        return new NetSpec(entries);
    }

    /**
     * The network for input samples shaped {@code inputShape}, with the spec's layers and then
     * {@code tail} (e.g. the output layer a task needs); weights from {@code init} (null: each
     * layer's default) and initialized from {@code seed}. A layer that does not fit the shape
     * before it is a one-line error naming the entry and the shape, e.g.
     * {@code 'dense 10' after conv: input is [N, 64, 5, 5], dense takes [N, D]: add flatten before it}.
     */
    public Sequential build(int[] inputShape, Initializer weightInit, Initializer biasInit, long seed) {
        Sequential.Builder b = Sequential.builder(inputShape);
        if (weightInit != null) {
            b.init(weightInit, biasInit);
        }
        String previous = "the input";
        for (Entry e : entries) {
            int[] before = b.shape();
            try {
                b.add(e.type(), e.config());
            } catch (IllegalArgumentException ex) {
                String why = ex.getMessage();
                int cut = why.indexOf("): ");
                throw new IllegalArgumentException("'" + e.text() + "' after " + previous + ": "
                        + (cut >= 0 && why.indexOf('(') < cut ? why.substring(cut + 3) : why)
                        + (why.contains(Configs.batchShape(before)) ? "" : " (input " + Configs.batchShape(before) + ")"));
            }
            previous = e.text();
        }
        return b.build(seed);
    }
}
