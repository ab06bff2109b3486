package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Tensor;

/** Same seed, 1 or 2 threads: the trained weights are identical bit for bit. */
class ThreadDeterminismTest {
    private static float[][] train(int threads) {
        int saved = Engine.threads();
        try {
            Engine.setThreads(threads);
            // x (300, 200) Gaussian, y one-hot of 10 classes from the sign pattern of two columns
            Rng rng = new Rng(1);
            float[] x = new float[300 * 200], y = new float[300 * 10];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < 300; i++) {
                y[i * 10 + ((x[i * 200] > 0 ? 1 : 0) + (x[i * 200 + 1] > 0 ? 2 : 0) + 3 * (i % 2))] = 1f;
            }
            Sequential model = Sequential.builder(200).dense(96).activation("relu").dense(10).build(7);
            Trainer.builder(model, new SoftmaxCrossEntropy(), new Adam(1e-3f)).epochs(3).batchSize(64).seed(5).build()
                    .fit(new Dataset(Tensor.of(x, 300, 200), Tensor.of(y, 300, 10)));
            List<Parameter> ps = model.parameters();
            float[][] out = new float[ps.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = ps.get(i).value().data().clone();
            }
            return out;
        } finally {
            Engine.setThreads(saved);
        }
    }

    @Test
    void oneAndTwoThreadsTrainToIdenticalWeights() {
        float[][] one = train(1), two = train(2);
        assertThat(one).hasNumberOfRows(4);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).as("parameter %d", i).containsExactly(one[i]);
        }
    }
}
