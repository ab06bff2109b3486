package org.scratchnet.cli.train;

import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.tensor.Tensor;

/**
 * The data train fits on: splits (test first, then validation from the rest; seeded), column
 * rules learned on the training rows only, features standardized with the training split's
 * mean/std (one-hot inputs left as 0/1, as scikit-learn's ColumnTransformer does), and regression
 * targets standardized with the training split's mean/std.
 *
 * @param train  the training split, ready for the network
 * @param val    validation split or null
 * @param test   test split or null
 * @param std    feature standardization, or null
 * @param rules  column rules (with the target scaling) for CSV tables, or null
 */
record TrainData(Dataset train, Dataset val, Dataset test, Standardizer std, ColumnRules rules) {
    /** The target scaling, or null. */
    TargetScale target() {
        return rules == null ? null : rules.target();
    }

    static TrainData prepare(DataSpec.Loaded loaded, SavedModel start, Boolean standardize, double testSplit,
            double valSplit, long seed) {
        Dataset all = loaded.data();
        ColumnRules rules = start != null ? start.columns() : null;
        if (start == null && loaded.table() != null) {
            // learn vocabularies and fill values on the training rows only: split the row numbers as the data
            int n = all.size();
            float[] index = new float[n];
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            Dataset rows = split(new Dataset(Tensor.of(index, n, 1), Tensor.of(new float[n], n, 1)), testSplit,
                    valSplit, seed)[0];
            int[] fitRows = new int[rows.size()];
            for (int i = 0; i < fitRows.length; i++) {
                fitRows[i] = (int) rows.x().data()[i];
            }
            rules = loaded.table().fit(fitRows);
            all = loaded.table().dataset(rules, n1 -> { });
            loaded.table().release(); // the parsed cells are not needed again: a large table's memory goes back
            if (all.x().size() >= 4_000_000) {
                System.gc(); // collected now, before the splits copy the rows, so the two never add up
            }
        }
        Dataset[] parts = split(all, testSplit, valSplit, seed);
        Dataset train = parts[0], val = parts[1], test = parts[2];
        Standardizer std;
        if (start != null) {
            std = start.standardizer();
        } else {
            boolean on = standardize != null ? standardize : !loaded.builtIn();
            std = on ? fitStandardizer(train.x(), rules) : null;
        }
        TargetScale target = rules == null ? null : rules.target();
        if (start == null && rules != null && loaded.task() == Task.REGRESSION) {
            target = TargetScale.fit(train.y());
            rules = rules.withTarget(target);
        }
        boolean copies = testSplit > 0 || valSplit > 0; // the parts are fresh copies, so they may be changed in place
        return new TrainData(ready(train, std, target, copies), ready(val, std, target, copies),
                ready(test, std, target, copies), std, rules);
    }

    /** [train, validation or null, test or null] with the seeded shuffles train has always used. */
    static Dataset[] split(Dataset d, double testSplit, double valSplit, long seed) {
        Dataset train = d, val = null, test = null;
        if (testSplit > 0) {
            Dataset[] parts = TrainCommand.split(train, testSplit, seed, "--test-split");
            train = parts[0];
            test = parts[1];
        }
        if (valSplit > 0) {
            Dataset[] parts = TrainCommand.split(train, valSplit / (1 - testSplit), seed + 1, "--val-split");
            train = parts[0];
            val = parts[1];
        }
        return new Dataset[] {train, val, test};
    }

    /** Mean/std of the number inputs; one-hot inputs keep mean 0, std 1 (left as they are). */
    static Standardizer fitStandardizer(Tensor x, ColumnRules rules) {
        Standardizer s = Standardizer.fit(x);
        if (rules == null) {
            return s;
        }
        boolean[] numeric = rules.numericInputs();
        float[] mean = s.mean(), sd = s.std();
        for (int j = 0; j < numeric.length; j++) {
            if (!numeric[j]) {
                mean[j] = 0f;
                sd[j] = 1f;
            }
        }
        return new Standardizer(mean, sd);
    }

    private static Dataset ready(Dataset d, Standardizer std, TargetScale target, boolean inPlace) {
        if (d == null) {
            return null;
        }
        Dataset out = d;
        if (std != null && inPlace) {
            std.transformInPlace(d.x());
        } else if (std != null) {
            out = std.transform(d);
        }
        return target == null ? out : new Dataset(out.x(), target.scale(out.y()), out.classNames());
    }
}
