package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.TrainingState;

/** Training resumed from a saved model continues exactly where it stopped. */
class ResumeTest {
    private static Sequential net() {
        return Sequential.builder(2).dense(12).activation("relu").dropout(0.2f).dense(1).activation("sigmoid").build(4);
    }

    private static Trainer.Builder trainer(Sequential model, Optimizer opt, int epochs) {
        return Trainer.builder(model, new BinaryCrossEntropy(), opt).epochs(epochs).batchSize(16).seed(21);
    }

    @Test
    void tenEpochsOfAdamEqualFiveThenFiveMoreFromTheSavedFile() throws Exception {
        Dataset data = Datasets.quadrants(150, 8);

        Sequential straight = net();
        History all = trainer(straight, new Adam(0.01f), 10).build().fit(data);

        Sequential first = net();
        Trainer t1 = trainer(first, new Adam(0.01f), 5).build();
        t1.fit(data);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelFile.write(file, new SavedModel(first, "bce", null, List.of("0", "1"), List.of("x1", "x2"),
                Task.CLASSIFICATION, t1.state()));

        SavedModel loaded = ModelFile.read(new ByteArrayInputStream(file.toByteArray()), "resume.safetensors");
        TrainingState state = loaded.training();
        assertThat(state.epochs()).isEqualTo(5);
        assertThat(state.steps()).isEqualTo(5 * 10); // 150 rows in batches of 16: 10 steps per epoch
        History rest = trainer(loaded.model(), state.optimizer(), 5).resume(state).build().fit(data);

        assertThat(WeightBits.of(loaded.model())).containsExactly(WeightBits.of(straight));
        assertThat(rest.epochs()).extracting(EpochStats::epoch).containsExactly(6, 7, 8, 9, 10);
        assertThat(rest.last().loss()).isEqualTo(all.last().loss());
    }

    @Test
    void withoutTheOptimizerStateTheRunDiffers() throws Exception {
        // the check above can fail: a fresh Adam (moments zero, t = 0) gives other weights
        Dataset data = Datasets.quadrants(150, 8);
        Sequential straight = net();
        trainer(straight, new Adam(0.01f), 10).build().fit(data);
        Sequential first = net();
        Trainer t1 = trainer(first, new Adam(0.01f), 5).build();
        t1.fit(data);
        TrainingState fresh = new TrainingState(new Adam(0.01f), t1.state().epochs(), t1.state().steps());
        trainer(first, fresh.optimizer(), 5).resume(fresh).build().fit(data);
        assertThat(WeightBits.of(first)).isNotEqualTo(WeightBits.of(straight));
    }

    @Test
    void trainStepHalvesCombineToTheWholeBatchGradient() {
        Dataset data = Datasets.quadrants(40, 2);
        Sequential a = net(), b = net();
        TrainStep whole = new TrainStep(a, new BinaryCrossEntropy());
        TrainStep.Result r = whole.gradients(data.x(), data.y(), new org.scratchnet.layer.BatchContext(1, 1, null, 0));
        float[] expected = whole.exportGradients(1f);

        TrainStep part = new TrainStep(b, new BinaryCrossEntropy());
        TrainStep.Result r1 = part.gradients(data.x().sliceRows(0, 25), data.y().sliceRows(0, 25),
                new org.scratchnet.layer.BatchContext(1, 1, null, 0));
        float[] g1 = part.exportGradients(25f / 40);
        TrainStep.Result r2 = part.gradients(data.x().sliceRows(25, 40), data.y().sliceRows(25, 40),
                new org.scratchnet.layer.BatchContext(1, 1, null, 25));
        float[] g2 = part.exportGradients(15f / 40);
        float[] sum = new float[g1.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = g1[i] + g2[i];
        }
        assertThat(r1.rows() + r2.rows()).isEqualTo(r.rows());
        assertThat(r1.lossSum() + r2.lossSum()).isCloseTo(r.lossSum(), org.assertj.core.data.Offset.offset(1e-4));
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i]).as("gradient %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
        part.importGradients(sum, 1f);
        part.apply(new Adam(0.01f));
        whole.apply(new Adam(0.01f));
        List<Parameter> pa = a.parameters(), pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            float[] x = pa.get(i).value().data(), y = pb.get(i).value().data();
            for (int j = 0; j < x.length; j++) {
                assertThat(y[j]).isCloseTo(x[j], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
