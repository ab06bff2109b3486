package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Tensor;

/** State by parameter name: snapshots, restores that continue bit for bit, and their checks. */
class OptimizerStateTest {
    /** One of each optimizer, with every slot it can keep in use. */
    static List<Supplier<Optimizer>> everyKind() {
        return List.of(
                () -> new Sgd(0.1f, 0.9f, 0.01f, true),
                () -> new Adam(0.01f, 0.8f, 0.99f, 1e-6f, 0.1f),
                () -> new AdamW(0.02f),
                () -> new RmsProp(0.01f, 0.9f, 1e-6f, 0.5f, 0.05f, true).clipGradNorm(2f));
    }

    /** weight [2, 3] and bias [1, 3], named as a Dense layer names them. */
    private static List<Parameter> model(long seed) {
        Random r = new Random(seed);
        List<Parameter> ps = List.of(new Parameter("dense1.weight", Tensor.zeros(2, 3)),
                new Parameter("dense1.bias", Tensor.zeros(1, 3)));
        for (Parameter p : ps) {
            float[] w = p.value().data();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
        }
        return ps;
    }

    private static void step(Optimizer opt, List<Parameter> ps, Random grads) {
        for (Parameter p : ps) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) grads.nextGaussian();
            }
        }
        opt.step(ps);
    }

    private static List<float[]> values(List<Parameter> ps) {
        List<float[]> out = new ArrayList<>();
        ps.forEach(p -> out.add(p.value().data().clone()));
        return out;
    }

    @Test
    void restoredOptimizerOnARebuiltModelContinuesBitForBit() {
        for (Supplier<Optimizer> kind : everyKind()) {
            Optimizer straight = kind.get();
            List<Parameter> a = model(1);
            Random ga = new Random(7);
            for (int s = 0; s < 6; s++) {
                step(straight, a, ga);
            }

            Optimizer first = kind.get();
            List<Parameter> b = model(1);
            Random gb = new Random(7);
            for (int s = 0; s < 3; s++) {
                step(first, b, gb);
            }
            Map<String, Tensor> saved = first.state();
            // a second model object with the same names, as after loading a file
            List<Parameter> rebuilt = model(99);
            for (int i = 0; i < b.size(); i++) {
                rebuilt.get(i).value().copyFromInPlace(b.get(i).value());
            }
            Optimizer second = Optimizers.create(first.name(), first.config());
            second.loadState(saved, first.steps(), rebuilt);
            assertThat(second.steps()).isEqualTo(3);
            for (int s = 0; s < 3; s++) {
                step(second, rebuilt, gb);
            }
            List<float[]> expected = values(a), actual = values(rebuilt);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as(straight.describe()).containsExactly(expected.get(i));
            }
            assertThat(second.state().keySet()).containsExactlyElementsOf(straight.state().keySet());
        }
    }

    @Test
    void stateKeysNameParameterAndSlotAndHaveItsShape() {
        Optimizer adam = new Adam(0.01f);
        List<Parameter> ps = model(2);
        step(adam, ps, new Random(3));
        assertThat(adam.state().keySet()).containsExactly("dense1.weight/exp_avg", "dense1.weight/exp_avg_sq",
                "dense1.bias/exp_avg", "dense1.bias/exp_avg_sq");
        assertThat(adam.state().get("dense1.bias/exp_avg_sq").shape()).containsExactly(1, 3);

        Optimizer rms = new RmsProp(0.01f, 0.99f, 1e-8f, 0.9f, 0f, true);
        step(rms, ps, new Random(3));
        assertThat(rms.state().keySet()).contains("dense1.weight/square_avg", "dense1.weight/momentum_buffer",
                "dense1.weight/grad_avg");
        assertThat(new RmsProp(0.01f).slotNames()).containsExactly("square_avg");

        Optimizer sgd = new Sgd(0.1f, 0.5f, 0f);
        step(sgd, ps, new Random(3));
        assertThat(sgd.state().keySet()).containsExactly("dense1.weight/momentum_buffer", "dense1.bias/momentum_buffer");
        Optimizer plain = new Sgd(0.1f);
        step(plain, ps, new Random(3));
        assertThat(plain.state()).isEmpty();
        assertThat(plain.steps()).isEqualTo(1);
    }

    @Test
    void stateIsACopyBothWays() {
        Optimizer sgd = new Sgd(0.1f, 0.9f, 0f);
        List<Parameter> ps = model(4);
        step(sgd, ps, new Random(5));
        Map<String, Tensor> snap = sgd.state();
        float before = snap.get("dense1.weight/momentum_buffer").get(0);
        snap.get("dense1.weight/momentum_buffer").data()[0] = 1234f;
        assertThat(sgd.state().get("dense1.weight/momentum_buffer").get(0)).isEqualTo(before);

        Map<String, Tensor> given = new LinkedHashMap<>();
        given.put("dense1.weight/momentum_buffer", Tensor.zeros(2, 3));
        sgd.loadState(given, 1);
        given.get("dense1.weight/momentum_buffer").data()[0] = 99f;
        assertThat(sgd.state().get("dense1.weight/momentum_buffer").get(0)).isEqualTo(0f);
        // loading replaces all state: the bias buffer is gone
        assertThat(sgd.state()).containsOnlyKeys("dense1.weight/momentum_buffer");
    }

    @Test
    void loadStateRejectsBadStateWithOneLineNamingTheKey() {
        Optimizer adam = new Adam(0.01f);
        List<Parameter> ps = model(6);
        assertThatThrownBy(() -> adam.loadState(Map.of("dense1.weight/momentum_buffer", Tensor.zeros(2, 3)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer state 'dense1.weight/momentum_buffer': adam has no slot 'momentum_buffer'"
                        + " (adam keeps exp_avg, exp_avg_sq)");
        assertThatThrownBy(() -> new Sgd(0.1f).loadState(Map.of("w/momentum_buffer", Tensor.zeros(1)), 1))
                .hasMessageContaining("sgd keeps no state in this configuration");
        assertThatThrownBy(() -> adam.loadState(Map.of("dense1.weight", Tensor.zeros(2, 3)), 1))
                .hasMessage("optimizer state key 'dense1.weight': expected '<parameter name>/<slot>',"
                        + " e.g. 'dense1.weight/exp_avg'");
        assertThatThrownBy(() -> new Sgd(0.1f, 0.9f, 0f).loadState(Map.of("w", Tensor.zeros(1)), 1))
                .hasMessageEndingWith("e.g. 'dense1.weight/momentum_buffer'");
        assertThatThrownBy(() -> new Sgd(0.1f).loadState(Map.of("w", Tensor.zeros(1)), 1))
                .hasMessageEndingWith("e.g. 'dense1.weight/exp_avg'");
        assertThatThrownBy(() -> adam.loadState(Map.of("dense1.weight/", Tensor.zeros(2, 3)), 1))
                .hasMessageContaining("expected '<parameter name>/<slot>'");
        assertThatThrownBy(() -> adam.loadState(Map.of("/exp_avg", Tensor.zeros(2, 3)), 1))
                .hasMessageContaining("expected '<parameter name>/<slot>'");
        assertThatThrownBy(() -> adam.loadState(Map.of("dense1.weight/exp_avg", Tensor.zeros(2, 3)), 1))
                .hasMessage("optimizer state for 'dense1.weight' lacks 'dense1.weight/exp_avg_sq'"
                        + " (adam keeps exp_avg, exp_avg_sq)");
        Map<String, Tensor> uneven = new LinkedHashMap<>();
        uneven.put("dense1.weight/exp_avg", Tensor.zeros(2, 3));
        uneven.put("dense1.weight/exp_avg_sq", Tensor.zeros(3, 2));
        assertThatThrownBy(() -> adam.loadState(uneven, 1))
                .hasMessage("optimizer state 'dense1.weight/exp_avg_sq' has shape [3, 2], 'dense1.weight/exp_avg'"
                        + " has shape [2, 3] (slots of one parameter share its shape)");
        Map<String, Tensor> withNull = new LinkedHashMap<>();
        withNull.put("dense1.weight/exp_avg", null);
        assertThatThrownBy(() -> adam.loadState(withNull, 1)).hasMessage("optimizer state 'dense1.weight/exp_avg' is null");
        assertThatThrownBy(() -> adam.loadState(null, 1)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> adam.loadState(Map.of(), -1)).hasMessage("optimizer steps must be >= 0, got -1");

        Map<String, Tensor> wrongSize = new LinkedHashMap<>();
        wrongSize.put("dense1.bias/exp_avg", Tensor.zeros(1, 4));
        wrongSize.put("dense1.bias/exp_avg_sq", Tensor.zeros(1, 4));
        assertThatThrownBy(() -> adam.loadState(wrongSize, 1, ps))
                .hasMessage("optimizer state 'dense1.bias/exp_avg' has shape [1, 4], parameter 'dense1.bias' has shape [1, 3]");
        Map<String, Tensor> stranger = new LinkedHashMap<>();
        stranger.put("dense9.weight/exp_avg", Tensor.zeros(2, 3));
        stranger.put("dense9.weight/exp_avg_sq", Tensor.zeros(2, 3));
        assertThatThrownBy(() -> adam.loadState(stranger, 1, ps))
                .hasMessage("optimizer state for 'dense9.weight' names no parameter of the model"
                        + " (parameters: dense1.weight, dense1.bias)");
        // nothing was changed by the failed loads
        assertThat(adam.state()).isEmpty();
        assertThat(adam.steps()).isZero();

        // zero steps is a valid restore (state saved before any update)
        Optimizer fresh = new Adam(0.01f);
        fresh.loadState(Map.of(), 0);
        assertThat(fresh.steps()).isZero();
        // without the parameters, the size is checked at the first step
        adam.loadState(wrongSize, 1);
        assertThatThrownBy(() -> step(adam, ps, new Random(1)))
                .hasMessage("optimizer state 'dense1.bias/exp_avg' has shape [1, 4], parameter 'dense1.bias' has shape [1, 3]");
    }

    @Test
    void twoParametersWithOneNameAreRefusedRatherThanSharingState() {
        List<Parameter> twins = List.of(new Parameter("w", Tensor.zeros(1, 2)), new Parameter("w", Tensor.zeros(1, 2)));
        assertThatThrownBy(() -> new Adam(0.1f).step(twins)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two parameters are named 'w': optimizer state is kept by parameter name, so names must be unique");
        new Sgd(0.1f).step(twins); // plain SGD keeps no state, so names do not matter
    }

    @Test
    void sameBitsForAnyThreadCount() {
        int saved = Engine.threads();
        try {
            for (Supplier<Optimizer> kind : everyKind()) {
                List<float[]> result = new ArrayList<>();
                for (int threads : new int[] {1, 2, 3}) {
                    Engine.setThreads(threads);
                    // large enough that Parallel splits it
                    Parameter p = new Parameter("big", Tensor.zeros(300, 257));
                    Random r = new Random(11);
                    float[] w = p.value().data();
                    for (int i = 0; i < w.length; i++) {
                        w[i] = (float) r.nextGaussian();
                    }
                    Optimizer opt = kind.get();
                    for (int s = 0; s < 3; s++) {
                        step(opt, List.of(p), r);
                    }
                    result.add(w.clone());
                }
                assertThat(result.get(1)).containsExactly(result.get(0));
                assertThat(result.get(2)).containsExactly(result.get(0));
            }
        } finally {
            Engine.setThreads(saved);
        }
    }
}
