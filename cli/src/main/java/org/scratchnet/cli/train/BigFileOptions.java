package org.scratchnet.cli.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scratchnet.cli.Checks;
import picocli.CommandLine.Option;

/** Options for large CSV files: a row limit and the binary cache (a picocli mixin for train and evaluate). */
public final class BigFileOptions {
    @Option(names = "--max-rows", paramLabel = "N", description = "Read only the first N data rows of a CSV file.")
    Integer maxRows;

    @Option(names = "--cache", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "Keep the parsed CSV as a binary file NAME.sncache in DIR (default: beside the CSV) and read it "
                    + "instead while the CSV is unchanged; rebuilt when the CSV changes.")
    String cache;

    @Option(names = "--stream", description = "train: read the CSV in ranges every epoch instead of holding it (files "
            + "larger than memory; rows shuffled within ranges, ranges in a new order each epoch).")
    boolean stream;

    /** True when an option was given (they apply to csv:PATH data only). */
    boolean any() {
        return maxRows != null || cache != null;
    }

    /** Copies the options into {@code o}, checked; usage errors for bad values or non-CSV data. */
    void apply(String spec, DataSpec.Options o) {
        if (any() && !DataSpec.kind(spec).equals("csv")) {
            throw Checks.usage("--max-rows and --cache apply to csv:PATH data");
        }
        if (maxRows != null) {
            o.maxRows = Checks.atLeast("--max-rows", maxRows, 1);
        }
        o.cache = cache;
    }

    /**
     * The cache directory for {@code csv}: {@code dir}, or the CSV's own directory when empty.
     * A path that cannot be a directory is a usage error naming the part in the way.
     */
    static Path cacheDir(String dir, Path csv) {
        Path d = dir.isEmpty() ? csv.toAbsolutePath().getParent() : Path.of(dir);
        for (Path p = d.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw Checks.usage("--cache: cannot use " + d + " as a directory: " + p + " is a file");
                }
                if (!Files.isWritable(p)) {
                    throw Checks.usage("--cache: cannot write to " + p + " (permission denied): choose another DIR");
                }
                break;
            }
        }
        return d;
    }
}
