package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

/**
 * Every optimizer against {@code torch.optim} on a fixed [2, 3] parameter and six fixed
 * gradients: the parameter after each step and the state after the last, to float rounding.
 * The numbers come from {@code resources/optim/torch_reference.py}, run once.
 */
class OptimizerReferenceTest {
    record Case(String name, Map<String, Object> config, List<float[]> steps, Map<String, float[]> state) {
        @Override
        public String toString() {
            return name + " " + config;
        }
    }

    private static float[] init;
    private static final List<float[]> GRADS = new ArrayList<>();

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        GRADS.clear();
        try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream("/optim/torch_reference.txt")) {
            Case cur = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.trim().split(" ");
                switch (w[0]) {
                    case "init" -> init = floats(w, 1);
                    case "grad" -> GRADS.add(floats(w, 1));
                    case "case" -> {
                        Map<String, Object> cfg = new LinkedHashMap<>();
                        for (int i = 2; i < w.length; i++) {
                            String[] kv = w[i].split("=");
                            cfg.put(kv[0], kv[1].equals("true") || kv[1].equals("false")
                                    ? (Object) Boolean.parseBoolean(kv[1]) : (Object) Double.parseDouble(kv[1]));
                        }
                        cur = new Case(w[1], cfg, new ArrayList<>(), new LinkedHashMap<>());
                        cases.add(cur);
                    }
                    case "step" -> cur.steps().add(floats(w, 1));
                    case "state" -> cur.state().put(w[1], floats(w, 2));
                    default -> {
                        // comment line
                    }
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
        return cases.stream();
    }

    private static float[] floats(String[] w, int from) {
        float[] f = new float[w.length - from];
        for (int i = 0; i < f.length; i++) {
            f[i] = Float.parseFloat(w[from + i]);
        }
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(Case c) {
        Optimizer opt = Optimizers.create(c.name(), c.config());
        assertThat(opt.name()).isEqualTo(c.name());
        Parameter p = new Parameter("dense1.weight", Tensor.of(init.clone(), 2, 3));
        for (int s = 0; s < c.steps().size(); s++) {
            System.arraycopy(GRADS.get(s), 0, p.grad().data(), 0, 6);
            opt.step(List.of(p));
            assertClose(p.value().data(), c.steps().get(s), c + ", step " + (s + 1));
        }
        assertThat(opt.steps()).isEqualTo(c.steps().size());
        Map<String, Tensor> state = opt.state();
        assertThat(state).hasSize(c.state().size());
        for (Map.Entry<String, float[]> e : c.state().entrySet()) {
            Tensor t = state.get("dense1.weight/" + e.getKey());
            assertThat(t).as("%s: slot %s", c, e.getKey()).isNotNull();
            assertThat(t.shape()).containsExactly(2, 3);
            assertClose(t.data(), e.getValue(), c + ", state " + e.getKey());
        }
    }

    /** Float rounding: the two sides round the same formulas in a slightly different order. */
    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double tol = 2e-6 + 2e-6 * Math.abs(expected[i]);
            // written out because AssertJ's isCloseTo lets NaN through
            assertThat(Math.abs((double) actual[i] - expected[i]) <= tol)
                    .as("%s, element %d: expected %s, found %s", what, i, expected[i], actual[i]).isTrue();
        }
    }
}
