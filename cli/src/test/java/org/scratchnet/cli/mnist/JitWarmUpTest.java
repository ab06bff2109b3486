package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.cli.Jit;
import org.scratchnet.data.Dataset;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.TrainingListener;

class JitWarmUpTest {
    @Test
    void aChunkIsFiftyBatchesAndAHalfOrTheWholeSmallerSet() {
        assertThat(JitWarmUp.chunkRows(60000)).isEqualTo(50 * 64 + 32);
        assertThat(JitWarmUp.chunkRows(3232)).isEqualTo(3232);
        assertThat(JitWarmUp.chunkRows(2000)).isEqualTo(2000);
        // a smaller set trains as many epochs as a chunk's 51 steps need
        assertThat(JitWarmUp.chunkEpochs(60000)).isEqualTo(1);
        assertThat(JitWarmUp.chunkSteps(60000)).isEqualTo(51);
        assertThat(JitWarmUp.chunkEpochs(3232)).isEqualTo(1);
        assertThat(JitWarmUp.chunkEpochs(3200)).isEqualTo(2); // 50 steps: one short of a chunk
        assertThat(JitWarmUp.chunkSteps(3200)).isEqualTo(100);
        assertThat(JitWarmUp.chunkEpochs(2000)).isEqualTo(2);
        assertThat(JitWarmUp.chunkSteps(2000)).isEqualTo(64);
        assertThat(JitWarmUp.chunkEpochs(100)).isEqualTo(26);
        assertThat(JitWarmUp.chunkSteps(100)).isEqualTo(52);
        assertThat(JitWarmUp.chunkSteps(1)).isEqualTo(51);
    }

    @Test
    void slicesMoveThroughTheWholeSetAndStayInside() {
        int rows = 3232, size = 60000;
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < JitWarmUp.MAX_CHUNKS; i++) {
            int from = JitWarmUp.sliceStart(i, rows, size);
            assertThat(from).isBetween(0, size - rows);
            starts.add(from);
        }
        assertThat(starts).startsWith(0, 3232, 6464).doesNotHaveDuplicates();
        assertThat(starts.stream().mapToInt(Integer::intValue).max().getAsInt()).isGreaterThan(size / 2);
        assertThat(JitWarmUp.sliceStart(7, 100, 100)).isZero();
        assertThat(JitWarmUp.sliceStart(7, 100, 60)).isZero();
        assertThat(JitWarmUp.sliceStart(1, 100, 101)).isEqualTo(100 % 2);
    }

    @Test
    void trainsTheRealNetworkOnAFewRows() {
        int n = 150; // fewer rows than a chunk: every chunk trains 17 epochs of 2 full batches and 22 rows
        float[] x = new float[n * 784], y = new float[n * 10];
        for (int i = 0; i < n; i++) {
            x[i * 784 + i % 784] = 1f;
            y[i * 10 + i % 10] = 1f;
        }
        List<Integer> epochEnds = new ArrayList<>();
        Jit.Result r = JitWarmUp.training(new Dataset(Tensor.of(x, n, 784), Tensor.of(y, n, 10)), 42,
                () -> new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainContext ctx, EpochStats s) {
                        epochEnds.add(s.epoch());
                    }
                });
        assertThat(r.chunks()).isBetween(1, JitWarmUp.MAX_CHUNKS);
        // a new listener (and model) each chunk: every chunk's epochs count from 1
        assertThat(epochEnds).hasSize(r.chunks() * 17);
        assertThat(epochEnds.subList(epochEnds.size() - 17, epochEnds.size())).first().isEqualTo(1);
        assertThat(r.blind()).isFalse();
    }
}
