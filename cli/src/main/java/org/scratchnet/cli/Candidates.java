package org.scratchnet.cli;

import java.util.Iterator;

/** Option values for picocli's ${COMPLETION-CANDIDATES}, taken from core so help never drifts from the code. */
public final class Candidates {
    private Candidates() {
    }

    /** Activation names (Activations.NAMES). */
    public static final class ActivationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return org.scratchnet.activation.Activations.NAMES.iterator();
        }
    }

    /** Loss names (Losses.NAMES). */
    public static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return org.scratchnet.loss.Losses.NAMES.iterator();
        }
    }

    /** Optimizer names (Optimizers.NAMES). */
    public static final class OptimizerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return org.scratchnet.optim.Optimizers.NAMES.iterator();
        }
    }
}
