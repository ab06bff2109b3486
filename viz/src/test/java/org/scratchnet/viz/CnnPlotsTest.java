package org.scratchnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.Dataset;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.Trainer;

/**
 * The CNN figures on a tiny net (conv 4 3x3 over 1x8x8 images, 3 classes, 60 random images
 * trained 2 epochs, so some stay wrong): files, sizes, and content tied to the model.
 */
class CnnPlotsTest {
    @TempDir
    Path tmp;

    private static Dataset images(long seed) {
        Random r = new Random(seed);
        int n = 60;
        float[] x = new float[n * 64], y = new float[n * 3];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(3);
            y[i * 3 + k] = 1;
            for (int j = 0; j < 64; j++) { // class k brightens row band k, plus noise
                x[i * 64 + j] = (j / 8 / 3 == k ? 0.5f : 0f) + r.nextFloat() * 0.6f;
            }
        }
        return new Dataset(Tensor.of(x, n, 1, 8, 8), Tensor.of(y, n, 3), List.of("a", "b", "c"));
    }

    private static Object[] trained() {
        Sequential m = NetSpec.parse("conv 4 3, relu, conv 2 3, relu, flatten, dense 3").build(new int[] {1, 8, 8}, null, null, 3);
        History h = Trainer.builder(m, new SoftmaxCrossEntropy(), new Adam(0.01f)).epochs(2).batchSize(16).seed(3)
                .validation(images(2)).build().fit(images(1));
        return new Object[] {m, h};
    }

    @Test
    void writesTheFiguresAsPngsOfSensibleSize() throws Exception {
        Object[] t = trained();
        List<Path> files = CnnPlots.writeAll(tmp, (Sequential) t[0], images(2), (History) t[1], new SoftmaxCrossEntropy());
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly("loss.png", "accuracy.png", "filters.png", "feature-maps.png", "misclassified.png");
        for (Path f : files) {
            BufferedImage img = Fixtures.read(f);
            assertThat(img.getWidth()).as(f.toString()).isBetween(700, 800);
            assertThat(img.getHeight()).as(f.toString()).isBetween(80, 3000);
        }
        // feature maps: input, conv1 + relu1, conv2 + relu2 (3 headings) make it taller than the filters' one section
        assertThat(Fixtures.read(tmp.resolve("feature-maps.png")).getHeight())
                .isGreaterThan(Fixtures.read(tmp.resolve("filters.png")).getHeight());
    }

    @Test
    void misclassifiedRowsAndLabelsAreTheModelsMistakes() {
        Object[] t = trained();
        Sequential m = (Sequential) t[0];
        Dataset test = images(2);
        float[] out = m.predict(test.x()).data();
        int wrong = 0;
        CnnPlots.Mistakes mk = CnnPlots.mistakes(m, test, new SoftmaxCrossEntropy(), 5);
        int shown = 0;
        for (int i = 0; i < test.size(); i++) {
            int p = Metrics.argmax(out, i * 3, 3), a = Metrics.argmax(test.y().data(), i * 3, 3);
            if (p != a) {
                if (shown < 5) {
                    assertThat(mk.rows()[shown]).isEqualTo(i);
                    assertThat(mk.predicted()[shown]).isEqualTo(p);
                    assertThat(mk.actual()[shown]).isEqualTo(a);
                    shown++;
                }
                wrong++;
            }
        }
        assertThat(wrong).as("the tiny run keeps some mistakes").isGreaterThan(5);
        assertThat(mk.rows()).hasSize(5);
        assertThat(mk.total()).isEqualTo(wrong);
        assertThat(CnnPlots.mistakes(m, test, new SoftmaxCrossEntropy(), 1000).rows()).hasSize(wrong);
    }

    @Test
    void filterAndMapPixelsFollowTheWeightsAndTheImage() {
        Sequential m = (Sequential) trained()[0];
        BufferedImage before = CnnPlots.filters(m);
        float[] w = m.parameters().get(0).value().data();
        for (int i = 0; i < 9; i++) {
            w[i] = -w[i]; // flip filter 1: its tile turns from red to blue where it was red
        }
        BufferedImage after = CnnPlots.filters(m);
        assertThat(differingPixels(before, after)).isGreaterThan(9 * 16);
        for (int i = 0; i < 9; i++) {
            w[i] = -w[i];
        }
        assertThat(differingPixels(before, CnnPlots.filters(m))).isZero();
        Dataset test = images(2);
        assertThat(differingPixels(CnnPlots.featureMaps(m, test, 0), CnnPlots.featureMaps(m, test, 1))).isGreaterThan(100);
    }

    @Test
    void divergingAndGreyScales() {
        assertThat(MapGrid.diverging(0f, 1f).getRGB()).isEqualTo(0xFFFFFFFF);
        assertThat(MapGrid.diverging(1f, 1f).getRed()).isGreaterThan(MapGrid.diverging(1f, 1f).getBlue());
        assertThat(MapGrid.diverging(-1f, 1f).getBlue()).isGreaterThan(MapGrid.diverging(-1f, 1f).getRed());
        // half the span is half-way to white: lighter than the full colour
        assertThat(MapGrid.diverging(-0.5f, 1f).getRed()).isGreaterThan(MapGrid.diverging(-1f, 1f).getRed());
        assertThat(MapGrid.diverging(3f, 0f).getRGB()).isEqualTo(0xFFFFFFFF);
        assertThat(MapGrid.grey(2f, 2f, 4f).getRed()).isEqualTo(255);
        assertThat(MapGrid.grey(4f, 2f, 4f).getRed()).isZero();
        assertThat(MapGrid.grey(3f, 2f, 4f).getRed()).isEqualTo(128);
        assertThat(MapGrid.grey(3f, 3f, 3f).getRed()).isEqualTo(255);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int d = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                d += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return d;
    }
}
