package org.scratchnet.cli.train;

import org.scratchnet.cli.Checks;
import org.scratchnet.data.Task;
import picocli.CommandLine.Option;

/** The data options shared by train, evaluate and sweep (a picocli mixin). */
public final class DataOptions {
    /** The --data source, a bare file path already turned into csv:PATH ({@link DataSpec#normalize}). */
    public String spec;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "A CSV file (PATH or csv:PATH), or a built-in: quadrants, xor, and, or, letters, moons, circles, "
                    + "spiral[:K], gaussian, xor-square.")
    void data(String value) {
        spec = DataSpec.normalize(value);
    }

    @Option(names = "--samples", defaultValue = "200", description = "Rows for the generated built-ins (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", defaultValue = "0.1", description = "Noise of moons, circles, spiral (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV label column: header name or 0-based index (default: last).")
    String label;

    @Option(names = "--task", defaultValue = "auto",
            description = "CSV label meaning: classification, regression or auto (default: ${DEFAULT-VALUE}).")
    String task;

    /** The options for {@link DataSpec}, generators seeded with {@code seed}. */
    public DataSpec.Options options(long seed) {
        DataSpec.Options o = new DataSpec.Options();
        o.samples = Checks.atLeast("--samples", samples, 1);
        o.noise = Checks.nonNegative("--noise", noise);
        o.seed = seed;
        o.label = label;
        try {
            o.task = Task.byName(task);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--task must be classification, regression or auto, got '" + task + "'");
        }
        return o;
    }
}
