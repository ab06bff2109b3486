package org.scratchnet.cli.train;

import java.util.ArrayList;
import java.util.List;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.TableOptions;
import picocli.CommandLine.Option;

/** Which CSV columns are features and how missing cells are handled (a picocli mixin for train and sweep). */
public final class ColumnOptions {
    @Option(names = "--features", paramLabel = "COL,...", description = "Only these columns are features (header names or 0-based indices).")
    String features;

    @Option(names = "--drop", paramLabel = "COL,...", description = "Columns that are not features, e.g. an ID or name column.")
    String drop;

    @Option(names = "--categorical", paramLabel = "COL,...",
            description = "Read these columns as categories (one-hot) even if they hold numbers; text columns always are.")
    String categorical;

    @Option(names = "--impute", paramLabel = "HOW",
            description = "Fill missing cells (empty, NA, N/A, null, NaN, ?): mean, median or most-frequent (text columns: most frequent). Default: missing cells are an error.")
    String impute;

    @Option(names = "--drop-missing", description = "Skip rows with a missing feature value (the count is printed).")
    boolean dropMissing;

    /** True when any column option was given (they apply to csv:PATH data only). */
    boolean any() {
        return features != null || drop != null || categorical != null || impute != null || dropMissing;
    }

    /** The options as {@link TableOptions}; bad combinations are usage errors. */
    TableOptions table() {
        if (features != null && drop != null) {
            throw Checks.usage("--features and --drop: give one of them, not both");
        }
        if (impute != null && dropMissing) {
            throw Checks.usage("--impute and --drop-missing: give one of them, not both");
        }
        TableOptions t = new TableOptions().dropMissing(dropMissing);
        if (features != null) {
            t.features(list("--features", features));
        }
        if (drop != null) {
            t.drop(list("--drop", drop));
        }
        if (categorical != null) {
            t.categorical(list("--categorical", categorical));
        }
        if (impute != null) {
            Imputation how;
            try {
                how = Imputation.byName(impute);
            } catch (IllegalArgumentException e) {
                how = Imputation.NONE;
            }
            if (how == Imputation.NONE) {
                throw Checks.usage("--impute must be one of mean, median, most-frequent, got '" + impute + "'");
            }
            t.impute(how);
        }
        return t;
    }

    private static List<String> list(String option, String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isBlank()) {
                throw Checks.usage(option + " must be comma-separated column names or 0-based indices, got '" + value + "'");
            }
            out.add(part.trim());
        }
        return out;
    }
}
