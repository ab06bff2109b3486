package org.scratchnet.cli;

import org.scratchnet.cli.examples.QuadrantsExample;
import picocli.CommandLine.Command;

/** {@code scratchnet demo}: the {@code quadrants} example (the first tutorial) under a short name. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a 2-16-1 network to tell whether x and y have the same sign (the first tutorial).")
public final class DemoCommand extends QuadrantsExample {
}
