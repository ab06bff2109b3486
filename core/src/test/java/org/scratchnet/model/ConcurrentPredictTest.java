package org.scratchnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Tensor;

/**
 * predict keeps no state, so many threads may share one trained model. The check has teeth: a
 * planted layer that predicts through the training path (shared output buffer) is caught.
 */
class ConcurrentPredictTest {
    /** 32 inputs x (rows, 20), rows 1..40, plus two of 1024 rows (2·1024·20·64 FLOP, so Parallel splits them too). */
    private static List<Tensor> inputs() {
        return inputs(false);
    }

    /** As {@link #inputs()}, or 32 inputs of 16 rows each when {@code sameRows}. */
    private static List<Tensor> inputs(boolean sameRows) {
        Rng rng = new Rng(8);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < (sameRows ? 32 : 34); i++) {
            int rows = sameRows ? 16 : i < 32 ? 1 + rng.nextInt(40) : 1024;
            float[] x = new float[rows * 20];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) rng.nextGaussian();
            }
            inputs.add(Tensor.of(x, rows, 20));
        }
        return inputs;
    }

    /** Number of predictions, out of 32 tasks × 25 on 8 threads, that differ from the single-threaded answer. */
    private static int mismatches(UnaryOperator<Tensor> predict, List<Tensor> inputs) throws Exception {
        List<float[]> expected = new ArrayList<>();
        for (Tensor t : inputs) {
            expected.add(predict.apply(t).data().clone());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                int start = task;
                results.add(pool.submit(() -> {
                    int bad = 0;
                    for (int r = 0; r < 25; r++) {
                        int i = (start * 7 + r) % inputs.size();
                        try {
                            if (!Arrays.equals(predict.apply(inputs.get(i)).data(), expected.get(i))) {
                                bad++;
                            }
                        } catch (RuntimeException e) {
                            bad++; // a race can also surface as a shape error
                        }
                    }
                    return bad;
                }));
            }
            int bad = 0;
            for (Future<Integer> f : results) {
                bad += f.get();
            }
            return bad;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsGetTheSameAnswersAsOne() throws Exception {
        Sequential model = Sequential.builder(20).dense(64).activation("relu").dense(32).activation("tanh")
                .dense(5).activation("softmax").build(3);
        int old = Engine.threads();
        Engine.setThreads(2);
        try {
            assertThat(mismatches(model::predict, inputs())).isZero();
        } finally {
            Engine.setThreads(old);
        }
    }

    /**
     * A Dense whose inference goes through the training path, which reuses one output buffer per
     * row count; the yield widens the window in which another thread overwrites it.
     */
    private static Layer sharedBuffer(Dense d) {
        return new Layer() {
            public String name() {
                return d.name();
            }

            public String type() {
                return d.type();
            }

            public Tensor forward(Tensor x, boolean training) {
                Tensor z = d.forward(x, true);
                Thread.yield();
                return z;
            }

            public Tensor backward(Tensor g, boolean need) {
                return d.backward(g, need);
            }

            public List<Parameter> parameters() {
                return d.parameters();
            }

            public java.util.Map<String, Object> config() {
                return d.config();
            }

            public int[] outputShape(int[] in) {
                return d.outputShape(in);
            }
        };
    }

    @Test
    void theCheckCatchesAPlantedRace() throws Exception {
        Sequential seeded = Sequential.builder(20).dense(64).dense(5).build(3); // random weights, not zeros
        Sequential racy = new Sequential(20, List.of(sharedBuffer((Dense) seeded.layers().get(0)),
                sharedBuffer((Dense) seeded.layers().get(1))));
        // races are timing-dependent: same-size inputs share the buffer, and a few attempts are allowed
        int bad = 0;
        for (int attempt = 0; attempt < 20 && bad == 0; attempt++) {
            bad = mismatches(racy::predict, inputs(true));
        }
        assertThat(bad).isPositive();
    }
}
