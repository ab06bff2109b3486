package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * The pooling layers around their kernels: type texts and configs, training (reused buffers)
 * against inference (fresh outputs), backward contracts and errors. x (1, 1, 4, 4) = 1..16.
 */
class PoolLayersTest {
    private static Tensor oneToSixteen(int n) {
        float[] v = new float[16 * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 16 + 1;
        }
        return Tensor.of(v, n, 1, 4, 4);
    }

    private static final int[] IN = {1, 4, 4};

    @Test
    void poolTypeTexts() {
        assertThat(MaxPool2D.TYPE.name()).isEqualTo("maxpool2d");
        assertThat(MaxPool2D.TYPE.tokens()).containsExactly("maxpool", "maxpool2d");
        assertThat(MaxPool2D.TYPE.usage()).isEqualTo("maxpool KERNEL [stride S] [pad P]");
        assertThat(MaxPool2D.TYPE.example()).isEqualTo("maxpool 2");
        assertThat(AvgPool2D.TYPE.name()).isEqualTo("avgpool2d");
        assertThat(AvgPool2D.TYPE.tokens()).containsExactly("avgpool", "avgpool2d");
        assertThat(AvgPool2D.TYPE.usage()).isEqualTo("avgpool KERNEL [stride S] [pad P] [excludepad]");
        assertThat(AvgPool2D.TYPE.example()).isEqualTo("avgpool 2");
        Map<String, Object> max = MaxPool2D.TYPE.parse("maxpool", List.of("2"));
        assertThat(MaxPool2D.TYPE.describe(max)).isEqualTo("maxpool 2x2");
        assertThat(MaxPool2D.TYPE.namePrefix(max)).isEqualTo("maxpool");
        assertThat(MaxPool2D.TYPE.describe(MaxPool2D.TYPE.parse("maxpool", List.of("3", "stride", "2", "pad", "1"))))
                .isEqualTo("maxpool 3x3, stride 2x2, pad 1:1:1:1");
        assertThat(MaxPool2D.TYPE.describe(MaxPool2D.TYPE.parse("maxpool", List.of("2", "stride", "2x1"))))
                .isEqualTo("maxpool 2x2, stride 2x1");
        assertThat(MaxPool2D.TYPE.describe(MaxPool2D.TYPE.parse("maxpool", List.of("2", "stride", "1x2"))))
                .isEqualTo("maxpool 2x2, stride 1x2");
        Map<String, Object> avg = AvgPool2D.TYPE.parse("avgpool", List.of("2"));
        assertThat(avg.get("count_include_pad")).isEqualTo(true);
        assertThat(AvgPool2D.TYPE.describe(avg)).isEqualTo("avgpool 2x2");
        assertThat(AvgPool2D.TYPE.namePrefix(avg)).isEqualTo("avgpool");
        Map<String, Object> excl = AvgPool2D.TYPE.parse("avgpool", List.of("3", "pad", "1", "excludepad"));
        assertThat(excl).doesNotContainKey("flag:excludepad").containsEntry("count_include_pad", false);
        assertThat(AvgPool2D.TYPE.describe(excl)).isEqualTo("avgpool 3x3, pad 1:1:1:1, excludepad");
        assertThatThrownBy(() -> MaxPool2D.TYPE.parse("maxpool", List.of())).hasMessage("expected 'maxpool KERNEL [stride S] [pad P]'");
        assertThatThrownBy(() -> MaxPool2D.TYPE.parse("maxpool", List.of("2", "excludepad")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GlobalAvgPool.TYPE.name()).isEqualTo("globalavgpool");
        assertThat(GlobalAvgPool.TYPE.tokens()).containsExactly("globalavgpool", "gap");
        assertThat(GlobalAvgPool.TYPE.usage()).isEqualTo("globalavgpool");
        assertThat(GlobalAvgPool.TYPE.example()).isEqualTo("globalavgpool");
        Map<String, Object> gap = GlobalAvgPool.TYPE.parse("gap", List.of());
        assertThat(gap).isEmpty();
        assertThat(GlobalAvgPool.TYPE.describe(gap)).isEqualTo("global avg pool");
        assertThat(GlobalAvgPool.TYPE.namePrefix(gap)).isEqualTo("gap");
        assertThat(GlobalAvgPool.TYPE.formula(gap, "a2", 3)).isEqualTo("mean_hw(a2)");
        assertThat(GlobalAvgPool.TYPE.gradient(gap, "input", "a2", "dA3", 3)).isEqualTo("dA3 / (H·W) to every pixel");
        assertThat(GlobalAvgPool.TYPE.gradient(gap, "weight", "a2", "dA3", 3)).isNull();
        assertThatThrownBy(() -> GlobalAvgPool.TYPE.parse("gap", List.of("2"))).hasMessage("expected 'gap' alone");
    }

    @Test
    void typesCreateTheLayersTheirConfigsDescribe() {
        Map<String, Object> c = AvgPool2D.TYPE.parse("avgpool", List.of("3", "stride", "2", "pad", "1", "excludepad"));
        AvgPool2D avg = (AvgPool2D) AvgPool2D.TYPE.create("p", c, IN);
        assertThat(avg.type()).isEqualTo("avgpool2d");
        assertThat(avg.countIncludePad()).isFalse();
        assertThat(avg.config()).isEqualTo(c);
        assertThat(avg.outputShape(IN)).containsExactly(1, 2, 2);
        assertThat(AvgPool2D.TYPE.tensors(c, IN)).isEmpty();
        assertThat(((AvgPool2D) AvgPool2D.TYPE.create("q", Map.of("kernel", List.of(2, 2)), IN)).countIncludePad()).isTrue();
        MaxPool2D max = (MaxPool2D) MaxPool2D.TYPE.create("m", Map.of("kernel", List.of(2, 2)), IN); // stride = kernel, no pad
        assertThat(max.type()).isEqualTo("maxpool2d");
        assertThat(max.outputShape(IN)).containsExactly(1, 2, 2);
        assertThat(max.config()).containsEntry("stride", List.of(2, 2)).containsEntry("padding", List.of(0, 0, 0, 0));
        assertThat(MaxPool2D.TYPE.tensors(max.config(), IN)).isEmpty();
        assertThat(max.parameters()).isEmpty();
        assertThatThrownBy(() -> MaxPool2D.TYPE.tensors(Map.of("kernel", List.of(5, 5)), IN)).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> max.outputShape(new int[] {1, 5, 4})).isInstanceOf(ShapeException.class);
        GlobalAvgPool gap = (GlobalAvgPool) GlobalAvgPool.TYPE.create("g", Map.of(), new int[] {3, 2, 2});
        assertThat(gap.name()).isEqualTo("g");
        assertThat(gap.type()).isEqualTo("globalavgpool");
        assertThat(gap.config()).isEmpty();
        assertThat(gap.outputShape(new int[] {3, 2, 2})).containsExactly(3);
        assertThat(GlobalAvgPool.TYPE.tensors(Map.of(), new int[] {3, 2, 2})).isEmpty();
        assertThatThrownBy(() -> GlobalAvgPool.TYPE.tensors(Map.of(), new int[] {3})).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> gap.outputShape(new int[] {3, 2, 3})).isInstanceOf(ShapeException.class);
        assertThat(max.geometry().kh).isEqualTo(2);
        assertThat(avg.geometry().sw).isEqualTo(2);
        assertThat(avg.geometry().padLeft).isEqualTo(1);
        assertThatThrownBy(() -> avg.backward(Tensor.zeros(1, 1, 2, 2), true))
                .hasMessage("AvgPool2D(p): backward called before a training forward");
    }

    @Test
    void trainingReusesBuffersInferenceReturnsFreshTensors() {
        for (Pool2D p : new Pool2D[] {new MaxPool2D("m", IN, new int[] {2, 2}, new int[] {2, 2}, new int[4]),
            new AvgPool2D("a", IN, new int[] {2, 2}, new int[] {2, 2}, new int[4], true)}) {
            boolean isMax = p instanceof MaxPool2D;
            Tensor t1 = p.forward(oneToSixteen(1), true), t2 = p.forward(oneToSixteen(1), true);
            assertThat(t2).isSameAs(t1);
            Tensor e1 = p.forward(oneToSixteen(1), false), e2 = p.forward(oneToSixteen(1), false);
            assertThat(e1).isNotSameAs(e2).isNotSameAs(t1);
            assertThat(e1.data()).containsExactly(isMax ? new float[] {6, 8, 14, 16} : new float[] {3.5f, 5.5f, 11.5f, 13.5f});
            assertThat(e1.shape()).containsExactly(1, 1, 2, 2);
            // inference in between leaves the training state: backward still pairs with the training batch
            Tensor dx = p.backward(Tensor.of(new float[] {4, 0, 0, 8}, 1, 1, 2, 2), true);
            assertThat(dx.shape()).containsExactly(1, 1, 4, 4);
            assertThat(dx.data()).containsExactly(isMax
                    ? new float[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8}
                    : new float[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2});
            assertThat(p.backward(Tensor.of(new float[] {4, 0, 0, 8}, 1, 1, 2, 2), true)).isSameAs(dx);
            assertThat(p.backward(Tensor.of(new float[4], 1, 1, 2, 2), false)).isNull();
            assertThatThrownBy(() -> p.backward(Tensor.zeros(2, 1, 2, 2), true)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("is not for the batch of 1 of the last forward");
            assertThatThrownBy(() -> p.forward(Tensor.zeros(1, 2, 4, 4), true)).isInstanceOf(ShapeException.class);
            // a larger batch gets its own buffer
            Tensor t3 = p.forward(oneToSixteen(2), true);
            assertThat(t3.shape()).containsExactly(2, 1, 2, 2);
            assertThat(p.backward(Tensor.zeros(2, 1, 2, 2), true).shape()).containsExactly(2, 1, 4, 4);
        }
    }

    @Test
    void backwardBeforeForwardAndPaddingModes() {
        MaxPool2D max = new MaxPool2D("m", IN, new int[] {2, 2}, new int[] {2, 2}, new int[4]);
        assertThatThrownBy(() -> max.backward(Tensor.zeros(1, 1, 2, 2), true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("MaxPool2D(m): backward called before a training forward");
        GlobalAvgPool gap = new GlobalAvgPool("g", IN);
        assertThatThrownBy(() -> gap.backward(Tensor.zeros(1, 1), true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("GlobalAvgPool(g): backward called before a training forward");
        // 3x3 windows, stride 3, pad 1: the corner window holds 1, 2, 5, 6 and five pad cells
        int[] pads = {1, 1, 1, 1};
        AvgPool2D incl = new AvgPool2D("i", IN, new int[] {3, 3}, new int[] {3, 3}, pads, true);
        AvgPool2D excl = new AvgPool2D("e", IN, new int[] {3, 3}, new int[] {3, 3}, pads, false);
        assertThat(incl.forward(oneToSixteen(1), false).data()[0]).isEqualTo(14f / 9);
        assertThat(excl.forward(oneToSixteen(1), false).data()[0]).isEqualTo(14f / 4);
        excl.forward(oneToSixteen(1), true);
        assertThat(excl.backward(Tensor.of(new float[] {8, 0, 0, 0}, 1, 1, 2, 2), true).data())
                .containsExactly(2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // max pool pads with −∞: the all-negative corner still takes its largest real value
        MaxPool2D padded = new MaxPool2D("p", IN, new int[] {3, 3}, new int[] {3, 3}, pads);
        Tensor neg = oneToSixteen(1);
        for (int i = 0; i < 16; i++) {
            neg.data()[i] = -neg.data()[i];
        }
        assertThat(padded.forward(neg, false).data()[0]).isEqualTo(-1f);
        // global average: training buffer reused, inference fresh, gradient spread evenly
        Tensor x = oneToSixteen(1);
        Tensor g1 = gap.forward(x, true);
        assertThat(gap.forward(x, true)).isSameAs(g1);
        assertThat(g1.data()).containsExactly(8.5f);
        assertThat(gap.forward(x, false)).isNotSameAs(g1);
        assertThat(gap.backward(Tensor.of(new float[] {16}, 1, 1), true).data()).containsOnly(1f);
        assertThat(gap.backward(Tensor.of(new float[] {16}, 1, 1), false)).isNull();
        assertThatThrownBy(() -> gap.backward(Tensor.zeros(2, 1), true)).isInstanceOf(ShapeException.class)
                .hasMessage("GlobalAvgPool(g): gradient [2, 1] is not for the batch of 1 of the last forward");
        assertThatThrownBy(() -> gap.backward(Tensor.zeros(1, 2), true)).isInstanceOf(ShapeException.class);
    }
}
