package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.activation.Activation;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/** The verdict, the counts and the printed table of a gradient check. */
class GradientCheckReportTest {
    private static GradientCheck.Entry entry(String name, double rel) {
        return new GradientCheck.Entry(name, 4, 1, rel, 2, 0.5, 0.25, rel * 2);
    }

    @Test
    void anErrorEqualToTheToleranceStillPasses() {
        GradientCheck.Report atTolerance = new GradientCheck.Report(List.of(entry("w", 0.01), entry("b", 0)), 0.01);
        assertThat(atTolerance.passed()).isTrue();
        atTolerance.assertPassed();
        assertThat(atTolerance.checked()).isEqualTo(8);

        GradientCheck.Report above = new GradientCheck.Report(List.of(entry("w", 0.0101), entry("b", 0)), 0.01);
        assertThat(above.passed()).isFalse();
        assertThatThrownBy(above::assertPassed).isInstanceOf(AssertionError.class).hasMessage(
                "gradient check failed for w[2]: backprop 0.500000 vs numeric 0.250000 (relative error 0.0101 > 0.0100)");
    }

    @Test
    void theTableListsEveryTensorAndTheVerdict() {
        String passed = new GradientCheck.Report(List.of(entry("dense1.weight", 0.001)), 0.01).format();
        assertThat(passed).contains("tensor").contains("max rel error").contains("beyond noise");
        assertThat(passed).containsPattern("dense1\\.weight +4 +1 +2\\.000e-03 +1\\.000e-03");
        assertThat(passed).endsWith("PASSED (tolerance 1.0e-02)" + System.lineSeparator());
        String failed = new GradientCheck.Report(List.of(entry("w", 0.5)), 0.01).format();
        assertThat(failed).endsWith("FAILED (tolerance 1.0e-02)" + System.lineSeparator());
    }

    private static Sequential linear(float bias) {
        // x (3,2) -> Dense(2->2) -> relu -> Dense(2->1); the first layer's biases set by hand
        Sequential model = Sequential.builder(2).init(Initializers.normal(0.5), Initializers.zeros())
                .dense(2).activation("relu").dense(1).build(5);
        float[] b = model.parameters().get(1).value().data();
        b[0] = bias;
        b[1] = 0.5f;
        return model;
    }

    @Test
    void countsEveryValueOfEveryTensorAndTheInput() {
        Sequential model = linear(0.5f);
        Tensor x = Tensor.of(new float[] {0.3f, -0.2f, 0.1f, 0.4f, -0.5f, 0.2f}, 3, 2);
        Tensor y = Tensor.of(new float[] {0.5f, -1f, 2f}, 3, 1);
        GradientCheck.Report r = new GradientCheck().check(model, Losses.byName("mse"), x, y);
        assertThat(r.entries()).extracting(GradientCheck.Entry::name)
                .containsExactly("dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias", "input");
        assertThat(r.entries()).extracting(e -> e.checked() + e.skipped()).containsExactly(4, 2, 2, 1, 6);
        assertThat(r.passed()).isTrue();
        // a second check of the same model starts from zeroed gradients, so it passes too
        GradientCheck.Report again = new GradientCheck().check(model, Losses.byName("mse"), x, y);
        assertThat(again.passed()).isTrue();
        assertThat(again.entries().get(0).analytic()).isEqualTo(r.entries().get(0).analytic());
    }

    @Test
    void aKinkInsideTheStepIsSkippedNotFailed() {
        // with x = 0 the first unit's pre-activation is its bias: 0.007 lies within ε = 0.01 of
        // ReLU's kink but not within ε/2, so the two estimates disagree and the bias is skipped
        Sequential model = linear(0.007f);
        Tensor x = Tensor.zeros(1, 2);
        Tensor y = Tensor.of(new float[] {3f}, 1, 1);
        GradientCheck.Report r = new GradientCheck().check(model, Losses.byName("mse"), x, y);
        GradientCheck.Entry bias = r.entries().get(1);
        assertThat(bias.name()).isEqualTo("dense1.bias");
        assertThat(bias.skipped()).isEqualTo(1);
        assertThat(bias.checked()).isEqualTo(1);
        // with a step of 0.005 the kink is outside both estimates and nothing is skipped
        GradientCheck.Entry small = new GradientCheck().epsilon(0.005).check(model, Losses.byName("mse"), x, y)
                .entries().get(1);
        assertThat(small.skipped()).isZero();
        assertThat(small.checked()).isEqualTo(2);
    }

    @Test
    void theSettersChangeTheVerdict() {
        Sequential model = linear(0.5f);
        Tensor x = Tensor.of(new float[] {0.3f, -0.2f, 0.1f, 0.4f}, 2, 2);
        Tensor y = Tensor.of(new float[] {0.5f, -1f}, 2, 1);
        GradientCheck.Report strict = new GradientCheck().maxRelError(0).floor(1e-30).epsilon(0.3)
                .check(model, Losses.byName("mse"), x, y);
        assertThat(strict.tolerance()).isZero();
        GradientCheck.Report loose = new GradientCheck().maxRelError(0.5).check(model, Losses.byName("mse"), x, y);
        assertThat(loose.tolerance()).isEqualTo(0.5);
        assertThat(loose.passed()).isTrue();
    }
    /** The identity, whose backward adds {@code delta} and then scales by {@code scale} on the second unit only. */
    private static Activation plantedOnUnitOne(double scale, double delta) {
        return new Activation() {
            @Override
            public String name() {
                return "planted";
            }

            @Override
            public void forward(Tensor z, Tensor a) {
                System.arraycopy(z.data(), 0, a.data(), 0, z.size());
            }

            @Override
            public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
                for (int i = 0; i < dZ.size(); i++) {
                    dZ.data()[i] = i % 2 == 1 ? (float) ((dA.data()[i] + delta) * scale) : dA.data()[i];
                }
            }
        };
    }

    private static GradientCheck.Report planted(double scale, double delta) {
        return planted(scale, delta, 0.5f);
    }

    private static GradientCheck.Report planted(double scale, double delta, float target) {
        Sequential model = Sequential.builder(2).init(Initializers.normal(0.5), Initializers.zeros())
                .dense(2).activation(plantedOnUnitOne(scale, delta)).dense(1).build(3);
        Tensor x = Tensor.of(new float[] {0.6f, -0.4f}, 1, 2);
        Tensor y = Tensor.of(new float[] {target}, 1, 1);
        return new GradientCheck().check(model, Losses.byName("mse"), x, y);
    }

    @Test
    void theWorstValueIsTheOneWithTheWrongGradient() {
        // unit 1's gradient doubled: rel = |2n - n| / (|2n| + |n|) = 1/3 on the weights into it
        // (indices 1 and 3 of the (2, 2) weight) and its bias; the other unit and layer are right
        GradientCheck.Report r = planted(2, 0);
        GradientCheck.Entry w = r.entries().get(0), b = r.entries().get(1), w2 = r.entries().get(2);
        assertThat(w.maxRelError()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(w.rawMaxRelError()).isEqualTo(w.maxRelError());
        assertThat(w.worstIndex()).isIn(1, 3);
        assertThat(w.analytic() / w.numeric()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(b.worstIndex()).isEqualTo(1);
        assertThat(b.maxRelError()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(w2.maxRelError()).isLessThan(1e-3);
        assertThat(r.passed()).isFalse();
        // all values equally right: the first is named
        assertThat(planted(1, 0).entries().get(3).worstIndex()).isZero();
    }

    @Test
    void aDifferenceWithinTheFloatNoiseOfTheEstimateIsNotCounted() {
        // noise = 4e-7 * max(1, |L|) / ε = 4e-5 here (the loss is below 1): the bias of unit 1
        // off by 1e-5 counts as right, though its raw error is not zero; off by 2e-4 it counts
        GradientCheck.Entry within = planted(1, 1e-5).entries().get(1);
        assertThat(within.maxRelError()).isZero();
        assertThat(within.rawMaxRelError()).isGreaterThan(1e-6);
        GradientCheck.Entry beyond = planted(1, 2e-4).entries().get(1);
        assertThat(beyond.maxRelError()).isGreaterThan(1e-5).isEqualTo(beyond.rawMaxRelError());
        assertThat(beyond.worstIndex()).isEqualTo(1);
        assertThat(beyond.analytic() - beyond.numeric()).isCloseTo(2e-4, org.assertj.core.data.Offset.offset(2e-5));
        // the noise grows with the loss: with a target of 30 the loss is about 900 and the noise
        // about 0.036, so the same bias off by 0.01 counts as right
        GradientCheck.Entry large = planted(1, 0.01, 30f).entries().get(1);
        assertThat(large.maxRelError()).isZero();
        assertThat(large.rawMaxRelError()).isGreaterThan(1e-5);
    }
}
