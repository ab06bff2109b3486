package org.scratchnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the CLI in-process for tests and captures what it printed. */
public final class CliRun {
    /** Exit code, standard output and standard error of one run. */
    public record Result(int code, String out, String err) {
        /** The first group of the first match of {@code regex} in stdout, as a double. */
        public double number(String regex) {
            Matcher m = Pattern.compile(regex).matcher(out);
            if (!m.find()) {
                throw new AssertionError("no match for /" + regex + "/ in output:\n" + out);
            }
            return Double.parseDouble(m.group(1));
        }
    }

    private CliRun() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
