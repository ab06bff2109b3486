package org.scratchnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Benchmarks; each is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's speed.",
        subcommands = {KernelBench.class, CoresBench.class, org.scratchnet.cli.mnist.MnistBench.class,
            org.scratchnet.cli.mnist.MnistCnnBench.class, LoadCsvBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
