package org.scratchnet.layer;

import java.util.List;
import java.util.Map;

/**
 * The one description of a kind of layer. Model files, {@code explain}, the command line's
 * network spec ({@code --net "dense 64, relu, dropout 0.2"}), the layer table and plots all read
 * it, so a new layer type is added here (and in {@link LayerTypes#ALL}) and nowhere else.
 */
public interface LayerType {
    /** The type name in model files ("dense", "activation", "dropout", "flatten"). */
    String name();

    /** Words that start this layer in a network spec, e.g. {@code ["dense"]} or the activation names. */
    List<String> tokens();

    /** How to write it in a network spec, e.g. {@code "dense UNITS [nobias]"}. */
    String usage();

    /**
     * Reads a network-spec entry: {@code word} is the token that named this type, {@code args}
     * the words after it. Returns the layer's configuration; bad arguments are a one-line
     * {@link IllegalArgumentException} saying what was expected.
     */
    Map<String, Object> parse(String word, List<String> args);

    /**
     * Builds a layer named {@code name} from {@code config} for input sample shape
     * {@code in} (batch excluded), checking both; parameters are allocated but not initialized.
     */
    Layer create(String name, Map<String, ?> config, int[] in);

    /**
     * The tensors a layer of this configuration holds for input sample shape {@code in} (its
     * parameters, then its buffers), as name suffix → shape: {@code {"weight": [D, H], "bias": [1, H]}}.
     * A model file's tensors are checked against these before the layer allocates anything.
     * Checks the configuration and shape as {@link #create} does.
     */
    Map<String, int[]> tensors(Map<String, ?> config, int[] in);

    /** Short words for tables and explanations, e.g. {@code "dense 16"}, {@code "relu"}, {@code "dropout 0.2"}. */
    String describe(Map<String, ?> config);

    /** A network-spec entry that builds a layer of this type, e.g. {@code "dense 3"} (help texts, tests). */
    String example();

    /**
     * The forward pass in the tutorials' notation, for {@code explain}: {@code in} names the
     * input ("x", "a1"), {@code k} numbers this layer among those with parameters (W1, b1).
     */
    default String formula(Map<String, ?> config, String in, int k) {
        return name() + "(" + in + ")";
    }

    /**
     * How the gradient of tensor {@code of} ("input", or a parameter suffix such as "weight")
     * follows from {@code dOut}, the gradient of the output, in the tutorials' notation; null
     * when there is no short formula ({@code explain} then prints ∂L/∂…).
     */
    default String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
        return null;
    }

    /**
     * The oldest model {@code format_version} whose readers know this type: 1 for the types
     * version 1 already had (dense, activation), 2 for every later one (the default).
     */
    default int formatVersion() {
        return 2;
    }

    /** Prefix of automatic layer names: dense1, relu1, dropout1. */
    default String namePrefix(Map<String, ?> config) {
        return name();
    }
}
