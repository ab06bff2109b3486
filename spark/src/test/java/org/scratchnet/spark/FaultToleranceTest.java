package org.scratchnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.optim.Optimizers;

/**
 * A task that fails once is retried and the model is bit-identical; a run resumed from a
 * checkpoint (model and optimizer state) ends with the bits of an uninterrupted run. On
 * local[2,3]: two cores, a task may be tried 3 times.
 */
class FaultToleranceTest {
    private static SparkSession spark;
    private static final AtomicInteger FAILED = new AtomicInteger();

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("local[2,3]");
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    FAILED.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SavedModel train(SparkTable t, JavaRDD<Block> blocks, SparkRun run, SavedModel resumeFrom) {
        SavedModel start = resumeFrom != null ? resumeFrom : SparkModels.untrained(t, "dense 8, tanh", 11);
        var opt = resumeFrom != null ? resumeFrom.training().optimizer() : Optimizers.create("adam", Map.of("lr", 0.02));
        return new SparkTrainer(SparkTestSession.context(spark), run, line -> { })
                .fit(start, opt, resumeFrom == null ? null : resumeFrom.training(), blocks, null);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheModelIsBitIdentical() throws Exception {
        SparkTable t = SparkTable.prepare(SparkTestSession.threeClasses(spark, 120, 3, 4), TableSpec.of("label"), n -> { });
        JavaRDD<Block> blocks = t.blocks();
        byte[] clean = ModelFile.toBytes(train(t, blocks, SparkRun.sync(2, 16, 9), null));
        int before = FAILED.get();
        byte[] retried = ModelFile.toBytes(train(t, blocks, SparkRun.sync(2, 16, 9).withFailureAt(5), null));
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertThat(FAILED.get() - before).as("planted failures").isEqualTo(1);
        assertThat(retried).isEqualTo(clean);

        byte[] avg = ModelFile.toBytes(train(t, blocks, SparkRun.sync(2, 16, 9).withSyncEvery(3), null));
        byte[] avgRetried = ModelFile.toBytes(train(t, blocks, SparkRun.sync(2, 16, 9).withSyncEvery(3)
                .withFailureAt(4), null));
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertThat(FAILED.get() - before).as("planted failures, both runs").isEqualTo(2);
        assertThat(avgRetried).isEqualTo(avg);
        blocks.unpersist();
    }

    @Test
    void resumingFromACheckpointReachesTheBitsOfAnUninterruptedRun(@TempDir Path dir) throws Exception {
        SparkTable t = SparkTable.prepare(SparkTestSession.threeClasses(spark, 100, 3, 5), TableSpec.of("label"), n -> { });
        JavaRDD<Block> blocks = t.blocks();
        byte[] whole = ModelFile.toBytes(train(t, blocks, SparkRun.sync(3, 8, 2), null));

        Path ckpt = dir.resolve("run.ckpt.safetensors");
        train(t, blocks, SparkRun.sync(2, 8, 2).withCheckpoints(5, ckpt), null); // "stopped" after 2 epochs
        SavedModel saved = ModelFile.load(ckpt);
        assertThat(saved.training().steps()).as("last checkpoint: step 25, in epoch 2 of 13 steps each").isEqualTo(25);
        assertThat(saved.training().epochs()).isEqualTo(1);
        byte[] resumed = ModelFile.toBytes(train(t, blocks, SparkRun.sync(2, 8, 2), saved));
        assertThat(resumed).isEqualTo(whole);
        assertThat(Files.list(dir).count()).as("no temporary files left").isEqualTo(1);
        blocks.unpersist();
    }
}
