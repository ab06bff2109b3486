package org.scratchnet.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;

/** A small trained model and helpers shared by the figure tests. */
final class Fixtures {
    static final Dataset QUADRANTS = Datasets.quadrants(200, 42);

    private Fixtures() {
    }

    /** The first tutorial's 2-16-1 network after {@code epochs} full-batch steps; returns {model, history}. */
    static Object[] trainedQuadrants(int epochs) {
        Sequential model = Sequential.builder(2)
                .init(Initializers.normal(0.01), Initializers.zeros())
                .dense(16).activation("relu")
                .dense(1).activation("sigmoid")
                .build(42);
        History h = Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(0.5f))
                .epochs(epochs).batchSize(0).shuffle(false).seed(42).build().fit(QUADRANTS);
        return new Object[] {model, h};
    }

    /** Where tests leave their figures for a human to look at. */
    static Path gallery(String name) throws IOException {
        Path dir = Path.of("target", "gallery");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException("not a PNG: " + png);
        }
        return img;
    }

    /**
     * The class whose shade (its colour mixed with white) is nearest to {@code rgb}: projects the
     * pixel onto each line white → class colour and takes the smallest residual.
     */
    static int shadeClass(int rgb, int classes) {
        Color c = new Color(rgb);
        double best = Double.MAX_VALUE;
        int arg = -1;
        for (int k = 0; k < classes; k++) {
            Color col = Style.classColor(k);
            double[] d = {col.getRed() - 255, col.getGreen() - 255, col.getBlue() - 255};
            double[] p = {c.getRed() - 255, c.getGreen() - 255, c.getBlue() - 255};
            double t = (d[0] * p[0] + d[1] * p[1] + d[2] * p[2]) / (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double res = 0;
            for (int i = 0; i < 3; i++) {
                double e = p[i] - t * d[i];
                res += e * e;
            }
            if (t > 0.1 && res < best) {
                best = res;
                arg = k;
            }
        }
        return arg;
    }
}
