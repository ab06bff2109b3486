package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scratchnet.cli.SeeItLearn;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A small tutorial command. Its options keep their defaults as field values, so a run that sets
 * no option needs no command model: {@link ExampleCommand#withDefaults} hands such a run straight
 * to {@link #run}, and picocli is only loaded when there are options to parse (reading the option
 * annotations is most of a short run's start-up). Parsed runs print to picocli's output stream.
 */
public abstract class Tutorial implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The "see it learn" options every tutorial shares (progress, --plots, --ascii, --quiet). */
    @Mixin
    SeeItLearn see = new SeeItLearn();

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut());
    }

    /** Runs the tutorial with the options as they are set, printing to {@code out}; returns the exit code. */
    public abstract int run(PrintWriter out);
}
