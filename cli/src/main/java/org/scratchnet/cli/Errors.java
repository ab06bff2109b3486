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

    /**
     * The reason behind a failed file operation in a few words, naming the path it concerns:
     * {@code "/tmp/a is a file, not a directory"}, {@code "/x: permission denied"}.
     */
    public static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException) {
            java.nio.file.FileSystemException fse = (java.nio.file.FileSystemException) e;
            String file = fse.getFile();
            String reason = fse.getReason();
            if (reason == null) {
                if (e instanceof java.nio.file.FileAlreadyExistsException && file != null
                        && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(file))) {
                    return file + " is a file, not a directory";
                }
                reason = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
                        : e.getClass().getSimpleName();
            }
            return (file == null ? "" : file + ": ") + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    static boolean debug() {
        return Boolean.getBoolean("scratchnet.debug");
    }

    /**
     * picocli's own parameter errors (unknown or missing option, a value that is not a number):
     * one line and exit 2, with a pointer to --help instead of the whole usage text.
     */
    static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            if (debug()) {
                ex.printStackTrace(cl.getErr());
            }
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("error: " + msg.replace('\n', ' ').replace('\r', ' ') + " (see '"
                    + cl.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        }
    }

    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            if (debug()) {
                ex.printStackTrace(cl.getErr());
            }
            int code = ex instanceof UserException ? ((UserException) ex).exitCode() : 1;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("error: " + msg.replace('\n', ' ').replace('\r', ' '));
            return code;
        }
    }
}
