package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptions of the image layer types: their words, texts for tables and explain, and spec errors. */
class ImageLayerTypesTest {
    private static Map<String, Object> conv(String... words) {
        return Conv2D.TYPE.parse("conv", List.of(words));
    }

    @Test
    void convolutionTexts() {
        assertThat(Conv2D.TYPE.name()).isEqualTo("conv2d");
        assertThat(Conv2D.TYPE.usage()).isEqualTo("conv FILTERS KERNEL [stride S] [pad P|same|valid] [nobias]");
        assertThat(Conv2D.TYPE.namePrefix(conv("8", "3"))).isEqualTo("conv");
        assertThat(Conv2D.TYPE.describe(conv("8", "3"))).isEqualTo("conv 3x3, 8");
        assertThat(Conv2D.TYPE.describe(conv("8", "5x3", "stride", "2", "pad", "1", "nobias")))
                .isEqualTo("conv 5x3, 8, stride 2x2, pad 1:1:1:1, nobias");
        assertThat(Conv2D.TYPE.describe(conv("8", "3", "stride", "1x2"))).isEqualTo("conv 3x3, 8, stride 1x2");
        assertThat(Conv2D.TYPE.describe(conv("8", "3", "pad", "0:1:0:0"))).isEqualTo("conv 3x3, 8, pad 0:1:0:0");
        assertThat(Conv2D.TYPE.formula(conv("8", "3"), "x", 1)).isEqualTo("conv(x, W1) + b1");
        assertThat(Conv2D.TYPE.formula(conv("8", "3", "nobias"), "a1", 2)).isEqualTo("conv(a1, W2)");
        Map<String, Object> c = conv("8", "3");
        assertThat(Conv2D.TYPE.gradient(c, "weight", "a1", "dZ2", 2)).isEqualTo("Σ_n,pixels dZ2 ⊗ patches(a1)");
        assertThat(Conv2D.TYPE.gradient(c, "bias", "a1", "dZ2", 2)).isEqualTo("Σ_n,pixels dZ2");
        assertThat(Conv2D.TYPE.gradient(c, "input", "a1", "dZ2", 2)).isEqualTo("col2im(dZ2 @ W2)");
        assertThat(Conv2D.TYPE.gradient(c, "gamma", "a1", "dZ2", 2)).isNull();
        assertThatThrownBy(() -> conv("8")).hasMessage("expected '" + Conv2D.TYPE.usage() + "'");
    }

    @Test
    void batchNormWordsAndTheirBounds() {
        assertThat(BatchNorm.TYPE.name()).isEqualTo("batchnorm");
        assertThat(BatchNorm.TYPE.usage()).isEqualTo("batchnorm [eps E] [momentum M]");
        Map<String, Object> c = BatchNorm.TYPE.parse("bn", List.of("eps", "0.001", "momentum", "0.01"));
        assertThat(((Number) c.get("eps")).doubleValue()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) c.get("momentum")).doubleValue()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) BatchNorm.TYPE.parse("bn", List.of("momentum", "1")).get("momentum")).doubleValue())
                .isEqualTo(1.0);
        assertThat(((Number) BatchNorm.TYPE.parse("bn", List.of("MOMENTUM", "0")).get("momentum")).doubleValue())
                .isEqualTo(0.0);
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("eps", "0")))
                .hasMessage("bn eps: expected a number in (0, 1), found '0'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("momentum", "1.5")))
                .hasMessageContaining("found '1.5'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("eps", "0.1", "eps", "0.2")))
                .hasMessage("unexpected 'eps': expected 'batchnorm [eps E] [momentum M]'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("momentum", "0.1", "momentum", "0.2")))
                .hasMessageStartingWith("unexpected 'momentum'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("eps"))).hasMessageStartingWith("unexpected 'eps'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("momentum"))).hasMessageStartingWith("unexpected 'momentum'");
        assertThatThrownBy(() -> BatchNorm.TYPE.parse("bn", List.of("gamma", "1"))).hasMessageStartingWith("unexpected 'gamma'");
    }
}
