package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image layers' spec words: sizes, pads (as PyTorch's "same" splits them) and config lists, at their bounds. */
class ImageSpecsTest {
    private static final int MAX = ImageSpecs.MAX_WINDOW;
    private static final List<Integer> ONE = List.of(1, 1);

    @Test
    void sizesAreSquareOrHeightByWidthWithinTheirBounds() {
        assertThat(ImageSpecs.pair("conv", "kernel", "3", 1)).containsExactly(3, 3);
        assertThat(ImageSpecs.pair("conv", "kernel", "3X5", 1)).containsExactly(3, 5);
        assertThat(ImageSpecs.pair("conv", "kernel", "1x" + MAX, 1)).containsExactly(1, MAX);
        assertThat(ImageSpecs.pair("conv", "kernel", MAX + "x1", 1)).containsExactly(MAX, 1);
        for (String bad : new String[] {"0", "1x0", "0x1", (MAX + 1) + "", "1x" + (MAX + 1), "3x3x3", "x", "a"}) {
            assertThatThrownBy(() -> ImageSpecs.pair("conv", "kernel", bad, 1)).as(bad)
                    .hasMessage("conv: kernel must be N or HxW with integers in 1.." + MAX + ", found '" + bad + "'");
        }
        assertThat(ImageSpecs.pair("pool", "stride", "0x0", 0)).containsExactly(0, 0);
    }

    @Test
    void samePadsSplitTheKernelLessOneWithTheExtraAtTheBottomAndRight() {
        assertThat(ImageSpecs.pads("conv", "same", List.of(3, 3), ONE)).containsExactly(1, 1, 1, 1);
        assertThat(ImageSpecs.pads("conv", "SAME", List.of(4, 2), ONE)).containsExactly(1, 2, 0, 1);
        assertThat(ImageSpecs.pads("conv", "same", List.of(1, 6), ONE)).containsExactly(0, 0, 2, 3);
        assertThat(ImageSpecs.pads("conv", "valid", List.of(5, 5), List.of(2, 2))).containsExactly(0, 0, 0, 0);
        for (List<Integer> stride : List.of(List.of(2, 1), List.of(1, 2))) {
            assertThatThrownBy(() -> ImageSpecs.pads("conv", "same", List.of(3, 3), stride))
                    .hasMessage("conv: pad same needs stride 1 (as PyTorch); give the pads instead");
        }
    }

    @Test
    void padsAreOneTwoOrFourNonNegativeIntegers() {
        assertThat(ImageSpecs.pads("conv", "2", List.of(3, 3), ONE)).containsExactly(2, 2, 2, 2);
        assertThat(ImageSpecs.pads("conv", "1x0", List.of(3, 3), ONE)).containsExactly(1, 1, 0, 0);
        assertThat(ImageSpecs.pads("conv", "0:1:2:" + MAX, List.of(3, 3), ONE)).containsExactly(0, 1, 2, MAX);
        for (String bad : new String[] {"-1", "1x-1", "1:2:3", "1:2:3:4:5", "1:2:x:4", "1:-1:0:0", (MAX + 1) + "",
                "0:0:0:" + (MAX + 1), "1x2x3", "full"}) {
            assertThatThrownBy(() -> ImageSpecs.pads("conv", bad, List.of(3, 3), ONE)).as(bad)
                    .hasMessage("conv: pad must be P, PHxPW, TOP:BOTTOM:LEFT:RIGHT (integers in 0.." + MAX
                            + "), same or valid, found '" + bad + "'");
        }
    }

    @Test
    void configListsHoldWholeNumbersInRange() {
        assertThat(ImageSpecs.ints(Map.of("k", List.of(3, 5.0)), "k", 2, 1)).containsExactly(3, 5);
        assertThat(ImageSpecs.ints(Map.of("k", List.of(1, MAX)), "k", 2, 1)).containsExactly(1, MAX);
        assertThat(ImageSpecs.ints(Map.of("p", List.of(0, 0, 0, 0)), "p", 4, 0)).containsExactly(0, 0, 0, 0);
        for (Object bad : new Object[] {List.of(0, 3), List.of(3, MAX + 1), List.of(3, 2.5), List.of(3), List.of(3, "3"), "3x3"}) {
            assertThatThrownBy(() -> ImageSpecs.ints(Map.of("k", bad), "k", 2, 1)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("\"k\": expected a list of 2 integers in 1.." + MAX + ", found ");
        }
        assertThat(ImageSpecs.axes(List.of(3, 5))).isEqualTo("3x5");
    }
}
