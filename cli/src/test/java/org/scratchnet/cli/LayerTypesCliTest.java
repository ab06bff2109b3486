package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.model.NetSpec;

/**
 * Every layer type that takes vectors works through the command line's readers of the layer
 * description: {@code train --net} (builder, layer table, model file) and {@code explain --net}.
 * Image-only types are covered on images by their own tests.
 */
class LayerTypesCliTest {
    /** Whether the type's example builds on input samples shaped {@code in}. */
    private static boolean takes(LayerType t, int... in) {
        try {
            NetSpec.parse(t.example()).build(in, null, null, 1);
            return true;
        } catch (IllegalArgumentException imagesOnly) {
            return false;
        }
    }

    @Test
    void trainAndExplainTakeEveryVectorLayerType(@TempDir Path dir) {
        int tried = 0;
        for (LayerType t : LayerTypes.ALL) {
            // every type that takes the data's points (x1, x2) goes first; image-only types are tested on images
            if (!takes(t, 2)) {
                continue;
            }
            tried++;
            String net = t.example() + ", dense 6, tanh";
            Path model = dir.resolve(t.name() + ".safetensors");
            Object[] r = DemoCommandTest.run("train", "--data", "quadrants", "--net", net, "--epochs", "3",
                    "--save", model.toString(), "--quiet");
            assertThat(r[0]).as(t.name() + ": " + r[2]).isEqualTo(0);
            String out = (String) r[1];
            SavedModel saved = ModelFile.load(model);
            Layer layer = saved.model().layers().stream().filter(l -> l.type().equals(t.name())).findFirst().orElseThrow();
            assertThat(out).as(t.name()).contains(layer.name());

            Object[] e = DemoCommandTest.run("explain", "--net", net + ", dense 1, sigmoid", "--rows", "3");
            assertThat(e[0]).as(t.name() + ": " + e[2]).isEqualTo(0);
            // the first layer reads x; layers with parameters are numbered from 1 (W1, b1)
            assertThat((String) e[1]).as(t.name())
                    .contains(t.formula(layer.config(), "x", layer.parameters().isEmpty() ? 0 : 1));
        }
        assertThat(tried).isGreaterThanOrEqualTo(5);
    }

    @Test
    void explainShowsDropoutAndItsMaskedGradient() {
        Object[] e = DemoCommandTest.run("explain", "--net", "dense 4, relu, dropout 0.5, dense 1, sigmoid", "--rows", "2");
        assertThat(e[0]).as((String) e[2]).isEqualTo(0);
        String out = (String) e[1];
        assertThat(out).contains("a1′ = a1 ⊙ mask,  mask = 0 or 1/(1 − 0.5)   (2,4) -> (2,4)")
                .contains("dA1 = dA1′ ⊙ mask   (2,4) -> (2,4)")
                .contains("explain: 2 -> 4 relu, dropout 0.5 -> 1 sigmoid");
    }

    @Test
    void explainRunsAConvNetOnLetterImages() {
        Object[] e = DemoCommandTest.run("explain", "--data", "letters", "--image", "1x5x6", "--net",
                "conv 2 3 pad same, relu, maxpool 2, flatten, dense 3, softmax", "--loss", "cce", "--rows", "2");
        assertThat(e[0]).as((String) e[2]).isEqualTo(0);
        String out = (String) e[1];
        // x (2,1,5,6) through conv 2 3x3 with 'same' padding keeps 5x6; maxpool 2 floors to 2x3
        assertThat(out).contains("shapes are (N, channels, height, width)")
                .contains("(2,1,5,6) @ (2,1,3,3) + (2) -> (2,2,5,6)")
                .contains("-> (2,2,2,3)")
                .contains("flatten(")
                .contains("dW1 = ")
                .contains("loss on the same rows after one update");
        Object[] bad = DemoCommandTest.run("explain", "--data", "letters", "--image", "1x5x5", "--net", "conv 2 3");
        assertThat(bad[0]).isEqualTo(2);
        assertThat((String) bad[2]).contains("--image 1x5x5 holds 25 values in 3 dimensions, but each row of letters has 30 "
                + "features [3, 30]: give CxHxW with C·H·W = 30");
    }
}
