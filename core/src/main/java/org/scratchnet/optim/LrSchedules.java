package org.scratchnet.optim;

import java.util.Locale;

/**
 * Learning-rate schedules from a short spec, the forms PyTorch's {@code lr_scheduler} users know:
 * <ul>
 *   <li>{@code step:EVERY:FACTOR}: multiply the rate by FACTOR every EVERY epochs ({@code StepLR}):
 *       epoch e uses base·FACTOR^⌊(e−1)/EVERY⌋.</li>
 *   <li>{@code cosine}: anneal from the base rate to 0 over the run's epochs T
 *       ({@code CosineAnnealingLR}, T_max = T, eta_min = 0): epoch e uses base·(1 + cos(π(e−1)/T))/2.</li>
 *   <li>{@code plateau:PATIENCE:FACTOR}: multiply by FACTOR when the watched loss has not improved
 *       (by more than 1e-4 relative) for more than PATIENCE epochs in a row, then start counting
 *       again ({@code ReduceLROnPlateau}, mode min; as there, PATIENCE 2 means the third epoch
 *       without improvement lowers the rate). Reductions smaller than 1e-8 are skipped, so the
 *       rate never reaches 0. It remembers the best loss it has seen, which starts afresh when a
 *       run begins, including a resumed one.</li>
 * </ul>
 */
public final class LrSchedules {
    /** The accepted forms, for messages and help. */
    public static final String FORMS = "step:EVERY:FACTOR, cosine, plateau:PATIENCE:FACTOR";

    private LrSchedules() {
    }

    /** Parses {@code spec} (case-insensitive); a bad one is a one-line IllegalArgumentException naming it and the forms. */
    public static LrSchedule parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":", -1);
        switch (parts[0]) {
            case "step" -> {
                arity(spec, parts, 3, "step:EVERY:FACTOR, e.g. step:10:0.5");
                int every = whole(spec, "EVERY", parts[1], 1);
                double factor = factor(spec, parts[2], false);
                return new Step(every, factor);
            }
            case "cosine" -> {
                arity(spec, parts, 1, "just 'cosine'");
                return new Cosine();
            }
            case "plateau" -> {
                arity(spec, parts, 3, "plateau:PATIENCE:FACTOR, e.g. plateau:5:0.1");
                int patience = whole(spec, "PATIENCE", parts[1], 0);
                double factor = factor(spec, parts[2], true);
                return new Plateau(patience, factor);
            }
            default -> throw bad(spec, "unknown schedule '" + parts[0] + "'");
        }
    }

    private static void arity(String spec, String[] parts, int n, String form) {
        if (parts.length != n) {
            throw bad(spec, "expected " + form);
        }
    }

    private static int whole(String spec, String name, String text, int min) {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(spec, name + " must be a whole number >= " + min + ", found '" + text + "'");
        }
        if (v < min) {
            throw bad(spec, name + " must be a whole number >= " + min + ", found " + v);
        }
        return v;
    }

    private static double factor(String spec, String text, boolean belowOne) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        boolean ok = v > 0 && (belowOne ? v < 1 : Double.isFinite(v));
        if (!ok) {
            throw bad(spec, "FACTOR must be a number " + (belowOne ? "in (0, 1)" : "> 0") + ", found '" + text + "'");
        }
        return v;
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("learning-rate schedule '" + spec + "': " + why + " (accepted: " + FORMS + ")");
    }

    static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** StepLR: base·factor^⌊epoch/every⌋ for the epoch after {@code epoch}. */
    private record Step(int every, double factor) implements LrSchedule {
        @Override
        public double next(int epoch, int epochs, double baseLr, double currentLr, double loss) {
            return baseLr * Math.pow(factor, epoch / every);
        }

        @Override
        public String spec() {
            return "step:" + every + ":" + number(factor);
        }

        @Override
        public String describe() {
            return "step: lr x" + number(factor) + " every " + every + (every == 1 ? " epoch" : " epochs");
        }
    }

    /** CosineAnnealingLR with T_max = the run's epochs and eta_min = 0, in closed form. */
    private record Cosine() implements LrSchedule {
        @Override
        public double next(int epoch, int epochs, double baseLr, double currentLr, double loss) {
            return baseLr * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
        }

        @Override
        public String spec() {
            return "cosine";
        }

        @Override
        public String describe() {
            return "cosine: lr from its base to 0 over the run's epochs";
        }
    }

    /** ReduceLROnPlateau, mode min, relative threshold 1e-4, no cooldown, min_lr 0, eps 1e-8. */
    private static final class Plateau implements LrSchedule {
        private static final double THRESHOLD = 1e-4;
        private static final double MIN_CHANGE = 1e-8;
        private final int patience;
        private final double factor;
        private double best = Double.POSITIVE_INFINITY;
        private int bad;

        Plateau(int patience, double factor) {
            this.patience = patience;
            this.factor = factor;
        }

        @Override
        public double next(int epoch, int epochs, double baseLr, double currentLr, double loss) {
            if (loss < best * (1 - THRESHOLD)) {
                best = loss;
                bad = 0;
            } else {
                bad++;
            }
            if (bad > patience) {
                bad = 0;
                double lower = currentLr * factor;
                return currentLr - lower > MIN_CHANGE ? lower : currentLr;
            }
            return currentLr;
        }

        @Override
        public void reset() {
            best = Double.POSITIVE_INFINITY;
            bad = 0;
        }

        @Override
        public String spec() {
            return "plateau:" + patience + ":" + number(factor);
        }

        @Override
        public String describe() {
            return "plateau: lr x" + number(factor) + " after " + (patience + 1)
                    + (patience == 0 ? " epoch" : " epochs") + " without improvement";
        }
    }
}
