package org.scratchnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Rng;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

class BoundaryPlotTest {
    @Test
    void pixelShadeEqualsPredictedClassAtSampledPoints() throws Exception {
        Sequential model = (Sequential) Fixtures.trainedQuadrants(300)[0];
        Dataset data = Fixtures.QUADRANTS;
        BoundaryPlot plot = BoundaryPlot.of(model, data, new BinaryCrossEntropy());
        Path file = plot.write(Fixtures.gallery("boundary.png"));
        BufferedImage img = Fixtures.read(file);
        assertThat(img.getWidth()).isEqualTo(BoundaryPlot.WIDTH);
        assertThat(img.getHeight()).isEqualTo(BoundaryPlot.HEIGHT);

        double[] r = Charts.paddedRange(data.x());
        Rng rng = Rng.forPurpose(7, "test");
        int checked = 0, agree = 0;
        for (int s = 0; s < 400; s++) {
            double x1 = r[0] + (r[1] - r[0]) * (0.03 + 0.94 * rng.nextDouble());
            double x2 = r[2] + (r[3] - r[2]) * (0.03 + 0.94 * rng.nextDouble());
            if (nearTrainingPoint(plot, data, x1, x2) || nearBoundary(model, x1, x2, r)) {
                continue;
            }
            Point2D px = plot.pixelOf(x1, x2);
            int shade = Fixtures.shadeClass(img.getRGB((int) px.getX(), (int) px.getY()), 2);
            int predicted = model.predict(Tensor.matrix(new float[][] {{(float) x1, (float) x2}})).get(0) > 0.5f ? 1 : 0;
            checked++;
            if (shade == predicted) {
                agree++;
            }
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(agree).isEqualTo(checked);
    }

    /** Skips pixels a point marker (or its ring) may cover. */
    private static boolean nearTrainingPoint(BoundaryPlot plot, Dataset data, double x1, double x2) {
        Point2D p = plot.pixelOf(x1, x2);
        for (int i = 0; i < data.size(); i++) {
            Point2D q = plot.pixelOf(data.x().get(i, 0), data.x().get(i, 1));
            if (p.distance(q) < 10) {
                return true;
            }
        }
        return false;
    }

    /** Skips points within two grid cells of the decision boundary (the shading is per cell). */
    private static boolean nearBoundary(Sequential model, double x1, double x2, double[] r) {
        double dx = 2 * (r[1] - r[0]) / BoundaryPlot.GRID, dy = 2 * (r[3] - r[2]) / BoundaryPlot.GRID;
        float[][] pts = new float[9][];
        int n = 0;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                pts[n++] = new float[] {(float) (x1 + a * dx), (float) (x2 + b * dy)};
            }
        }
        Tensor p = model.predict(Tensor.matrix(pts));
        boolean first = p.get(0) > 0.5f;
        for (int i = 1; i < 9; i++) {
            if ((p.get(i) > 0.5f) != first) {
                return true;
            }
        }
        return false;
    }

    @Test
    void twoRendersGiveIdenticalBytes() throws Exception {
        Sequential a = (Sequential) Fixtures.trainedQuadrants(50)[0];
        Sequential b = (Sequential) Fixtures.trainedQuadrants(50)[0];
        byte[] first = PngOutput.encode(BoundaryPlot.of(a, Fixtures.QUADRANTS, new BinaryCrossEntropy()).render());
        byte[] second = PngOutput.encode(BoundaryPlot.of(b, Fixtures.QUADRANTS, new BinaryCrossEntropy()).render());
        assertThat(second).isEqualTo(first);
        Path f1 = PngOutput.write(BoundaryPlot.of(a, Fixtures.QUADRANTS, new BinaryCrossEntropy()).render(),
                Fixtures.gallery("det1.png"));
        assertThat(Files.readAllBytes(f1)).isEqualTo(first);
    }
}
