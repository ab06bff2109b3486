package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The window arithmetic: output sizes as PyTorch's formula, the "inside" rectangle that the fast
 * paths use exactly equal to the windows lying wholly in the image, and the offset tables.
 */
class ConvGeometryTest {
    @Test
    void outputSizesFollowPyTorch() {
        ConvGeometry g = new ConvGeometry(3, 28, 27, 3, 5, 2, 3, 1, 0, 2, 1);
        assertThat(g.oh).isEqualTo((28 + 1 + 0 - 3) / 2 + 1);
        assertThat(g.ow).isEqualTo((27 + 2 + 1 - 5) / 3 + 1);
        assertThat(g.patch()).isEqualTo(3 * 3 * 5);
        assertThat(g.outPlane()).isEqualTo(g.oh * g.ow);
        assertThat(g.inPlane()).isEqualTo(28 * 27);
        assertThat(g.toString()).isEqualTo("(3,28,27) window 3x5 stride 2x3 pads 1,0,2,1 -> 14x9");
    }

    @Test
    void insideIsExactlyTheWindowsWhollyInTheImage() {
        int checked = 0;
        for (int h = 1; h <= 7; h++) {
            for (int k = 1; k <= Math.min(h + 2, 4); k++) {
                for (int s = 1; s <= 3; s++) {
                    for (int p0 = 0; p0 <= 2; p0++) {
                        for (int p1 = 0; p1 <= 2; p1++) {
                            if (h + p0 + p1 < k) {
                                continue;
                            }
                            ConvGeometry g = new ConvGeometry(2, h, h + 1, k, k, s, s, p0, p1, p1, p0);
                            int count = 0;
                            for (int r = 0; r < g.oh; r++) {
                                for (int c = 0; c < g.ow; c++) {
                                    int top = r * s - p0, left = c * s - p1;
                                    boolean inside = top >= 0 && top + k <= h && left >= 0 && left + k <= h + 1;
                                    assertThat(g.inside(r, c)).as("%s at (%d,%d)", g, r, c).isEqualTo(inside);
                                    if (inside) {
                                        assertThat(g.interior()[0][count]).isEqualTo(top * (h + 1) + left);
                                        assertThat(g.interior()[1][count]).isEqualTo(r * g.ow + c);
                                        count++;
                                    }
                                    checked++;
                                }
                            }
                            assertThat(g.interior()[0]).hasSize(count);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void patchOffsetsWalkChannelsRowsAndColumns() {
        ConvGeometry g = new ConvGeometry(2, 4, 5, 2, 3, 1, 1, 0, 0, 0, 0);
        assertThat(g.patchOffsets()).containsExactly(0, 1, 2, 5, 6, 7, 20, 21, 22, 25, 26, 27);
    }

    @Test
    void badGeometriesSayWhy() {
        assertThatThrownBy(() -> new ConvGeometry(0, 4, 4, 2, 2, 1, 1, 0, 0, 0, 0)).hasMessageContaining("must be >= 1");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 4, 2, 0, 1, 1, 0, 0, 0, 0)).hasMessageContaining("kernel and stride");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 4, 2, 2, 1, 0, 0, 0, 0, 0)).hasMessageContaining("kernel and stride");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 4, 2, 2, 1, 1, 0, -1, 0, 0)).hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> new ConvGeometry(1, 2, 3, 4, 2, 1, 1, 1, 0, 0, 0))
                .hasMessage("window 4x2 does not fit input (1,2,3) padded to 3x3");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 3, 2, 5, 1, 1, 0, 0, 1, 0))
                .hasMessage("window 2x5 does not fit input (1,4,3) padded to 4x4");
        ConvGeometry ok = new ConvGeometry(1, 4, 4, 3, 3, 1, 1, 1, 1, 1, 1);
        ok.requirePoolPads("maxpool");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 4, 3, 3, 1, 1, 0, 2, 0, 0).requirePoolPads("maxpool"))
                .hasMessageStartingWith("maxpool: pads");
        assertThatThrownBy(() -> new ConvGeometry(1, 4, 4, 3, 3, 1, 1, 0, 0, 0, 2).requirePoolPads("maxpool"))
                .hasMessageStartingWith("maxpool: pads");
    }
}
