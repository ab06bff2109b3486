package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.loss.HalfSquaredError;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Tensor;

class TrainerTest {
    private static Sequential tutorialNet(long seed) {
        return Sequential.builder(2).init(Initializers.normal(0.01), Initializers.zeros())
                .dense(16).activation("relu").dense(1).activation("sigmoid").build(seed);
    }

    @Test
    void firstTutorialReachesItsAccuracyAndLabels() {
        Sequential model = tutorialNet(42);
        History h = Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(1000).batchSize(0).shuffle(false).build().fit(Datasets.quadrants(200, 42));
        assertThat(h.size()).isEqualTo(1000);
        assertThat(h.last().accuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss() / 5);
        Tensor p = model.predict(Tensor.matrix(new float[][] {{1, 1}, {1, -1}, {-0.5f, -0.8f}, {-0.5f, 0.8f}}));
        assertThat(new int[] {p.get(0) > 0.5 ? 1 : 0, p.get(1) > 0.5 ? 1 : 0, p.get(2) > 0.5 ? 1 : 0, p.get(3) > 0.5 ? 1 : 0})
                .containsExactly(1, 0, 1, 0);
    }

    @Test
    void xorWithTanhPerSampleSgd() {
        Sequential model = Sequential.builder(2).init(Initializers.normal(1.0), Initializers.zeros())
                .dense(3).activation("tanh").dense(1).build(3);
        Trainer.builder(model, new HalfSquaredError(), new Sgd(0.1f))
                .epochs(3000).batchSize(1).shuffle(false).build().fit(Datasets.xor());
        Tensor p = model.predict(Datasets.xor().x());
        float[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(p.get(i) - expected[i])).as("row %d: %s", i, p.get(i)).isLessThan(0.1f);
        }
    }

    /** A 3-class problem big enough that the products run multi-threaded. */
    private static Dataset blobs(int n) {
        Rng rng = new Rng(4);
        float[] x = new float[n * 64];
        float[] y = new float[n * 3];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            y[i * 3 + c] = 1;
            for (int j = 0; j < 64; j++) {
                x[i * 64 + j] = (float) rng.nextGaussian() + (j % 3 == c ? 1f : 0f);
            }
        }
        return new Dataset(Tensor.of(x, n, 64), Tensor.of(y, n, 3));
    }

    private static float[][] trainWithThreads(int threads) {
        int saved = Engine.threads();
        try {
            Engine.setThreads(threads);
            Sequential model = Sequential.builder(64).dense(128).activation("relu").dense(3).build(7);
            History h = Trainer.builder(model, new SoftmaxCrossEntropy(), new Adam(1e-3f))
                    .epochs(3).batchSize(256).seed(5).build().fit(blobs(1024));
            assertThat(h.last().accuracy()).isGreaterThan(0.9);
            return model.parameters().stream().map(p -> p.value().data().clone()).toArray(float[][]::new);
        } finally {
            Engine.setThreads(saved);
        }
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalWeights() {
        float[][] one = trainWithThreads(1);
        float[][] two = trainWithThreads(2);
        assertThat(two).hasSameDimensionsAs(one);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).containsExactly(one[i]);
        }
    }

    @Test
    void divergenceStopsWithAdvice() {
        Sequential model = Sequential.builder(2).dense(16).activation("relu").dense(1).build(1);
        Dataset d = Datasets.quadrants(200, 1);
        for (int i = 0; i < d.x().size(); i++) {
            d.x().data()[i] *= 1000;
        }
        assertThatThrownBy(() -> Trainer.builder(model, new org.scratchnet.loss.Mse(), new Sgd(100f))
                .epochs(500).batchSize(0).build().fit(d))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("at epoch").hasMessageContaining("lower the learning rate (now 100.0)");
    }

    @Test
    void rejectsNanInputBeforeTraining() {
        Dataset d = Datasets.quadrants(10, 1);
        d.x().data()[5] = Float.NaN;
        assertThatThrownBy(() -> Trainer.builder(tutorialNet(1), new BinaryCrossEntropy(), new Sgd(0.1f)).build().fit(d))
                .hasMessageContaining("NaN").hasMessageContaining("row 3, column 2");
    }

    @Test
    void earlyStoppingEndsTrainingAndRestoresBestWeights() {
        Dataset[] parts = Datasets.quadrants(300, 3).split(0.3, 3);
        Sequential model = Sequential.builder(2).dense(64).activation("relu").dense(1).activation("sigmoid").build(2);
        EarlyStopping es = new EarlyStopping(5, 0.0, true);
        History h = Trainer.builder(model, new BinaryCrossEntropy(), new Adam(0.05f))
                .epochs(2000).batchSize(16).validation(parts[1]).listener(es).build().fit(parts[0]);
        assertThat(h.size()).isLessThan(2000);
        assertThat(h.stopReason()).startsWith("early stopping");
        double bestVal = h.epochs().get(es.bestEpoch() - 1).valLoss();
        double restored = new BinaryCrossEntropy().value(model.predict(parts[1].x()), parts[1].y());
        assertThat(restored).isCloseTo(bestVal, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sameSeedSameBits() {
        float[] a = trainSmall(11), b = trainSmall(11), c = trainSmall(12);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    /** 300 images of 1x6x6 bytes whose class is whether the left half is brighter. */
    private static org.scratchnet.data.Dataset byteImages(long seed, boolean compact) {
        java.util.Random r = new java.util.Random(seed);
        int n = 300;
        byte[] px = new byte[n * 36];
        float[] y = new float[n * 2];
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            table[b] = b / 255f;
        }
        for (int i = 0; i < n; i++) {
            int left = 0;
            for (int j = 0; j < 36; j++) {
                px[i * 36 + j] = (byte) r.nextInt(256);
                left += (j % 6 < 3 ? 1 : -1) * (px[i * 36 + j] & 0xFF);
            }
            y[i * 2 + (left > 0 ? 1 : 0)] = 1;
        }
        Tensor yt = Tensor.of(y, n, 2);
        if (compact) {
            return org.scratchnet.data.Dataset.compact(new org.scratchnet.data.ByteRows(px, n, new int[] {1, 6, 6}, table),
                    yt, java.util.List.of());
        }
        float[] x = new float[px.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = table[px[i] & 0xFF];
        }
        return new org.scratchnet.data.Dataset(Tensor.of(x, n, 1, 6, 6), yt);
    }

    @Test
    void compactBytesTrainToTheSameBitsAsFloats() {
        History[] h = new History[2];
        float[][] w = new float[2][];
        Sequential[] m = new Sequential[2];
        for (int c = 0; c < 2; c++) {
            m[c] = org.scratchnet.model.NetSpec.parse("conv 4 3, relu, maxpool 2, flatten, dropout 0.2, dense 2")
                    .build(new int[] {1, 6, 6}, null, null, 5);
            // 300 rows, batch 64: a shorter last batch; 300 validation rows: predicted in two chunks
            h[c] = Trainer.builder(m[c], new org.scratchnet.loss.SoftmaxCrossEntropy(), new org.scratchnet.optim.Adam(0.01f))
                    .epochs(3).batchSize(64).seed(5).validation(byteImages(6, c == 1)).build().fit(byteImages(5, c == 1));
            w[c] = m[c].parameters().get(0).value().data().clone();
        }
        assertThat(w[1]).containsExactly(w[0]);
        for (int e = 0; e < 3; e++) {
            assertThat(h[1].epochs().get(e).loss()).isEqualTo(h[0].epochs().get(e).loss());
            // validation goes through in chunks of other sizes: the matrix kernels' row tiles may
            // then sum in another order, so the last bits of a logit can differ
            assertThat(h[1].epochs().get(e).valLoss()).isCloseTo(h[0].epochs().get(e).valLoss(),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(h[1].epochs().get(e).valAccuracy()).isEqualTo(h[0].epochs().get(e).valAccuracy());
        }
        assertThat(h[0].last().loss()).isLessThan(h[0].epochs().get(0).loss()); // it did learn something
        Tensor chunked = Trainer.predict(m[0], byteImages(6, true));
        assertThat(chunked.shape()).containsExactly(300, 2);
        assertThat(chunked.data()).containsExactly(m[0].predict(byteImages(6, false).x()).data(),
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThatThrownBy(() -> Trainer.predict(m[0], byteImages(6, true).slice(0, 0)))
                .hasMessage("predict: the dataset is empty");
    }

    private static float[] trainSmall(long seed) {
        Sequential m = Sequential.builder(2).dense(8).activation("tanh").dense(1).activation("sigmoid").build(seed);
        Trainer.builder(m, new BinaryCrossEntropy(), new Sgd(0.1f, 0.9f, 0f)).epochs(5).batchSize(10).seed(seed)
                .build().fit(Datasets.quadrants(100, 1));
        Parameter w = m.parameters().get(0);
        return w.value().data().clone();
    }
}
