package org.scratchnet.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

class InitializersTest {
    private static double[] meanStd(Tensor t) {
        double s = 0, s2 = 0;
        for (float v : t.data()) {
            s += v;
            s2 += (double) v * v;
        }
        int n = t.size();
        double mean = s / n;
        return new double[] {mean, Math.sqrt(s2 / n - mean * mean)};
    }

    private static Tensor filled(Initializer init, int in, int out, long seed) {
        Tensor t = Tensor.zeros(in, out);
        init.fill(t, in, out, new Rng(seed));
        return t;
    }

    @Test
    void distributionsHaveTheRightSpread() {
        int in = 400, out = 300; // 120,000 samples: std estimates within ~1%
        assertThat(meanStd(filled(Initializers.normal(0.01), in, out, 1))[1]).isCloseTo(0.01, offset(2e-4));
        assertThat(meanStd(filled(Initializers.heNormal(), in, out, 2))[1]).isCloseTo(Math.sqrt(2.0 / in), offset(1e-3));
        assertThat(meanStd(filled(Initializers.xavierNormal(), in, out, 3))[1]).isCloseTo(Math.sqrt(2.0 / (in + out)), offset(1e-3));
        // U(-b, b) has std b/√3
        assertThat(meanStd(filled(Initializers.xavierUniform(), in, out, 4))[1])
                .isCloseTo(Math.sqrt(6.0 / (in + out)) / Math.sqrt(3), offset(1e-3));
        assertThat(meanStd(filled(Initializers.heUniform(), in, out, 5))[1]).isCloseTo(Math.sqrt(6.0 / in) / Math.sqrt(3), offset(1e-3));
        double[] u = meanStd(filled(Initializers.uniform(0, 1), in, out, 6));
        assertThat(u[0]).isCloseTo(0.5, offset(5e-3));
    }

    @Test
    void torchDefaultIsUniformWithinOneOverSqrtFanIn() {
        int in = 784;
        Tensor w = filled(Initializers.torchDefaultWeight(), in, 256, 7);
        double bound = 1 / Math.sqrt(in);
        float max = 0;
        for (float v : w.data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(meanStd(w)[1]).isCloseTo(bound / Math.sqrt(3), offset(2e-4));
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentBits() {
        Tensor a = filled(Initializers.heNormal(), 20, 30, 42);
        Tensor b = filled(Initializers.heNormal(), 20, 30, 42);
        Tensor c = filled(Initializers.heNormal(), 20, 30, 43);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(a.data()).isNotEqualTo(c.data());
    }

    @Test
    void rngIntegersAreInRangeAndPermutationsComplete() {
        Rng rng = new Rng(1);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[rng.nextInt(3)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_500, 10_500);
        }
        int[] p = rng.permutation(100);
        assertThat(java.util.Arrays.stream(p).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
    }

    @Test
    void badSpecsGiveOneLineErrors() {
        String[][] cases = {
            {"normal:abc", "initializer 'normal:abc': expected a number after 'normal:', found 'abc'"},
            {"normal:-1", "initializer 'normal:-1': expected normal:STD with STD >= 0"},
            {"uniform:1", "initializer 'uniform:1': expected uniform:A:B with A < B"},
            {"uniform:2:1", "initializer 'uniform:2:1': expected uniform:A:B with A < B"},
            {"uniform:0:inf", "initializer 'uniform:0:inf': expected a number after '0:', found 'inf'"}};
        for (String[] c : cases) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Initializers.byName(c[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(c[1]);
        }
        assertThat(Initializers.byName("uniform:-0.5:0.5")).isNotNull();
        assertThat(Initializers.byName("normal:0.1")).isNotNull();
    }

    @Test
    void everyNameAndAliasGivesItsInitializer() {
        String[][] names = {
                {"zeros", "zeros"}, {"ones", "constant(1.0)"}, {"normal", "normal(0.01)"}, {"normal:0.5", "normal(0.5)"},
                {"normal:0", "normal(0.0)"}, {"uniform", "uniform(0.0,1.0)"}, {" Uniform:-1:2 ", "uniform(-1.0,2.0)"},
                {"xavier", "xavier_uniform"}, {"glorot", "xavier_uniform"}, {"xavier_uniform", "xavier_uniform"},
                {"glorot_uniform", "xavier_uniform"}, {"xavier_normal", "xavier_normal"}, {"glorot_normal", "xavier_normal"},
                {"he", "he_normal"}, {"he_normal", "he_normal"}, {"kaiming_normal", "he_normal"},
                {"he_uniform", "he_uniform"}, {"kaiming_uniform", "he_uniform"},
                {"torch", "torch_default"}, {"torch_default", "torch_default"}, {"pytorch", "torch_default"},
        };
        for (String[] n : names) {
            assertThat(Initializers.byName(n[0]).describe()).as(n[0]).isEqualTo(n[1]);
        }
        Tensor ones = filled(Initializers.byName("ones"), 3, 4, 1);
        assertThat(ones.data()).containsOnly(1f);
        // the argument checks' edges: a standard deviation of 0 is allowed, a negative one is not;
        // uniform needs A < B strictly
        assertThatThrownBy(() -> Initializers.byName("normal:-0.1")).hasMessage(
                "initializer 'normal:-0.1': expected normal:STD with STD >= 0");
        assertThatThrownBy(() -> Initializers.byName("normal:1:2")).hasMessageContaining("expected normal:STD");
        assertThatThrownBy(() -> Initializers.byName("uniform:1:1")).hasMessage(
                "initializer 'uniform:1:1': expected uniform:A:B with A < B");
        assertThatThrownBy(() -> Initializers.byName("uniform:1")).hasMessageContaining("with A < B");
        assertThatThrownBy(() -> Initializers.byName("uniform:0:x")).hasMessage(
                "initializer 'uniform:0:x': expected a number after '0:', found 'x'");
        assertThatThrownBy(() -> Initializers.byName("normal:inf")).hasMessageContaining("found 'inf'");
    }

    @Test
    void torchDefaultBiasIsUniformWithinOneOverSqrtFanIn() {
        // a bias's fan-in is its layer's: 100 inputs, bound 0.1; the draws are uniform(-0.1, 0.1) in order
        Tensor b = Tensor.zeros(1, 1000);
        Initializers.torchDefaultBias().fill(b, 100, 1000, new Rng(3));
        Rng same = new Rng(3);
        for (float v : b.data()) {
            assertThat(v).isEqualTo((float) same.uniform(-0.1, 0.1));
        }
        assertThat(Initializers.torchDefaultBias().describe()).isEqualTo("torch_default_bias");
    }
}
