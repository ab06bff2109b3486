package org.scratchnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Trainer;

/**
 * Synchronous data-parallel training on local[2] equals core's single-machine Trainer on the same
 * rows with the same global batch (to 1e-6 relative), and repeats bit for bit.
 */
class SyncTrainingTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SavedModel train(SparkTable t, JavaRDD<Block> blocks, String net, String opt, SparkRun run) {
        SavedModel start = SparkModels.untrained(t, net, 7);
        Optimizer o = Optimizers.create(opt, java.util.Map.of("lr", 0.05));
        return new SparkTrainer(SparkTestSession.context(spark), run, line -> { }).fit(start, o, null, blocks, null);
    }

    /** The same rows, gathered in partition order (test only: training never collects them). */
    static org.scratchnet.data.Dataset local(JavaRDD<Block> blocks, int d, int k) {
        List<Block> all = blocks.collect();
        int n = all.stream().mapToInt(Block::rows).sum();
        float[] x = new float[n * d], y = new float[n * k];
        int at = 0;
        for (Block b : all) {
            System.arraycopy(b.x(), 0, x, at * d, b.rows() * d);
            System.arraycopy(b.y(), 0, y, at * k, b.rows() * k);
            at += b.rows();
        }
        return new org.scratchnet.data.Dataset(Tensor.of(x, n, d), Tensor.of(y, n, k));
    }

    @Test
    void equalsSingleMachineTrainerWithTheSameGlobalBatch() {
        Dataset<Row> df = SparkTestSession.threeClasses(spark, 203, 3, 1);
        SparkTable t = SparkTable.prepare(df, TableSpec.of("label"), note -> { });
        JavaRDD<Block> blocks = t.blocks();
        String net = "dense 12, tanh, dropout 0.2, dense 8, relu";
        SavedModel spark = train(t, blocks, net, "adam", SparkRun.sync(3, 16, 5));

        SavedModel ref = SparkModels.untrained(t, net, 7);
        Optimizer o = Optimizers.create("adam", java.util.Map.of("lr", 0.05));
        Trainer.builder(ref.model(), Losses.byName(ref.loss()), o).epochs(3).batchSize(16).seed(5).build()
                .fit(local(blocks, t.rules().encodedWidth(), t.outputs()));

        assertThat(spark.training().steps()).isEqualTo(3 * 13);
        assertClose(spark.model(), ref.model(), 1e-6);
        blocks.unpersist();
    }

    @Test
    void emptyPartitionsAndMorePartitionsThanRowsTrainAsOneMachine() {
        Dataset<Row> df = SparkTestSession.threeClasses(spark, 30, 40, 3); // 10 partitions hold no row
        SparkTable t = SparkTable.prepare(df, TableSpec.of("label"), note -> { });
        JavaRDD<Block> blocks = t.blocks();
        assertThat(blocks.map(Block::rows).collect()).contains(0);
        SavedModel spark = train(t, blocks, null, "sgd", SparkRun.sync(2, 8, 5));

        SavedModel ref = SparkModels.untrained(t, null, 7);
        Trainer.builder(ref.model(), Losses.byName(ref.loss()), Optimizers.create("sgd", java.util.Map.of("lr", 0.05)))
                .epochs(2).batchSize(8).seed(5).build().fit(local(blocks, t.rules().encodedWidth(), t.outputs()));
        assertClose(spark.model(), ref.model(), 1e-6);
        blocks.unpersist();
    }

    @Test
    void localStepsWithModelAveragingLearnAndCarryTheOptimizerState() {
        Dataset<Row> df = SparkTestSession.threeClasses(spark, 240, 2, 6);
        SparkTable t = SparkTable.prepare(df, TableSpec.of("label"), note -> { });
        JavaRDD<Block> blocks = t.blocks();
        SavedModel m = train(t, blocks, "dense 16, relu", "adam", SparkRun.sync(8, 16, 5).withSyncEvery(4));
        assertThat(m.training().steps()).isEqualTo(8 * 15);
        assertThat(m.training().optimizer().steps()).isEqualTo(8 * 15);
        // Adam's moments are averaged and kept, not restarted every round
        assertThat(m.training().optimizer().state()).hasSize(2 * m.model().parameters().size());
        org.scratchnet.data.Dataset d = local(blocks, t.rules().encodedWidth(), t.outputs());
        assertThat(org.scratchnet.train.Metrics.accuracy(m.model().predict(d.x()), d.y(), true)).isGreaterThan(0.85);
        blocks.unpersist();
    }

    @Test
    void sameSeedAndPartitioningGiveTheSameBits() {
        Dataset<Row> df = SparkTestSession.threeClasses(spark, 150, 4, 2);
        SparkTable t = SparkTable.prepare(df, TableSpec.of("label"), note -> { });
        JavaRDD<Block> blocks = t.blocks();
        byte[] a = ModelFile.toBytes(train(t, blocks, null, "sgd", SparkRun.sync(2, 10, 3)));
        byte[] b = ModelFile.toBytes(train(t, blocks, null, "sgd", SparkRun.sync(2, 10, 3)));
        assertThat(b).isEqualTo(a);
        byte[] other = ModelFile.toBytes(train(t, blocks, null, "sgd", SparkRun.sync(2, 10, 4)));
        assertThat(other).isNotEqualTo(a);
        blocks.unpersist();
    }

    static double normwise(List<Parameter> pa, List<Parameter> pb) {
        double worst = 0;
        for (int i = 0; i < pa.size(); i++) {
            float[] x = pa.get(i).value().data(), y = pb.get(i).value().data();
            double d = 0, n = 0;
            for (int j = 0; j < x.length; j++) {
                d += (double) (x[j] - y[j]) * (x[j] - y[j]);
                n += (double) y[j] * y[j];
            }
            worst = Math.max(worst, Math.sqrt(d / n));
        }
        return worst;
    }

    /**
     * Every parameter tensor within {@code tol} relative error, ||a - b|| / ||b|| (Frobenius): the
     * two runs add the same gradients in a different float order, so single elements near zero
     * differ more than the tensors do.
     */
    static void assertClose(Sequential a, Sequential b, double tol) {
        List<Parameter> pa = a.parameters(), pb = b.parameters();
        assertThat(pa).hasSameSizeAs(pb);
        assertThat(normwise(pa, pb)).as("largest relative difference of a parameter tensor").isLessThan(tol);
    }
}
