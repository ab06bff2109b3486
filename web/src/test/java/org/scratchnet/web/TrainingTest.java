package org.scratchnet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

/** A session's training: reproducible, learns, its penalty and its explanation are right. */
class TrainingTest {
    static Training training(String... kv) {
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put(kv[i], kv[i + 1]);
        }
        Settings s = Settings.parse(f);
        return new Training(s, PlaygroundData.make(s, null));
    }

    @Test
    void defaultsAreThePagesDefaults() {
        Settings s = Settings.defaults();
        assertThat(s.data()).isEqualTo("circle");
        assertThat(s.samples()).isEqualTo(500);
        assertThat(s.hidden()).containsExactly(4, 2);
        assertThat(s.features()).containsExactly("x1", "x2");
        assertThat(Settings.parse(Map.of("features", "sin(x2),x1,x1")).features()).containsExactly("x1", "sin(x2)");
        assertThatThrownBy(() -> Settings.parse(Map.of("features", "x3"))).hasMessageStartingWith("features: expected a comma list of x1, x2");
        assertThatThrownBy(() -> Settings.parse(Map.of("lr", "NaN"))).hasMessage("lr: expected a number from 1.0E-6 to 10.0, got 'NaN'");
        assertThatThrownBy(() -> Settings.parse(Map.of("data", "iris"))).hasMessageStartingWith("data: expected one of circle, xor,");
        assertThatThrownBy(() -> Settings.parse(Map.of("seed", "9007199254740993"))).hasMessageStartingWith("seed: expected a whole number");
    }

    @Test
    void splitAndPointsFollowTheSettings() {
        Training t = training("samples", "400", "train", "70", "data", "moons");
        assertThat(t.trainRaw.size()).isEqualTo(280);
        assertThat(t.testRaw.size()).isEqualTo(120);
        assertThat(t.trainRaw.x().shape()).containsExactly(280, 2);
        Training f = training("features", "x1,x1^2,x1*x2,sin(x2)");
        float a = f.trainRaw.x().get(0, 0), b = f.trainRaw.x().get(0, 1);
        Tensor phi = f.model.layers().get(0).forward(f.trainRaw.x(), false);
        assertThat(phi.shape()).containsExactly(250, 4);
        assertThat(phi.get(0, 1)).isEqualTo(a * a);
        assertThat(phi.get(0, 2)).isEqualTo(a * b);
        assertThat(phi.get(0, 3)).isEqualTo((float) StrictMath.sin(b));
        assertThat(f.model.inputWidth()).isEqualTo(2);
        assertThat(f.model.layers().get(1).outputShape(new int[] {4})).containsExactly(4);
    }

    @Test
    void sameSeedSameBitsAndTrainingLearns() {
        Training a = training("data", "xor", "hidden", "8,8", "optimizer", "adam", "lr", "0.03");
        Training b = training("data", "xor", "hidden", "8,8", "optimizer", "adam", "lr", "0.03");
        double start = a.testLoss();
        a.runEpochs(30);
        b.runEpochs(30);
        assertThat(a.steps()).isEqualTo(30 * 25);
        assertThat(a.epoch()).isEqualTo(30);
        for (int i = 0; i < a.model.parameters().size(); i++) {
            assertThat(a.model.parameters().get(i).value().data()).isEqualTo(b.model.parameters().get(i).value().data());
        }
        assertThat(a.testLoss()).isLessThan(start / 3);
        Training other = training("data", "xor", "hidden", "8,8", "optimizer", "adam", "lr", "0.03", "seed", "7");
        assertThat(other.trainRaw.x().data()).isNotEqualTo(a.trainRaw.x().data());
    }

    @Test
    void l2PenaltyAddsRateTimesWeightAndL1AddsRateTimesSign() {
        // one step of plain SGD: w' = w - lr (g + penalty); compare against the unpenalized run
        Training none = training("lr", "0.1", "batch", "250");
        Training l2 = training("lr", "0.1", "batch", "250", "reg", "l2", "regRate", "0.5");
        Training l1 = training("lr", "0.1", "batch", "250", "reg", "l1", "regRate", "0.5");
        float w0 = none.model.parameters().get(0).value().get(0);
        none.step();
        l2.step();
        l1.step();
        float plain = none.model.parameters().get(0).value().get(0);
        assertThat(l2.model.parameters().get(0).value().get(0)).isCloseTo(plain - 0.1f * 0.5f * w0, within(1e-6f));
        assertThat(l1.model.parameters().get(0).value().get(0)).isCloseTo(plain - 0.1f * 0.5f * Math.signum(w0), within(1e-6f));
        // biases are not penalized
        int bias = 1;
        assertThat(none.model.parameters().get(bias).name()).endsWith(".bias");
        assertThat(l2.model.parameters().get(bias).value().data()).isEqualTo(none.model.parameters().get(bias).value().data());
    }

    @Test
    void divergenceGivesAdvice() {
        Training t = training("lr", "10", "activation", "linear", "problem", "regression", "features", "x1,x2,x1^2,x2^2,x1*x2",
                "hidden", "8,8,8", "data", "gaussian", "noise", "1");
        assertThatThrownBy(() -> t.runEpochs(200)).isInstanceOf(Training.DivergedException.class)
                .hasMessageContaining("lower the learning rate (now 10.0)");
    }

    @Test
    void explainRecordsOneRealStepWithShapesAndTheSgdUpdate() {
        Training t = training("hidden", "3", "lr", "0.5");
        Training twin = training("hidden", "3", "lr", "0.5");
        StepTrace trace = new StepTrace();
        t.step(trace);
        twin.step();
        // the traced step is the same step
        for (int i = 0; i < t.model.parameters().size(); i++) {
            assertThat(t.model.parameters().get(i).value().data()).isEqualTo(twin.model.parameters().get(i).value().data());
        }
        Map<String, Object> json = trace.toJson(t.epoch(), t.steps());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) json.get("stages");
        List<Object> phases = stages.stream().map(s -> s.get("phase")).toList();
        // features1, dense1, tanh1, dense2, sigmoid1 forward; loss; 5 backward; 4 parameters updated
        assertThat(phases).containsExactly("forward", "forward", "forward", "forward", "forward", "loss", "backward",
                "backward", "backward", "backward", "backward", "update", "update", "update", "update");
        assertThat(stages.get(0).get("formula")).isEqualTo("φ(x) = [x1, x2]");
        assertThat(stages.get(1).get("shapes")).isEqualTo("x [10, 2] · W [2, 3] + b [1, 3] → z [10, 3]");
        assertThat(stages.get(6).get("formula")).isEqualTo("dZ = dA ⊙ sigmoid′(z),  σ′(z) = a(1 − a)");
        // update of dense1.weight: θ after = θ before − 0.5 · g, value by value
        Map<?, ?> v = (Map<?, ?>) stages.get(11).get("values");
        List<?> before = (List<?>) v.get("θ before"), g = (List<?>) v.get("g"), after = (List<?>) v.get("θ after");
        assertThat(before).hasSize(6);
        for (int i = 0; i < before.size(); i++) {
            double want = num(before.get(i)) - 0.5 * num(g.get(i));
            assertThat(num(after.get(i))).isCloseTo(want, within(1e-3 * Math.max(1, Math.abs(want))));
        }
        Parameter w = t.model.parameters().get(0);
        assertThat(num(after.get(0))).isCloseTo(w.value().get(0), within(1e-4));
    }

    @Test
    void predictionsOfRawPointsUseTheFeatures() {
        Training t = training("features", "x1^2,x2^2", "hidden", "");
        Tensor p = Tensor.of(new float[] {0.5f, -0.25f}, 1, 2);
        // the same network without its features layer, fed the features by hand
        var dense = (org.scratchnet.layer.Dense) t.model.layers().get(1);
        Tensor direct = dense.forward(Tensor.of(new float[] {0.25f, 0.0625f}, 1, 2), false);
        float p1 = 1 / (1 + (float) Math.exp(-direct.get(0)));
        assertThat(t.predictRaw(p).get(0)).isCloseTo(p1, within(1e-6f));
    }

    private static double num(Object o) {
        return ((BigDecimal) o).doubleValue();
    }
}
