package org.scratchnet.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator against values computed once from the published definitions of SplitMix64 and
 * xoshiro256** and of each sampler ({@code init/make_rng_reference.py}). A seed must give the
 * same numbers in every version: a saved run, a shuffle or a dropout mask is reproduced from it.
 */
class RngTest {
    private static final Map<String, String[]> REF = new HashMap<>();

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = RngTest.class.getResourceAsStream("/init/rng_reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':'); // "name: value value ..."
                REF.put(line.substring(0, colon), line.substring(colon + 1).trim().split(" "));
            }
        }
    }

    private static String[] ref(String name) {
        assertThat(REF).containsKey(name);
        return REF.get(name);
    }

    @Test
    void rawOutputsMatchTheReferenceForSeveralSeeds() {
        for (long seed : new long[] {42, 0, -1, 1L << 40}) {
            Rng r = new Rng(seed);
            for (String want : ref("longs " + seed)) {
                assertThat(r.nextLong()).as("seed %d", seed).isEqualTo(Long.parseLong(want));
            }
        }
    }

    @Test
    void uniformsTakeTheHighBits() {
        Rng r = new Rng(7);
        for (String want : ref("doubles 7")) {
            assertThat(r.nextDouble()).isEqualTo(Double.parseDouble(want));
        }
        for (String want : ref("floats 7")) {
            assertThat(r.nextFloat()).isEqualTo(Float.parseFloat(want));
        }
        Rng a = new Rng(9), b = new Rng(9);
        assertThat(a.uniform(-2, 3)).isEqualTo(-2 + 5 * b.nextDouble());
    }

    @Test
    void boundedIntegersAreLemiresDraws() {
        // 1,610,612,736 = 1.5·2^30 rejects a quarter of its draws (threshold 2^30): the retry loop runs
        for (int bound : new int[] {1, 10, 1000, 1_610_612_736, Integer.MAX_VALUE}) {
            Rng r = new Rng(11);
            for (String want : ref("ints 11 " + bound)) {
                assertThat(r.nextInt(bound)).as("bound %d", bound).isEqualTo(Integer.parseInt(want));
            }
        }
        for (int bad : new int[] {0, -3}) {
            assertThatThrownBy(() -> new Rng(1).nextInt(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bound must be positive, got " + bad);
        }
    }

    /** Also pins how many draws a permutation takes: the draw after it must match too. */
    @Test
    void permutationIsFisherYatesFromTheEnd() {
        Rng r = new Rng(42);
        int[] p = r.permutation(10);
        assertThat(p).containsExactly(Arrays.stream(ref("permutation 42 10")).mapToInt(Integer::parseInt).toArray());
        assertThat(r.nextLong()).isEqualTo(Long.parseLong(ref("after 42")[0]));
        assertThat(new Rng(1).permutation(0)).isEmpty();
        assertThat(new Rng(1).permutation(1)).containsExactly(0);
        int[] a = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        new Rng(42).shuffle(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isEqualTo(p[i] + 5);
        }
    }

    /** Box-Muller with StrictMath: the reference used the C library, so allow a few ulps. */
    @Test
    void gaussiansComeInPairsCosineFirst() {
        Rng r = new Rng(3);
        for (String want : ref("gaussians 3")) {
            double w = Double.parseDouble(want);
            assertThat(r.nextGaussian()).isCloseTo(w, within(4 * Math.ulp(w)));
        }
    }

    @Test
    void keyedDrawsAndLabelKeys() {
        long[][] keys = {{0, 0, 0, 0}, {1, 2, 3, 4}, {-5, 1L << 33, 7, -1}, {123456789, 0, 1, 0}};
        String[] want = ref("keyed");
        for (int i = 0; i < keys.length; i++) {
            long[] k = keys[i];
            assertThat(Rng.keyed(k[0], k[1], k[2], k[3])).as("keys %s", Arrays.toString(k))
                    .isEqualTo(Float.parseFloat(want[i]));
        }
        Object[][] labels = {{42L, "init"}, {42L, "shuffle"}, {0L, ""}, {-3L, "dropout:2"}};
        String[] wantKeys = ref("key");
        for (int i = 0; i < labels.length; i++) {
            assertThat(Rng.key((Long) labels[i][0], (String) labels[i][1])).isEqualTo(Long.parseLong(wantKeys[i]));
        }
        Rng purpose = Rng.forPurpose(42, "shuffle"), same = new Rng(Long.parseLong(wantKeys[1]));
        assertThat(purpose.nextLong()).isEqualTo(same.nextLong());
    }
}
