package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/**
 * The fast paths of the vector products give the exact bits of a plain fused-multiply-add
 * chain over p, whatever the tile size (8-row and 4-row tiles, 3 and 2 vectors wide), padding (widths that are not
 * a multiple of the vector length) or row split; and Adam's vector kernel matches the scalar
 * one bit for bit.
 */
class VectorGemmTest {
    private Kernels vector;

    @BeforeEach
    void setUp() {
        assumeThat(Engine.vectorAvailable()).as("jdk.incubator.vector present").isTrue();
        vector = new VectorKernels(0, 0);
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    /** c(i,j) = fma chain over p of A(i,p)·B(p,j), from c's old value when accumulating. */
    private static float[] reference(float[] a, float[] b, float[] c0, int m, int k, int n, int layout, boolean acc) {
        float[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = acc ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    float av = layout == 1 ? a[p * m + i] : a[i * k + p];
                    float bv = layout == 2 ? b[j * k + p] : b[p * n + j];
                    s = Math.fma(av, bv, s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private void product(int layout, float[] a, float[] b, float[] c, int m, int k, int n, boolean acc, int r0, int r1) {
        if (layout == 0) {
            vector.matmul(a, b, c, m, k, n, acc, r0, r1);
        } else if (layout == 1) {
            vector.matmulTransA(a, b, c, m, k, n, acc, r0, r1);
        } else {
            vector.matmulTransB(a, b, c, m, k, n, acc, r0, r1);
        }
    }

    @Test
    void everyPathEqualsTheFmaChainBitForBit() {
        Rng rng = new Rng(3);
        int[][] shapes = {{64, 300, 10}, {13, 7, 37}, {9, 600, 50}, {33, 64, 256}, {5, 3, 1}, {3, 20, 70}, {64, 10, 256}, {75, 260, 96}, {130, 150, 48}};
        int savedRows = VectorGemm.tileRows, savedCols = VectorGemm.tileCols;
        int checked = 0;
        try {
            for (int tiles : new int[] {43, 42, 83, 82, 62, 61, 63}) {
                int tall = tiles / 10;
                VectorGemm.tileRows = tall;
                VectorGemm.tileCols = tiles % 10;
                for (int[] s : shapes) {
                    int m = s[0], k = s[1], n = s[2];
                    float[] a = random(rng, m * k), b = random(rng, k * n), c0 = random(rng, m * n);
                    for (int layout = 0; layout < 3; layout++) {
                        for (boolean acc : new boolean[] {false, true}) {
                            float[] want = reference(a, b, c0, m, k, n, layout, acc);
                            float[] whole = c0.clone(), split = c0.clone();
                            product(layout, a, b, whole, m, k, n, acc, 0, m);
                            int cut = Math.min(m, 2 + m / 3);
                            product(layout, a, b, split, m, k, n, acc, 0, cut);
                            product(layout, a, b, split, m, k, n, acc, cut, m);
                            String what = "layout " + layout + " " + m + "x" + k + "x" + n + " tiles " + tiles + " acc " + acc;
                            assertThat(whole).as(what).containsExactly(want);
                            assertThat(split).as(what + " split at " + cut).containsExactly(want);
                            checked++;
                        }
                    }
                }
            }
        } finally {
            VectorGemm.tileRows = savedRows;
            VectorGemm.tileCols = savedCols;
        }
        assertThat(checked).isEqualTo(7 * 9 * 3 * 2);
    }

    /** After the full tiles, four or more rows left go through one 4-row tile; fewer go one by one. */
    @Test
    void fourRowsOrMoreLeftOverTakeOneFourRowTile() {
        assertThat(VectorGemm.tailTile(64, 6)).isEqualTo(4); // 10 tiles of 6, then 4
        assertThat(VectorGemm.tailTile(63, 6)).isZero(); // 10 tiles of 6, then 3 rows
        assertThat(VectorGemm.tailTile(10, 6)).isEqualTo(4);
        assertThat(VectorGemm.tailTile(5, 6)).isEqualTo(4); // no tile of 6: one of 4, then 1 row
        assertThat(VectorGemm.tailTile(3, 6)).isZero();
        assertThat(VectorGemm.tailTile(4, 6)).isEqualTo(4);
        assertThat(VectorGemm.tailTile(13, 8)).isEqualTo(4);
        assertThat(VectorGemm.tailTile(12, 8)).isEqualTo(4);
        assertThat(VectorGemm.tailTile(11, 8)).isZero();
        assertThat(VectorGemm.tailTile(64, 8)).isZero();
        assertThat(VectorGemm.tailTile(7, 4)).isZero(); // 4-row tiles have no smaller tile after them
    }

    /**
     * The build runs this package's tests a second time with -XX:UseAVX=2: there the vectors must
     * be 8 floats wide and the tiles 6 rows tall, or that run tests the AVX-512 code twice.
     */
    @Test
    void avx2RunUsesEightFloatVectorsAndSixRowTiles() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String avx;
        try {
            avx = hotspot.getVMOption("UseAVX").getValue();
        } catch (IllegalArgumentException notX86) {
            avx = "none";
        }
        assumeThat(avx).as("JVM running with -XX:UseAVX=2").isEqualTo("2");
        assertThat(VectorTiles.L).isEqualTo(8);
        assertThat(VectorGemm.step(VectorGemm.tileRows)).isEqualTo(8);
        assertThat(VectorGemm.tileRows).isEqualTo(6);
    }

    /** The panel's floats per inner step: the 6-row tiles' index p·8 is what drops their bounds checks. */
    @Test
    void sixRowTilesStepEightFloats() {
        assertThat(VectorGemm.step(6)).isEqualTo(8);
        assertThat(VectorGemm.step(8)).isEqualTo(8);
        assertThat(VectorGemm.step(4)).isEqualTo(4);
        assertThat(VectorGemm.step(1)).isEqualTo(1);
    }

    /** Inner-dimension blocks of at most 128 steps, as equal as the depth allows. */
    @Test
    void blocksAreEqualAndAtMost128Deep() {
        assertThat(VectorGemm.blockDepth(784)).isEqualTo(112);
        assertThat(VectorGemm.blockDepth(128)).isEqualTo(128);
        assertThat(VectorGemm.blockDepth(129)).isEqualTo(65);
        assertThat(VectorGemm.blockDepth(257)).isEqualTo(86);
        assertThat(VectorGemm.blockDepth(64)).isEqualTo(64);
        assertThat(VectorGemm.blockDepth(1)).isEqualTo(1);
        assertThat(VectorGemm.blockDepth(0)).isEqualTo(1);
    }

    @Test
    void adamVectorKernelMatchesScalarBitForBit() {
        Rng rng = new Rng(9);
        int len = 1003;
        float[] w = random(rng, len), g = random(rng, len);
        float[] w1 = w.clone(), m1 = new float[len], v1 = new float[len];
        float[] w2 = w.clone(), m2 = new float[len], v2 = new float[len];
        Kernels scalar = new ScalarKernels();
        for (int t = 1; t <= 5; t++) {
            float step = (float) (1e-3 / (1 - Math.pow(0.9, t)));
            float inv = (float) (1 / Math.sqrt(1 - Math.pow(0.999, t)));
            scalar.adamStep(w1, g, m1, v1, 0, len, 0.9f, 0.999f, step, inv, 1e-8f, 0.01f);
            vector.adamStep(w2, g, m2, v2, 0, 500, 0.9f, 0.999f, step, inv, 1e-8f, 0.01f);
            vector.adamStep(w2, g, m2, v2, 500, len, 0.9f, 0.999f, step, inv, 1e-8f, 0.01f);
        }
        assertThat(w2).containsExactly(w1);
        assertThat(m2).containsExactly(m1);
        assertThat(v2).containsExactly(v1);
        assertThat(w2).isNotEqualTo(w);
    }

    @Test
    void reluKernelsMatchScalarIncludingZerosAndNaN() {
        Rng rng = new Rng(4);
        Kernels scalar = new ScalarKernels();
        for (int len : new int[] {1, 7, 16, 37}) {
            float[] z = random(rng, len), g = random(rng, len);
            z[0] = -0f;
            if (len > 2) {
                z[1] = Float.NaN;
                z[2] = 0f;
            }
            float[] s = new float[len], v = new float[len];
            scalar.relu(z, s, len);
            vector.relu(z, v, len);
            assertThat(v).containsExactly(s);
            scalar.reluBackward(z, g, s, len);
            vector.reluBackward(z, g, v, len);
            assertThat(v).containsExactly(s);
            assertThat(v[0]).isEqualTo(0f);
        }
    }
}
