package org.scratchnet.spark;

/** A problem with the data or the command line, reported as one line without a stack trace. */
public final class SparkInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    private SparkInputException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** Bad data (exit code 1). */
    public static SparkInputException data(String message) {
        return new SparkInputException(message, false);
    }

    /** A wrong option (exit code 2). */
    public static SparkInputException usage(String message) {
        return new SparkInputException(message, true);
    }

    /** The exit code: 2 for a wrong option, 1 for bad data. */
    public int exitCode() {
        return usage ? 2 : 1;
    }
}
