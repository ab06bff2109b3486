package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.LrSchedule;
import org.scratchnet.optim.LrSchedules;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Sgd;
import org.scratchnet.optim.TrainingState;

/**
 * The schedule listener against {@code torch.optim.lr_scheduler}: the rate of every epoch and
 * the one after the last, from {@code resources/optim/torch_schedules.py}, run once.
 */
class LrSchedulerTest {
    record Case(String spec, int epochs, double[] rates) {
    }

    private static double[] losses;

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = LrSchedulerTest.class.getResourceAsStream("/optim/torch_schedules.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.trim().split(" ");
                if (w[0].equals("losses")) {
                    losses = doubles(w, 1);
                } else if (w[0].equals("case")) {
                    out.add(new Case(w[1], Integer.parseInt(w[2]), doubles(w, 3)));
                }
            }
        }
        assertThat(out).hasSize(6);
        return out;
    }

    private static double[] doubles(String[] w, int from) {
        double[] d = new double[w.length - from];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.parseDouble(w[from + i]);
        }
        return d;
    }

    private static EpochStats stats(int epoch, double loss, double valLoss) {
        return new EpochStats(epoch, epoch * 10L, loss, Double.NaN, valLoss, Double.NaN, 0.1);
    }

    private static void assertRate(Optimizer opt, double expected, String what) {
        // the optimizer holds a float
        assertThat(Math.abs(opt.learningRate() - expected) <= 1e-6 * expected + 1e-12)
                .as("%s: expected %s, found %s", what, expected, opt.learningRate()).isTrue();
    }

    @Test
    void everyScheduleMatchesTorchEpochByEpoch() throws IOException {
        for (Case c : cases()) {
            Optimizer opt = new Sgd(0.1f);
            TrainContext ctx = new TrainContext(null, opt, c.epochs(), 10, 0);
            LrScheduler l = new LrScheduler(LrSchedules.parse(c.spec()));
            l.onTrainBegin(ctx);
            for (int e = 1; e <= c.epochs(); e++) {
                assertRate(opt, c.rates()[e - 1], c.spec() + " epoch " + e);
                // the loss the schedule watches is the validation loss when there is one
                l.onEpochEnd(ctx, stats(e, 5.0 - e * 0.01, losses[e - 1]));
            }
            assertRate(opt, c.rates()[c.epochs()], c.spec() + " after the last epoch");
        }
    }

    @Test
    void withoutValidationThePlateauWatchesTheTrainingLoss() throws IOException {
        Case c = cases().stream().filter(k -> k.spec().equals("plateau:2:0.5")).findFirst().orElseThrow();
        Optimizer opt = new Sgd(0.1f);
        TrainContext ctx = new TrainContext(null, opt, c.epochs(), 10, 0);
        LrScheduler l = new LrScheduler(LrSchedules.parse(c.spec()));
        l.onTrainBegin(ctx);
        for (int e = 1; e <= c.epochs(); e++) {
            l.onEpochEnd(ctx, stats(e, losses[e - 1], Double.NaN));
            assertRate(opt, c.rates()[e], "epoch " + e);
        }
    }

    @Test
    void aResumedRunContinuesStepAndCosineFromTheEpochNumber() throws IOException {
        for (Case c : cases()) {
            if (c.spec().startsWith("plateau")) {
                continue;
            }
            int resumeAt = c.epochs() / 2 + 1;
            // the saved optimizer holds the rate the resumed epoch uses; the base is given
            Optimizer opt = new Sgd((float) c.rates()[resumeAt - 1]);
            TrainContext ctx = new TrainContext(null, opt, c.epochs(), 10, 0);
            LrScheduler l = new LrScheduler(LrSchedules.parse(c.spec()), 0.1);
            l.onTrainBegin(ctx);
            for (int e = resumeAt; e <= c.epochs(); e++) {
                assertRate(opt, c.rates()[e - 1], c.spec() + " resumed, epoch " + e);
                l.onEpochEnd(ctx, stats(e, 1.0, Double.NaN));
            }
            assertRate(opt, c.rates()[c.epochs()], c.spec() + " resumed, after the last epoch");
        }
    }

    @Test
    void plateauStartsAfreshAtEachRunBegin() {
        LrSchedule plateau = LrSchedules.parse("plateau:1:0.5");
        Optimizer opt = new Sgd(0.1f);
        TrainContext ctx = new TrainContext(null, opt, 4, 10, 0);
        LrScheduler l = new LrScheduler(plateau);
        l.onTrainBegin(ctx);
        l.onEpochEnd(ctx, stats(1, 0.1, Double.NaN));
        l.onEpochEnd(ctx, stats(2, 0.2, Double.NaN));
        // a new run: the best loss of 0.1 is forgotten, so 0.3 is an improvement and 0.4 only one bad epoch
        l.onTrainBegin(ctx);
        l.onEpochEnd(ctx, stats(1, 0.3, Double.NaN));
        l.onEpochEnd(ctx, stats(2, 0.4, Double.NaN));
        assertThat(opt.learningRate()).isEqualTo(0.1f);
        l.onEpochEnd(ctx, stats(3, 0.4, Double.NaN));
        assertThat(opt.learningRate()).isEqualTo(0.05f);
    }

    @Test
    void trainerUsesTheScheduledRateInEachEpoch() {
        Sequential model = Sequential.builder(2).init(Initializers.normal(0.1), Initializers.zeros())
                .dense(8).activation("relu").dense(1).activation("sigmoid").build(1);
        Optimizer opt = new Sgd(0.5f);
        List<Float> seen = new ArrayList<>();
        TrainingListener spy = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double batchLoss) {
                if (batch == 1) {
                    seen.add(ctx.optimizer().learningRate());
                }
            }
        };
        History h = Trainer.builder(model, new BinaryCrossEntropy(), opt).epochs(5).batchSize(50).seed(3)
                .listener(spy).listener(new LrScheduler(LrSchedules.parse("step:2:0.5")))
                .build().fit(Datasets.quadrants(200, 3));
        assertThat(h.size()).isEqualTo(5);
        assertThat(seen).containsExactly(0.5f, 0.5f, 0.25f, 0.25f, 0.125f);
        assertThat(opt.learningRate()).isEqualTo(0.125f);
    }

    /**
     * Ten scheduled epochs equal a ten-epoch run interrupted after five, saved to a model file, and
     * resumed for the other five with the original base rate.
     */
    @Test
    void aRunResumedFromItsModelFileKeepsTheScheduleBitForBit() throws Exception {
        Dataset data = Datasets.quadrants(120, 5);
        for (String spec : new String[] {"step:3:0.5", "cosine"}) {
            Sequential straight = net();
            Optimizer whole = new Adam(0.02f);
            Trainer.builder(straight, new BinaryCrossEntropy(), whole).epochs(10).batchSize(16).seed(2)
                    .listener(new LrScheduler(LrSchedules.parse(spec))).build().fit(data);

            // a 10-epoch run stopped after epoch 5 (as by a checkpoint and a crash), so cosine's period is 10 in both
            Sequential first = net();
            TrainingListener stopAt5 = new TrainingListener() {
                @Override
                public void onEpochEnd(TrainContext ctx, EpochStats stats) {
                    if (stats.epoch() == 5) {
                        ctx.requestStop("interrupted");
                    }
                }
            };
            Trainer t1 = Trainer.builder(first, new BinaryCrossEntropy(), new Adam(0.02f)).epochs(10).batchSize(16)
                    .seed(2).listener(new LrScheduler(LrSchedules.parse(spec))).listener(stopAt5).build();
            t1.fit(data);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            ModelFile.write(file, new SavedModel(first, "bce", null, List.of("0", "1"), List.of("x1", "x2"),
                    Task.CLASSIFICATION, t1.state()));
            SavedModel loaded = ModelFile.read(new ByteArrayInputStream(file.toByteArray()), "resume.safetensors");
            TrainingState state = loaded.training();
            // the saved optimizer holds the rate epoch 6 uses; the schedule needs the original base
            Trainer.builder(loaded.model(), new BinaryCrossEntropy(), state.optimizer()).epochs(5).batchSize(16).seed(2)
                    .resume(state).listener(new LrScheduler(LrSchedules.parse(spec), 0.02)).build().fit(data);

            assertThat(WeightBits.of(loaded.model())).as(spec).containsExactly(WeightBits.of(straight));
            assertThat(state.optimizer().learningRate()).as(spec).isEqualTo(whole.learningRate());
        }
    }

    private static Sequential net() {
        return Sequential.builder(2).dense(8).activation("relu").dense(1).activation("sigmoid").build(6);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new LrScheduler(null)).hasMessage("learning-rate schedule must not be null");
        LrSchedule s = LrSchedules.parse("cosine");
        assertThatThrownBy(() -> new LrScheduler(s, 0)).hasMessage("base learning rate must be a positive number, got 0.0");
        assertThatThrownBy(() -> new LrScheduler(s, Double.POSITIVE_INFINITY)).hasMessageContaining("base learning rate");
        assertThat(new LrScheduler(s, 0.3).schedule()).isSameAs(s);
    }
}
