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
            cl.getErr().println("error: " + msg.replace('\n', ' ').replace('\r', ' ') + suggestion(ex) + " (see '"
                    + cl.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        }

        /** "; did you mean 'train'?" for a mistyped command or option (picocli's closest names), else "". */
        static String suggestion(CommandLine.ParameterException ex) {
            if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
                return "";
            }
            String typed = u.getUnmatched().get(0);
            String key = typed.startsWith("-") && typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            for (String s : u.getSuggestions()) {
                // picocli lists near names; keep one that is a close spelling of what was typed
                if (!s.equals(key) && distance(s, key) <= Math.max(2, key.length() / 3)) {
                    return "; did you mean '" + s + "'?";
                }
            }
            return "";
        }

        /** Edit distance with adjacent transpositions (optimal string alignment). */
        static int distance(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }
    }

    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            return report(ex, cl.getErr());
        }
    }

    /** A failed run as one line on {@code err} (a stack trace too with --debug); returns the exit code. */
    static int report(Exception ex, java.io.PrintWriter err) {
        if (debug()) {
            ex.printStackTrace(err);
        }
        int code = ex instanceof UserException ? ((UserException) ex).exitCode() : 1;
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("error: " + msg.replace('\n', ' ').replace('\r', ' '));
        return code;
    }
}
