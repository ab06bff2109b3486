package org.scratchnet.init;

import org.scratchnet.tensor.Tensor;

/** Fills a parameter tensor, given its fan-in and fan-out, from the shared {@link Rng}. */
@FunctionalInterface
public interface Initializer {
    void fill(Tensor t, int fanIn, int fanOut, Rng rng);

    /** A name for summaries and model files, e.g. {@code normal(0.01)}. */
    default String describe() {
        return "custom";
    }
}
