package org.scratchnet.spark;

import java.io.PrintWriter;
import org.scratchnet.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code scratchnet spark} and of the job jar ({@code spark-submit --class
 * org.scratchnet.spark.SparkMain ... train ...}). Errors are one line on stderr, exit 2 for a
 * wrong command line, 1 for bad data or a failed run; {@code --debug} adds the stack trace.
 */
@Command(name = "scratchnet spark", mixinStandardHelpOptions = true,
        description = "Data-parallel training on Apache Spark.",
        subcommands = {SparkTrainCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code); // spark-submit reports a non-zero status only through the exit code
        }
    }

    /** Runs the command with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage().lines().findFirst().orElse(""));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("error: " + message(e));
            err.flush();
            return exitCode(e);
        });
        return cl.execute(rest);
    }

    static int exitCode(Throwable e) {
        Throwable c = root(e);
        if (c instanceof SparkInputException s) {
            return s.exitCode();
        }
        return c instanceof IllegalArgumentException && !(c instanceof NumberFormatException) ? 2 : 1;
    }

    /** The one line for an error: the message of the cause that says what went wrong. */
    static String message(Throwable e) {
        Throwable c = root(e);
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Our own exception inside Spark's wrappers (a task failure wraps what the task threw). */
    private static Throwable root(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof SparkInputException) && !(c instanceof TrainingDivergedException)) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
