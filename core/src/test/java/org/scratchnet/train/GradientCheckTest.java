package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.activation.Sigmoid;
import org.scratchnet.init.Rng;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * Every activation after a Dense layer (with and without bias), under every loss:
 * x (5,3) → Dense(3→4) → activation under test → Dense(4→K) → output that fits the loss.
 * The first Dense makes the check cover the activation's input gradient too.
 */
class GradientCheckTest {
    static final int N = 5, D = 3, H = 4;

    private static String outputFor(String loss) {
        switch (loss) {
            case "bce":
                return "sigmoid";
            case "cce":
                return "softmax";
            default:
                return "identity";
        }
    }

    private static int widthFor(String loss) {
        return loss.equals("bce") || loss.equals("bce_logits") ? 1 : 3;
    }

    static Tensor targets(String loss, int k, Rng rng) {
        float[] y = new float[N * k];
        for (int i = 0; i < N; i++) {
            if (loss.contains("ce") && k > 1) {
                y[i * k + rng.nextInt(k)] = 1f;
            } else if (loss.startsWith("bce")) {
                y[i] = rng.nextInt(2);
            } else {
                y[i * k] = (float) rng.nextGaussian();
                for (int j = 1; j < k; j++) {
                    y[i * k + j] = (float) (2 * rng.nextGaussian());
                }
            }
        }
        return Tensor.of(y, N, k);
    }

    static Tensor inputs(Rng rng) {
        float[] x = new float[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(x, N, D);
    }

    @Test
    void everyActivationUnderEveryLossWithAndWithoutBias() {
        int networks = 0;
        long checked = 0, skipped = 0;
        for (String act : Activations.NAMES) {
            for (String lossName : Losses.NAMES) {
                for (boolean bias : new boolean[] {true, false}) {
                    Rng rng = new Rng(networks + 1);
                    int k = widthFor(lossName);
                    Sequential model = Sequential.builder(D)
                            .dense(H, bias).activation(act)
                            .dense(k).activation(outputFor(lossName))
                            .build(100 + networks);
                    Loss loss = Losses.byName(lossName);
                    GradientCheck.Report r = new GradientCheck().check(model, loss, inputs(rng), targets(lossName, k, rng));
                    try {
                        r.assertPassed();
                    } catch (AssertionError e) {
                        throw new AssertionError(act + " / " + lossName + " / bias=" + bias + ": " + e.getMessage()
                                + "\n" + r.format(), e);
                    }
                    // parameters of both layers and the input were all examined
                    assertThat(r.entries()).extracting(GradientCheck.Entry::name).contains("dense1.weight", "input");
                    GradientCheck.Entry input = r.entries().stream().filter(e -> e.name().equals("input")).findFirst().get();
                    // every input value is examined: checked, or skipped where a finite difference crosses a kink
                    assertThat(input.checked() + input.skipped()).as("input values examined for %s/%s", act, lossName)
                            .isEqualTo(N * D);
                    if (!act.equals("step")) {
                        // step's derivative is 0 almost everywhere, so only there can every value sit at a kink
                        assertThat(input.checked()).as("input gradient values checked for %s/%s", act, lossName)
                                .isGreaterThan(N * D / 2);
                    }
                    checked += r.checked();
                    skipped += r.entries().stream().mapToInt(GradientCheck.Entry::skipped).sum();
                    networks++;
                }
            }
        }
        // kinks (relu, step) are skipped, but they must stay the exception
        assertThat(skipped).as("skipped of %d checked", checked).isLessThan(checked / 10);
        assertThat(networks).isEqualTo(Activations.NAMES.size() * Losses.NAMES.size() * 2);
    }

    @Test
    void catchesAPlantedWrongDerivative() {
        // sigmoid whose backward forgets the (1 - s) factor
        Activation broken = new Activation() {
            private final Sigmoid real = new Sigmoid();

            @Override
            public String name() {
                return "broken_sigmoid";
            }

            @Override
            public void forward(Tensor z, Tensor a) {
                real.forward(z, a);
            }

            @Override
            public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
                for (int i = 0; i < dZ.size(); i++) {
                    dZ.data()[i] = dA.data()[i] * a.data()[i];
                }
            }
        };
        Rng rng = new Rng(9);
        Sequential model = Sequential.builder(D).dense(H).activation(broken).dense(1).build(1);
        GradientCheck.Report r = new GradientCheck().check(model, Losses.byName("mse"), inputs(rng), targets("mse", 1, rng));
        assertThat(r.passed()).isFalse();
        assertThatThrownBy(r::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("dense1.").hasMessageContaining("relative error");
    }

    @Test
    void reportsNoValuesCheckedAsFailure() {
        GradientCheck.Report empty = new GradientCheck.Report(List.of(), 1e-2);
        assertThat(empty.passed()).isFalse();
        assertThatThrownBy(empty::assertPassed).hasMessageContaining("no values");
    }
}
