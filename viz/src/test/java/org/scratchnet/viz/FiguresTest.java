package org.scratchnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;

class FiguresTest {
    @TempDir
    Path tmp;

    private static void assertSize(Path png, int w, int h) throws Exception {
        BufferedImage img = Fixtures.read(png);
        assertThat(img.getWidth()).as(png + " width").isEqualTo(w);
        assertThat(img.getHeight()).as(png + " height").isEqualTo(h);
    }

    @Test
    void quadrantsGetDataBoundaryCurvesAndPredictions() throws Exception {
        Object[] t = Fixtures.trainedQuadrants(100);
        List<Path> files = TrainingPlots.writeAll(tmp, (Sequential) t[0], Fixtures.QUADRANTS, (History) t[1],
                new BinaryCrossEntropy());
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly("loss.png", "accuracy.png", "data.png", "boundary.png", "predictions.png");
        assertSize(tmp.resolve("loss.png"), CurvePlot.WIDTH, CurvePlot.HEIGHT);
        assertSize(tmp.resolve("accuracy.png"), CurvePlot.WIDTH, CurvePlot.HEIGHT);
        assertSize(tmp.resolve("data.png"), ScatterPlot.WIDTH, ScatterPlot.HEIGHT);
        assertSize(tmp.resolve("boundary.png"), BoundaryPlot.WIDTH, BoundaryPlot.HEIGHT);
        assertSize(tmp.resolve("predictions.png"), PredictionPlot.WIDTH, PredictionPlot.HEIGHT);
        for (Path f : files) {
            Files.copy(f, Fixtures.gallery(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // a second run over a freshly trained model writes the same bytes
        Path again = tmp.resolve("again");
        Object[] t2 = Fixtures.trainedQuadrants(100);
        TrainingPlots.writeAll(again, (Sequential) t2[0], Fixtures.QUADRANTS, (History) t2[1], new BinaryCrossEntropy());
        for (Path f : files) {
            assertThat(Files.readAllBytes(again.resolve(f.getFileName()))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
        // no temp files left behind
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void spiralGetsThreeClassBoundaryAndConfusion() throws Exception {
        Dataset data = Datasets.spiral(150, 3, 0.1, 1);
        Sequential model = Sequential.builder(2).dense(32).activation("relu").dense(3).build(1);
        History h = Trainer.builder(model, new SoftmaxCrossEntropy(), new Adam(0.02f)).epochs(60).batchSize(32)
                .seed(1).validation(Datasets.spiral(60, 3, 0.1, 2)).build().fit(data);
        List<Path> files = TrainingPlots.writeAll(tmp, model, data, h, new SoftmaxCrossEntropy());
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly("loss.png", "accuracy.png", "data.png", "boundary.png", "confusion.png");
        assertSize(tmp.resolve("confusion.png"), ConfusionPlot.WIDTH, ConfusionPlot.HEIGHT);
        for (Path f : files) {
            Files.copy(f, Fixtures.gallery("spiral-" + f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void confusionCountsRowsActualColumnsPredicted() {
        long[][] m = ConfusionPlot.counts(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 2, 0}, 3);
        assertThat(m).isEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
    }

    @Test
    void lettersGetBitmapsWithPredictions() throws Exception {
        Dataset data = Datasets.letters();
        Sequential model = Sequential.builder(30).dense(8).activation("sigmoid").dense(3).build(3);
        History h = Trainer.builder(model, new SoftmaxCrossEntropy(), new Adam(0.05f)).epochs(100).batchSize(0)
                .seed(3).build().fit(data);
        List<Path> files = TrainingPlots.writeAll(tmp, model, data, h, new SoftmaxCrossEntropy());
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactly("loss.png", "accuracy.png", "confusion.png", "bitmaps.png");
        BufferedImage img = Fixtures.read(tmp.resolve("bitmaps.png"));
        assertThat(img.getWidth()).isEqualTo(BitmapGrid.WIDTH);
        Files.copy(tmp.resolve("bitmaps.png"), Fixtures.gallery("bitmaps.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void digitGridMarksErrors() throws Exception {
        float[][] images = new float[12][28 * 28];
        int[] pred = new int[12], actual = new int[12];
        for (int i = 0; i < 12; i++) {
            for (int r = 4; r < 24; r++) {
                images[i][r * 28 + 8 + i] = 1f; // a vertical stroke that moves right
            }
            pred[i] = i % 10;
            actual[i] = i == 5 ? 3 : i % 10;
        }
        BufferedImage img = BitmapGrid.render(images, 28, 28, pred, actual, List.of(), "Digits");
        assertThat(img.getWidth()).isEqualTo(BitmapGrid.WIDTH);
        PngOutput.write(img, Fixtures.gallery("digits.png"));
    }

    @Test
    void perceptronLineAndFunctionFigures() throws Exception {
        org.scratchnet.model.Perceptron per = new org.scratchnet.model.Perceptron(2, 0.1f);
        Dataset and = Datasets.and();
        per.train(and.x(), and.y(), 100, null);
        Path p = PerceptronPlot.write(per.weights(), per.bias(), and, "Perceptron on AND", tmp.resolve("perceptron.png"));
        assertSize(p, PerceptronPlot.WIDTH, PerceptronPlot.HEIGHT);
        Path a = FunctionPlots.writeActivations(tmp.resolve("activations.png"));
        Path l = FunctionPlots.writeLosses(tmp.resolve("losses.png"));
        assertSize(a, FunctionPlots.WIDTH, FunctionPlots.HEIGHT);
        assertSize(l, FunctionPlots.WIDTH, FunctionPlots.HEIGHT);
        assertThat(PngOutput.encode(FunctionPlots.activations())).isEqualTo(Files.readAllBytes(a));
        for (Path f : List.of(p, a, l)) {
            Files.copy(f, Fixtures.gallery(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void activationCurvesComeFromTheEngine() {
        double[][] s = FunctionPlots.activationCurve("sigmoid");
        int mid = s[0].length / 2; // z = 0
        assertThat(s[0][mid]).isEqualTo(0.0);
        assertThat(s[1][mid]).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s[2][mid]).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
        double[][] sm = FunctionPlots.activationCurve("softmax"); // softmax([z, 0])₁ = sigmoid(z)
        for (int i = 0; i < s[0].length; i += 40) {
            assertThat(sm[1][i]).isEqualTo(s[1][i], org.assertj.core.data.Offset.offset(1e-5));
            assertThat(sm[2][i]).isEqualTo(s[2][i], org.assertj.core.data.Offset.offset(1e-5));
        }
        double[] bce = FunctionPlots.lossCurve("bce", new double[] {0.5}, 1);
        assertThat(bce[0]).isEqualTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Tensor.zeros(1, 1).size()).isEqualTo(1);
    }
}
