package org.scratchnet.cli;

import picocli.CommandLine;

/**
 * Turns exceptions into one-line messages and exit codes: 2 for bad usage (picocli's own
 * parameter errors), 1 for bad data, files or a failed run. Stack traces only with --debug
 * or -Dscratchnet.debug=true.
 */
public final class Errors {
    private Errors() {
    }

    /** A user-facing failure: the message is the whole story, no stack trace needed. */
    public static final class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        public UserException(String message) {
            this(message, 1);
        }

        public UserException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    static boolean debug() {
        return Boolean.getBoolean("scratchnet.debug");
    }

    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            if (debug()) {
                ex.printStackTrace(cl.getErr());
            }
            int code = ex instanceof UserException ? ((UserException) ex).exitCode() : 1;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("error: " + msg.replace('\n', ' '));
            return code;
        }
    }
}
