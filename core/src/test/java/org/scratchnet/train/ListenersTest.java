package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;

/** EarlyStopping, LogEvery and History driven epoch by epoch, without a training run. */
class ListenersTest {
    private static Sequential net() {
        return Sequential.builder(2).dense(3).activation("relu").dense(1).build(7);
    }

    private static TrainContext context(Sequential model) {
        return new TrainContext(model, new Sgd(0.1f), 20, 100, 0);
    }

    private static EpochStats train(int epoch, double loss) {
        return new EpochStats(epoch, 10, loss, Double.NaN, Double.NaN, Double.NaN, 0.1);
    }

    private static EpochStats withVal(int epoch, double loss, double valLoss) {
        return new EpochStats(epoch, 10, loss, 0.5, valLoss, 0.25, 0.1);
    }

    @Test
    void earlyStoppingWaitsExactlyPatienceEpochsWithoutImprovement() {
        TrainContext ctx = context(net());
        EarlyStopping es = new EarlyStopping(2, 0.0, false);
        es.onEpochEnd(ctx, train(1, 1.0));
        es.onEpochEnd(ctx, train(2, 0.8));
        es.onEpochEnd(ctx, train(3, 0.8)); // equal is no improvement: one epoch of waiting
        assertThat(ctx.stopReason()).isNull();
        es.onEpochEnd(ctx, train(4, 0.9));
        assertThat(ctx.stopReason())
                .isEqualTo("early stopping at epoch 4: no improvement for 2 epochs (best 0.8000 at epoch 2)");
        assertThat(es.bestEpoch()).isEqualTo(2);
    }

    @Test
    void anImprovementResetsTheWait() {
        TrainContext ctx = context(net());
        EarlyStopping es = new EarlyStopping(2, 0.0, false);
        es.onEpochEnd(ctx, train(1, 1.0));
        es.onEpochEnd(ctx, train(2, 1.1));
        es.onEpochEnd(ctx, train(3, 0.9));
        es.onEpochEnd(ctx, train(4, 1.0));
        assertThat(ctx.stopReason()).isNull();
        assertThat(es.bestEpoch()).isEqualTo(3);
    }

    @Test
    void patienceOfOneStopsAtTheFirstEpochWithoutImprovement() {
        TrainContext ctx = context(net());
        EarlyStopping es = new EarlyStopping(1, 0.0, false);
        es.onEpochEnd(ctx, train(1, 1.0));
        assertThat(ctx.stopReason()).isNull();
        es.onEpochEnd(ctx, train(2, 1.0));
        assertThat(ctx.stopReason()).startsWith("early stopping at epoch 2:");
    }

    @Test
    void anImprovementSmallerThanMinDeltaDoesNotCount() {
        TrainContext ctx = context(net());
        EarlyStopping es = new EarlyStopping(1, 0.125, false);
        es.onEpochEnd(ctx, train(1, 1.0));
        es.onEpochEnd(ctx, train(2, 0.875)); // exactly minDelta better: not enough
        assertThat(ctx.stopReason()).contains("best 1.0000 at epoch 1");

        TrainContext ctx2 = context(net());
        EarlyStopping es2 = new EarlyStopping(1, 0.125, false);
        es2.onEpochEnd(ctx2, train(1, 1.0));
        es2.onEpochEnd(ctx2, train(2, 0.8));
        assertThat(ctx2.stopReason()).isNull();
        assertThat(es2.bestEpoch()).isEqualTo(2);
    }

    @Test
    void earlyStoppingWatchesTheValidationLossWhenThereIsOne() {
        TrainContext ctx = context(net());
        EarlyStopping es = new EarlyStopping(1, 0.0, false);
        es.onEpochEnd(ctx, withVal(1, 1.0, 0.5));
        es.onEpochEnd(ctx, withVal(2, 0.1, 0.6)); // training loss fell, validation loss rose
        assertThat(ctx.stopReason()).contains("best 0.5000 at epoch 1");
    }

    @Test
    void restoreBestPutsTheBestEpochsWeightsBack() {
        Sequential model = net();
        TrainContext ctx = context(model);
        EarlyStopping es = new EarlyStopping(3, 0.0, true);
        float[] w = model.parameters().get(0).value().data();
        float[] atBest = w.clone();
        es.onEpochEnd(ctx, train(1, 0.5));
        w[0] += 1f;
        w[2] -= 2f;
        es.onEpochEnd(ctx, train(2, 0.7));
        es.onTrainEnd(ctx, new History());
        assertThat(w).containsExactly(atBest);
    }

    @Test
    void withoutRestoreBestTheLastWeightsStay() {
        Sequential model = net();
        TrainContext ctx = context(model);
        EarlyStopping es = new EarlyStopping(3, 0.0, false);
        float[] w = model.parameters().get(0).value().data();
        es.onEpochEnd(ctx, train(1, 0.5));
        w[0] += 1f;
        float[] last = w.clone();
        es.onEpochEnd(ctx, train(2, 0.7));
        es.onTrainEnd(ctx, new History());
        assertThat(w).containsExactly(last);
    }

    @Test
    void patienceBelowOneIsRefused() {
        assertThatThrownBy(() -> new EarlyStopping(0, 0.0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("patience must be >= 1, got 0");
        assertThat(new EarlyStopping(1, 0.0, false).bestEpoch()).isZero();
    }

    private static String logged(int every, EpochStats... epochs) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LogEvery log = new LogEvery(every, new PrintStream(buf, true, StandardCharsets.UTF_8));
        for (EpochStats s : epochs) {
            log.onEpochEnd(context(net()), s);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logEveryPrintsEveryNthEpochInTheTutorialsFormat() {
        String out = logged(2, train(1, 0.5), train(2, 0.25), train(3, 0.2), train(4, 0.125));
        assertThat(out).isEqualTo("epoch 2, loss = 0.2500" + System.lineSeparator()
                + "epoch 4, loss = 0.1250" + System.lineSeparator());
        assertThat(logged(1, train(1, 0.5))).isEqualTo("epoch 1, loss = 0.5000" + System.lineSeparator());
    }

    @Test
    void logEveryAddsAccuracyAndValidationFiguresWhenThereAreAny() {
        assertThat(logged(1, new EpochStats(3, 1, 0.5, 0.875, Double.NaN, Double.NaN, 0)))
                .isEqualTo("epoch 3, loss = 0.5000, acc = 0.875" + System.lineSeparator());
        assertThat(logged(1, withVal(3, 0.5, 0.75)))
                .isEqualTo("epoch 3, loss = 0.5000, acc = 0.500, val_loss = 0.7500, val_acc = 0.250" + System.lineSeparator());
        assertThat(logged(1, new EpochStats(3, 1, 0.5, Double.NaN, 0.75, Double.NaN, 0)))
                .isEqualTo("epoch 3, loss = 0.5000, val_loss = 0.7500" + System.lineSeparator());
    }

    @Test
    void logIntervalBelowOneIsRefused() {
        assertThatThrownBy(() -> new LogEvery(0, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("log interval must be >= 1, got 0");
    }

    @Test
    void historyListsEachFigureByEpoch() {
        History h = new History();
        h.add(withVal(1, 1.0, 2.0));
        h.add(new EpochStats(2, 10, 0.5, 0.75, 1.5, 0.5, 0.1));
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.losses()).containsExactly(1.0, 0.5);
        assertThat(h.accuracies()).containsExactly(0.5, 0.75);
        assertThat(h.valLosses()).containsExactly(2.0, 1.5);
        assertThat(h.valAccuracies()).containsExactly(0.25, 0.5);
        assertThat(h.last().epoch()).isEqualTo(2);
        assertThat(h.stopReason()).isEqualTo("completed");
        assertThatThrownBy(() -> new History().last()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contextReportsWhatTheTrainerGaveIt() {
        Sequential model = net();
        Sgd sgd = new Sgd(0.1f);
        TrainContext ctx = new TrainContext(model, sgd, 20, 100, 4);
        assertThat(ctx.model()).isSameAs(model);
        assertThat(ctx.optimizer()).isSameAs(sgd);
        assertThat(ctx.epochs()).isEqualTo(20);
        assertThat(ctx.samples()).isEqualTo(100);
        assertThat(ctx.startEpoch()).isEqualTo(4);
    }
}
