package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A small tutorial command. Its options keep their defaults as field values, so a run that sets
 * no option needs no command model: {@link ExampleCommand#withDefaults} hands such a run straight
 * to {@link #run}, and picocli is only loaded when there are options to parse (reading the option
 * annotations is most of a short run's start-up).
 */
public interface Tutorial extends Callable<Integer> {
    /** Runs the tutorial with the options as they are set, printing to {@code out}; returns the exit code. */
    int run(PrintWriter out);
}
