package org.scratchnet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Option checks shared by the commands. Each failure is a one-line {@link Errors.UserException}
 * with exit code 2 naming the option, what it must be and what was given.
 */
public final class Checks {
    private Checks() {
    }

    public static Errors.UserException usage(String message) {
        return new Errors.UserException(message, 2);
    }

    /** {@code value} must be at least {@code min}: "--epochs must be >= 1, got 0". */
    public static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw usage(option + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** A positive finite number (learning rates): "--lr must be a positive number, got -1.0". */
    public static float positive(String option, float value) {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw usage(option + " must be a positive number, got " + value);
        }
        return value;
    }

    /** A finite number &ge; 0 (noise, momentum lower bound). */
    public static double nonNegative(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw usage(option + " must be a number >= 0, got " + value);
        }
        return value;
    }

    /** A number in [lo, hi). */
    public static double inRange(String option, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw usage(option + " must be in [" + fmt(lo) + ", " + fmt(hi) + "), got " + value);
        }
        return value;
    }

    /** One of {@code allowed} (case-insensitive); returns it in lower case. */
    public static String oneOf(String option, String value, List<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw usage(option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return v;
    }

    /** A comma-separated list of integers each &ge; {@code min}, e.g. "16,8". */
    public static List<Integer> intList(String option, String value, int min) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw usage(option + " must be comma-separated integers like 16,8, got '" + value + "'");
            }
            if (out.get(out.size() - 1) < min) {
                throw usage(option + " values must be >= " + min + ", got '" + value + "'");
            }
        }
        return out;
    }

    /**
     * Fails early (before any training) when {@code file} cannot be created: its directory must
     * exist and be writable, and the path must not be a directory. Exit code 1 (a file problem).
     */
    public static java.nio.file.Path writableTarget(String option, java.nio.file.Path file) {
        if (file == null) {
            return null;
        }
        java.nio.file.Path abs = file.toAbsolutePath();
        java.nio.file.Path dir = abs.getParent();
        if (java.nio.file.Files.isDirectory(abs)) {
            throw new Errors.UserException(option + " " + file + ": expected a file name, found a directory", 1);
        }
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new Errors.UserException(option + " " + file + ": directory " + dir + " does not exist", 1);
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            throw new Errors.UserException(option + " " + file + ": directory " + dir + " is not writable", 1);
        }
        return file;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
