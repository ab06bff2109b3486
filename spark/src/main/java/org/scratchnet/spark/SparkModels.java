package org.scratchnet.spark;

import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;

/**
 * The network for a table, as {@code train} builds it: the spec's layers (default
 * {@code dense 16, relu}), then the output the task needs: two classes → {@code dense 1, sigmoid}
 * with binary cross-entropy; K classes → {@code dense K} (logits) with softmax cross-entropy;
 * regression → {@code dense 1} with mean squared error.
 */
public final class SparkModels {
    /** {@code train}'s default hidden layer. */
    public static final String DEFAULT_NET = "dense 16, relu";

    private SparkModels() {
    }

    /** An untrained model for {@code table} with weights seeded by {@code seed}. */
    public static SavedModel untrained(SparkTable table, String net, long seed) {
        int k = table.outputs();
        boolean binary = table.task() == Task.CLASSIFICATION && k == 1;
        String head = ", dense " + k + (binary ? ", sigmoid" : "");
        String loss = table.task() == Task.REGRESSION ? "mse" : binary ? "bce" : "softmax_ce";
        Sequential model;
        try {
            model = NetSpec.parse((net == null ? DEFAULT_NET : net.trim()) + head)
                    .build(new int[] {table.rules().encodedWidth()}, null, null, seed);
        } catch (IllegalArgumentException e) {
            throw SparkInputException.usage("--net: " + e.getMessage());
        }
        return new SavedModel(model, loss, table.standardizer(), table.classNames(), table.rules().encodedNames(),
                table.task(), null, table.rules());
    }
}
