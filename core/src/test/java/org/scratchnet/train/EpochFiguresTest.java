package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;

/** The loss and accuracy an epoch reports are the ones its steps saw, averaged over the samples. */
class EpochFiguresTest {
    private static Sequential net() {
        return Sequential.builder(2).init(Initializers.normal(0.5), Initializers.zeros())
                .dense(8).activation("relu").dense(1).activation("sigmoid").build(3);
    }

    @Test
    void aFullBatchEpochReportsTheLossAndAccuracyOfTheWeightsItStartedFrom() {
        Dataset data = Datasets.quadrants(120, 5);
        Sequential model = net();
        Tensor before = model.predict(data.x());
        double loss = new BinaryCrossEntropy().value(before, data.y());
        double accuracy = Metrics.accuracy(before, data.y(), false);
        History h = Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(1).batchSize(0).shuffle(false).build().fit(data);
        assertThat(h.last().loss()).isCloseTo(loss, within(1e-6));
        assertThat(h.last().accuracy()).isEqualTo(accuracy);
        assertThat(h.last().accuracy()).isBetween(0.0, 1.0);
        assertThat(h.last().steps()).isEqualTo(1);
        // the epoch's own wall time: well under a minute for one step of a tiny network
        assertThat(h.last().seconds()).isBetween(0.0, 60.0);
    }

    @Test
    void aMiniBatchEpochReportsTheSampleWeightedMeanOfItsBatchLosses() {
        Dataset data = Datasets.quadrants(100, 6);
        List<Double> batchLosses = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double batchLoss) {
                batchLosses.add(batchLoss);
                numbers.add(epoch + ":" + batch + "/" + batches);
            }
        };
        History h = Trainer.builder(net(), new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(1).batchSize(32).seed(9).listener(record).build().fit(data);
        // 100 rows in batches of 32: 32, 32, 32 and 4
        assertThat(numbers).containsExactly("1:1/4", "1:2/4", "1:3/4", "1:4/4");
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += batchLosses.get(i) * (i < 3 ? 32 : 4);
        }
        assertThat(h.last().loss()).isCloseTo(sum / 100, within(1e-9));
        assertThat(h.last().steps()).isEqualTo(4);
        assertThat(h.last().accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void shufflingOneBatchThatHoldsEverySampleChangesNothing() {
        // a full batch is the whole set in its own order, shuffled or not: the same bits
        Dataset data = Datasets.quadrants(90, 7);
        Sequential plain = net(), shuffled = net();
        Trainer.builder(plain, new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(3).batchSize(0).shuffle(false).build().fit(data);
        Trainer.builder(shuffled, new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(3).batchSize(90).shuffle(true).seed(11).build().fit(data);
        assertThat(WeightBits.of(shuffled)).containsExactly(WeightBits.of(plain));
    }

    @Test
    void regressionTargetsReportNoAccuracy() {
        Dataset data = new Dataset(Tensor.of(new float[] {0, 1, 1, 0, 1, 1, 0, 0}, 4, 2),
                Tensor.of(new float[] {0.25f, 0.75f, 0.5f, 0.1f}, 4, 1));
        History h = Trainer.builder(net(), new BinaryCrossEntropy(), new Sgd(0.1f))
                .epochs(1).batchSize(0).build().fit(data);
        assertThat(h.last().accuracy()).isNaN();
    }
}
