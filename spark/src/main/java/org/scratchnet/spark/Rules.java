package org.scratchnet.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TableLabels;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;

/**
 * Column rules from the learning pass's statistics: fill values (mean from the pass; median and a
 * number's most frequent value each take one more distributed query, only when chosen), sorted
 * vocabularies, class names in the order {@code train} gives them, the task, the target scaling,
 * and the standardizer of the filled number columns (one-hot inputs keep mean 0, std 1, as
 * {@code train} does).
 */
final class Rules {
    private Rules() {
    }

    static RowEncoder fit(Dataset<Row> selected, TableSpec spec, List<String> chosen, boolean[] number,
            List<String> sourceNames, ColumnStats s, Consumer<String> notes) {
        long labelled = s.rows - s.labelMissing;
        if (labelled == 0) {
            throw SparkInputException.data(s.rows == 0 ? "expected rows, found an empty dataset"
                    : "expected rows with a label in column '" + spec.label() + "', found none among " + s.rows + " row(s)");
        }
        if (s.labelMissing > 0) {
            notes.accept("skipped " + s.labelMissing + " row(s) whose label '" + spec.label() + "' is missing");
        }
        List<ColumnRules.Column> cols = new ArrayList<>();
        float[] mean = new float[0];
        List<Float> means = new ArrayList<>(), stds = new ArrayList<>();
        for (int f = 0; f < number.length; f++) {
            String name = chosen.get(f);
            if (s.infinite[f] > 0) {
                throw SparkInputException.data("column '" + name + "' holds " + s.infinite[f]
                        + " infinite value(s) (or beyond the float range): remove or rescale them");
            }
            if (s.missing[f] > 0 && spec.impute() == Imputation.NONE) {
                throw SparkInputException.data("column '" + name + "' has " + s.missing[f] + " missing value(s):"
                        + " fill them with --impute mean|median|most-frequent, or leave the column out with --drop");
            }
            if (s.present[f] == 0) {
                throw SparkInputException.data("column '" + name + "' has no values (every cell is missing): drop it"
                        + " with --drop");
            }
            if (number[f]) {
                double fill = numberFill(selected, f, name, s, spec.impute());
                double[] all = ColumnStats.chan(s.present[f], s.mean[f], s.m2[f], s.missing[f], fill, 0);
                long n = s.present[f] + s.missing[f];
                float sd = (float) Math.sqrt(all[1] / n);
                means.add((float) all[0]);
                stds.add(sd > 0 && Float.isFinite(sd) ? sd : 1f);
                cols.add(new ColumnRules.Column(name, sourceNames.indexOf(name), ColumnRules.Kind.NUMBER, List.of(),
                        SparkTable.numberText(fill)));
            } else {
                if (s.overflow[f]) {
                    throw SparkInputException.data("column '" + name + "' has more than " + ColumnStats.MAX_DISTINCT
                            + " distinct text values (an ID or free text?): leave it out with --drop");
                }
                List<String> vocab = new ArrayList<>(s.counts[f].keySet());
                vocab.sort(null);
                cols.add(new ColumnRules.Column(name, sourceNames.indexOf(name), ColumnRules.Kind.CATEGORY, vocab,
                        ColumnStats.mostFrequent(s.counts[f])));
                for (int k = 0; k < vocab.size(); k++) {
                    means.add(0f);
                    stds.add(1f);
                }
            }
        }
        Task task = task(spec, s);
        List<String> classes = List.of();
        TargetScale target = null;
        if (task == Task.CLASSIFICATION) {
            if (s.labelOverflow) {
                throw SparkInputException.data("label column '" + spec.label() + "' has more than "
                        + ColumnStats.MAX_DISTINCT + " distinct values: use --task regression for a numeric target");
            }
            classes = TableLabels.order(s.labels.keySet());
            if (classes.size() < 2) {
                throw SparkInputException.data("expected at least 2 classes in label column '" + spec.label()
                        + "', found only '" + classes.get(0) + "' (use --task regression?)");
            }
        } else {
            float sd = (float) Math.sqrt(s.labelM2 / s.labelCount);
            target = new TargetScale((float) s.labelMean, sd > 0 && Float.isFinite(sd) ? sd : 1f);
        }
        ColumnRules rules = new ColumnRules(spec.label(), sourceNames.indexOf(spec.label()), sourceNames.size(), true,
                cols, target);
        mean = new float[means.size()];
        float[] std = new float[stds.size()];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = means.get(j);
            std[j] = stds.get(j);
        }
        return new RowEncoder(rules, task, classes, new Standardizer(mean, std), number);
    }

    private static Task task(TableSpec spec, ColumnStats s) {
        Task t = spec.task();
        if (t == Task.REGRESSION && !s.labelAllNumbers) {
            throw SparkInputException.data("expected a numeric target for regression in column '" + spec.label()
                    + "', found text values");
        }
        if (t != Task.AUTO) {
            return t;
        }
        if (!s.labelAllNumbers) {
            return Task.CLASSIFICATION;
        }
        return s.labelAllIntegers && !s.labelOverflow && s.labels.size() <= TableLabels.maxAutoClasses()
                ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** The value a missing number cell takes (also stored for prediction when none is missing: the mean). */
    private static double numberFill(Dataset<Row> selected, int f, String name, ColumnStats s, Imputation how) {
        if (s.missing[f] == 0 || how == Imputation.NONE || how == Imputation.MEAN) {
            return s.mean[f];
        }
        String col = SparkTable.quote(selected.columns()[f]);
        Dataset<Row> present = selected.filter(functions.col(col).isNotNull().and(functions.not(functions.isnan(
                functions.col(col)))));
        if (how == Imputation.MEDIAN) {
            // relative error 0: the exact middle value (for an even count, the lower of the two)
            return present.stat().approxQuantile(selected.columns()[f], new double[] {0.5}, 0.0)[0];
        }
        Row top = present.groupBy(functions.col(col)).count()
                .orderBy(functions.desc("count"), functions.asc(selected.columns()[f])).first();
        return ((Number) top.get(0)).doubleValue();
    }
}
