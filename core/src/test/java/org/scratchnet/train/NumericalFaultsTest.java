package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.loss.Mse;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;

/** Training that blows up stops at once with where and what to try; bad numbers never get in. */
class NumericalFaultsTest {
    /** 2 → 16 relu → 1 regression on the quadrant points, target x1·x2·10. */
    private static Dataset regression() {
        return regression(0);
    }

    /** Target x1·x2·10 + offset. */
    private static Dataset regression(float offset) {
        Dataset q = Datasets.quadrants(200, 1);
        float[] y = new float[q.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 * q.x().get(i, 0) * q.x().get(i, 1) + offset;
        }
        return new Dataset(q.x(), Tensor.of(y, y.length, 1));
    }

    private static Sequential net() {
        return Sequential.builder(2).dense(16).activation("relu").dense(1).build(1);
    }

    @Test
    void learningRate100StopsAtTheFirstNonFiniteLossWithEpochStepAndAdvice() {
        List<Double> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double loss) {
                losses.add(loss);
            }
        };
        Trainer t = Trainer.builder(net(), new Mse(), new Sgd(100f)).epochs(100).batchSize(50).seed(3)
                .listener(record).build();
        TrainingDivergedException e = catchDiverged(() -> t.fit(regression()));
        // every step before the reported one had a finite loss: it stopped at the first bad one
        assertThat(losses).isNotEmpty().allMatch(Double::isFinite);
        assertThat(e.step()).isEqualTo(losses.size() + 1);
        assertThat(e.epoch()).isEqualTo((int) ((e.step() - 1) / 4) + 1); // 200 rows / 50 = 4 steps per epoch
        assertThat(e.getMessage()).matches("loss became (NaN|infinite) at epoch " + e.epoch() + " \\(step " + e.step()
                + "\\): lower the learning rate \\(now 100\\.0\\), check the input for NaN/Inf or very large values "
                + "\\(standardize features\\), or clip gradients").doesNotContain("\n");
    }

    @Test
    void aBlowUpInTheLastStepIsStillCaught() {
        // one full-batch step: the loss is finite, but lr 1e38 times a bias gradient of about -2000
        // (targets near 1000) sends the weights to ±Inf,
        // and no later forward pass would notice; the model must not come back looking trained
        Sequential model = net();
        Trainer t = Trainer.builder(model, new Mse(), new Sgd(1e38f)).epochs(1).batchSize(0).build();
        TrainingDivergedException e = catchDiverged(() -> t.fit(regression(1000)));
        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e.step()).isEqualTo(1);
        assertThat(e.getMessage()).matches("parameter 'dense[12]\\.(weight|bias)' became NaN or infinite at epoch 1 "
                + "\\(step 1\\): lower the learning rate \\(now 1\\.0E38\\), .*");
    }

    private static TrainingDivergedException catchDiverged(Runnable r) {
        try {
            r.run();
        } catch (TrainingDivergedException e) {
            return e;
        }
        throw new AssertionError("expected TrainingDivergedException");
    }

    @Test
    void nonFiniteInputsAreRejectedBeforeAnyStep() {
        Sequential model = net();
        float[] before = model.parameters().get(0).value().data().clone();
        Dataset d = regression();
        d.x().data()[7] = Float.NaN; // row 4, column 2
        assertThatThrownBy(() -> Trainer.builder(model, new Mse(), new Sgd(0.1f)).build().fit(d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training features contain NaN at row 4, column 2: remove or impute such values before training");
        Dataset y = regression();
        y.y().data()[0] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> Trainer.builder(model, new Mse(), new Sgd(0.1f)).build().fit(y))
                .hasMessage("training targets contain -Infinity at row 1, column 1: "
                        + "remove or impute such values before training");
        Dataset val = regression();
        val.x().data()[399] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Trainer.builder(model, new Mse(), new Sgd(0.1f)).validation(val).build()
                .fit(regression())).hasMessageStartingWith("validation features contain Infinity at row 200, column 2");
        assertThat(model.parameters().get(0).value().data()).containsExactly(before); // no step was taken
    }

    @Test
    void bceWithSaturatedSigmoidTrainsWithoutNaN() {
        // inputs scaled by 1e4 drive the sigmoid to exactly 0 or 1 in float32; clamped BCE keeps going
        Dataset q = Datasets.quadrants(100, 2);
        for (int i = 0; i < q.x().size(); i++) {
            q.x().data()[i] *= 1e4f;
        }
        Sequential model = Sequential.builder(2).dense(8).activation("tanh").dense(1).activation("sigmoid").build(2);
        History h = Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(1f)).epochs(20).batchSize(0).build().fit(q);
        assertThat(h.epochs()).allMatch(s -> Double.isFinite(s.loss()));
        for (Parameter p : model.parameters()) {
            assertThat(p.value().allFinite()).as(p.name()).isTrue();
        }
    }
}
