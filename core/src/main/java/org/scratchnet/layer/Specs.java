package org.scratchnet.layer;

/** Reads the words of a network-spec entry ("dense 64", "dropout 0.2"); errors say what the word should be. */
final class Specs {
    private Specs() {
    }

    static int positiveInt(String word, String text, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(word + ": expected an integer in 1.." + max + ", found '" + text + "'");
    }

    /** A finite number in [min, max). */
    static float number(String word, String text, float min, float max) {
        try {
            float v = Float.parseFloat(text);
            if (Float.isFinite(v) && v >= min && v < max && !text.endsWith("f") && !text.endsWith("d")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(word + ": expected a number in [" + fmt(min) + ", " + fmt(max) + "), found '"
                + text + "'");
    }

    private static String fmt(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
