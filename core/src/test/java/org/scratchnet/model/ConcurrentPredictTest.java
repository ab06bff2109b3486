package org.scratchnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/** predict keeps no state, so many threads may share one trained model. */
class ConcurrentPredictTest {
    @Test
    void manyThreadsGetTheSameAnswersAsOne() throws Exception {
        Sequential model = Sequential.builder(20).dense(64).activation("relu").dense(32).activation("tanh")
                .dense(5).activation("softmax").build(3);
        Rng rng = new Rng(8);
        List<Tensor> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int rows = 1 + rng.nextInt(40);
            float[] x = new float[rows * 20];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) rng.nextGaussian();
            }
            Tensor t = Tensor.of(x, rows, 20);
            inputs.add(t);
            expected.add(model.predict(t).data().clone());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int start = task;
                results.add(pool.submit(() -> {
                    for (int r = 0; r < 50; r++) {
                        int i = (start + r) % inputs.size();
                        if (!java.util.Arrays.equals(model.predict(inputs.get(i)).data(), expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
