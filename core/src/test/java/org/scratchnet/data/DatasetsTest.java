package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

class DatasetsTest {
    private static int[] classCounts(Dataset d, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < d.size(); i++) {
            if (d.targets() == 1) {
                counts[(int) d.y().get(i, 0)]++;
            } else {
                for (int k = 0; k < classes; k++) {
                    counts[k] += (int) d.y().get(i, k);
                }
            }
        }
        return counts;
    }

    @Test
    void moonsShapeBalanceDeterminismAndGeometry() {
        Dataset a = Datasets.moons(101, 0.1, 7);
        assertThat(a.x().shape()).containsExactly(101, 2);
        assertThat(a.y().shape()).containsExactly(101, 1);
        assertThat(classCounts(a, 2)).containsExactly(50, 51);
        assertThat(a.classNames()).containsExactly("0", "1");
        assertThat(Datasets.moons(101, 0.1, 7).x().data()).isEqualTo(a.x().data());
        assertThat(Datasets.moons(101, 0.1, 8).x().data()).isNotEqualTo(a.x().data());
        // without noise every point lies on its arc: class 0 on the unit circle around (0, 0),
        // class 1 on the unit circle around (1, 0.5)
        Dataset clean = Datasets.moons(20, 0, 1);
        for (int i = 0; i < 20; i++) {
            float px = clean.x().get(i, 0), py = clean.x().get(i, 1);
            boolean inner = clean.y().get(i, 0) == 1f;
            double r = inner ? Math.hypot(px - 1, py - 0.5) : Math.hypot(px, py);
            assertThat(r).isCloseTo(1.0, within(1e-6));
            assertThat(inner ? py <= 0.5 + 1e-6 : py >= -1e-6).isTrue();
        }
    }

    @Test
    void circlesRadiiAndBalance() {
        Dataset c = Datasets.circles(40, 0, 3);
        assertThat(classCounts(c, 2)).containsExactly(20, 20);
        for (int i = 0; i < 40; i++) {
            double r = Math.hypot(c.x().get(i, 0), c.x().get(i, 1));
            assertThat(r).isCloseTo(c.y().get(i, 0) == 1f ? 0.5 : 1.0, within(1e-6));
        }
        assertThat(Datasets.circles(40, 0.05, 3).x().data()).isEqualTo(Datasets.circles(40, 0.05, 3).x().data());
    }

    @Test
    void spiralOneHotForThreeClassesAndSingleColumnForTwo() {
        Dataset s = Datasets.spiral(301, 3, 0.2, 5);
        assertThat(s.y().shape()).containsExactly(301, 3);
        assertThat(classCounts(s, 3)).containsExactly(101, 100, 100);
        assertThat(s.classNames()).containsExactly("0", "1", "2");
        for (int i = 0; i < s.size(); i++) {
            assertThat(Math.hypot(s.x().get(i, 0), s.x().get(i, 1))).isLessThanOrEqualTo(1.0 + 1e-6);
        }
        Dataset two = Datasets.spiral(10, 2, 0, 5);
        assertThat(two.y().shape()).containsExactly(10, 1);
        assertThat(classCounts(two, 2)).containsExactly(5, 5);
        assertThat(Datasets.spiral(301, 3, 0.2, 5).x().data()).isEqualTo(s.x().data());
    }

    @Test
    void lettersBitmapsAndFlippedPixel() {
        Dataset l = Datasets.letters();
        assertThat(l.x().shape()).containsExactly(3, 30);
        assertThat(l.y().toArray2d()).isEqualTo(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(l.classNames()).containsExactly("A", "B", "C");
        assertThat(Letters.render(Letters.bitmap('A')))
                .isEqualTo("..##..\n.#..#.\n######\n#....#\n#....#\n");
        float[] noisy = Letters.flipPixel(Letters.bitmap('b'), 0);
        assertThat(noisy[0]).isZero();
        assertThat(Letters.bitmap('B')[0]).isEqualTo(1f);
        assertThat(Letters.flipPixel(noisy, 0)).isEqualTo(Letters.bitmap('B'));
        // any two letters differ in many pixels, so one flipped pixel keeps a letter recognizable
        for (char a : "ABC".toCharArray()) {
            for (char b : "ABC".toCharArray()) {
                if (a < b) {
                    int diff = 0;
                    for (int i = 0; i < 30; i++) {
                        diff += Letters.bitmap(a)[i] != Letters.bitmap(b)[i] ? 1 : 0;
                    }
                    assertThat(diff).as("%s vs %s", a, b).isGreaterThanOrEqualTo(10);
                }
            }
        }
    }

    @Test
    void byNameCoversEveryBuiltIn() {
        assertThat(Datasets.byName("quadrants", 50, 0, 1).size()).isEqualTo(50);
        assertThat(Datasets.byName("XOR", 50, 0, 1).y().data()).containsExactly(0, 1, 1, 0);
        assertThat(Datasets.byName("and", 50, 0, 1).y().data()).containsExactly(0, 0, 0, 1);
        assertThat(Datasets.byName("or", 50, 0, 1).y().data()).containsExactly(0, 1, 1, 1);
        assertThat(Datasets.byName("letters", 50, 0, 1).features()).isEqualTo(30);
        assertThat(Datasets.byName("moons", 60, 0.1, 2).x().data()).isEqualTo(Datasets.moons(60, 0.1, 2).x().data());
        assertThat(Datasets.byName("circles", 60, 0.1, 2).size()).isEqualTo(60);
        assertThat(Datasets.byName("spiral", 60, 0.1, 2).targets()).isEqualTo(3);
        assertThat(Datasets.byName("spiral:5", 60, 0.1, 2).targets()).isEqualTo(5);
        assertThatThrownBy(() -> Datasets.byName("iris", 10, 0, 1)).hasMessage(
                "unknown dataset 'iris': expected one of quadrants, xor, and, or, letters, moons, circles, spiral, gaussian, xor-square");
        assertThatThrownBy(() -> Datasets.byName("spiral:x", 10, 0, 1))
                .hasMessage("spiral:K expects a class count K, found 'x'");
    }

    @Test
    void standardizerFitsTrainingStatisticsAndHandlesConstantFeature() {
        // x (4, 2): column 0 = 1, 2, 3, 4 (mean 2.5, population std √1.25); column 1 constant 7
        Dataset d = new Dataset(Tensor.matrix(new float[][] {{1, 7}, {2, 7}, {3, 7}, {4, 7}}),
                Tensor.zeros(4, 1));
        Standardizer s = Standardizer.fit(d.x());
        assertThat(s.mean()).containsExactly(2.5f, 7f);
        assertThat(s.std()).containsExactly((float) Math.sqrt(1.25), 1f);
        float[][] t = s.transform(d).x().toArray2d();
        assertThat(t[0][0]).isCloseTo((float) (-1.5 / Math.sqrt(1.25)), within(1e-6f));
        assertThat(t[3][1]).isZero();
        assertThatThrownBy(() -> s.transform(Tensor.zeros(2, 3)))
                .hasMessage("Standardizer: input [2, 3] has 3 features, fitted on 2");
        assertThatThrownBy(() -> new Standardizer(new float[] {0}, new float[] {0}))
                .hasMessage("Standardizer: feature 0 has mean 0.0, std 0.0; expected finite values and std > 0");
    }

    @Test
    void gaussianBlobsSitAroundTheirCentresWithTheStatedSpread() {
        Dataset a = Datasets.gaussian(4000, 0.05, 3);
        assertThat(a.x().shape()).containsExactly(4000, 2);
        assertThat(classCounts(a, 2)).containsExactly(2000, 2000);
        assertThat(Datasets.gaussian(4000, 0.05, 3).x().data()).isEqualTo(a.x().data());
        assertThat(Datasets.gaussian(4000, 0.05, 4).x().data()).isNotEqualTo(a.x().data());
        double[] sum = new double[2], sq = new double[2];
        for (int i = 0; i < a.size(); i++) {
            int k = (int) a.y().get(i, 0);
            double dx = a.x().get(i, 0) - (k == 1 ? 0.5 : -0.5);
            sum[k] += dx;
            sq[k] += dx * dx;
        }
        for (int k = 0; k < 2; k++) {
            assertThat(sum[k] / 2000).isCloseTo(0, within(0.03));
            assertThat(Math.sqrt(sq[k] / 2000)).isCloseTo(Datasets.BLOB_STD + 0.05, within(0.02));
        }
        assertThat(Datasets.byName("gaussian", 10, 0.05, 3).x().data()).isEqualTo(Datasets.gaussian(10, 0.05, 3).x().data());
    }

    @Test
    void xorSquareLabelsBySignAndFillsTheSquare() {
        Dataset clean = Datasets.xorSquare(500, 0, 9);
        int[] perQuadrant = new int[4];
        for (int i = 0; i < clean.size(); i++) {
            float a = clean.x().get(i, 0), b = clean.x().get(i, 1);
            assertThat(Math.abs(a)).isLessThanOrEqualTo(1f);
            assertThat(Math.abs(b)).isLessThanOrEqualTo(1f);
            assertThat(clean.y().get(i, 0)).isEqualTo(a * b > 0 ? 1f : 0f);
            perQuadrant[(a > 0 ? 1 : 0) + (b > 0 ? 2 : 0)]++;
        }
        for (int c : perQuadrant) {
            assertThat(c).isBetween(90, 160);
        }
        // noise moves points after labelling: some now sit on the wrong side
        Dataset noisy = Datasets.xorSquare(500, 0.3, 9);
        int wrong = 0;
        for (int i = 0; i < noisy.size(); i++) {
            boolean same = noisy.x().get(i, 0) * noisy.x().get(i, 1) > 0;
            wrong += (same ? 1f : 0f) != noisy.y().get(i, 0) ? 1 : 0;
        }
        assertThat(wrong).isBetween(10, 200);
        assertThat(Datasets.byName("xor-square", 10, 0.1, 1).y().data()).isEqualTo(Datasets.xorSquare(10, 0.1, 1).y().data());
    }
}
