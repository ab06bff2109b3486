package org.scratchnet.cli.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scratchnet.cli.Errors;
import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.viz.ConfusionPlot;
import org.scratchnet.viz.PlotNames;
import org.scratchnet.viz.PredictionPlot;

/** {@code evaluate --plots DIR}: the confusion matrix, and predicted against actual where it fits. */
final class EvaluationPlots {
    private EvaluationPlots() {
    }

    /**
     * pred (N, K) model outputs (regression: in the target's unit), y (N, K) targets; writes
     * confusion.png for classification, predictions.png for regression and for one sigmoid output.
     */
    static void write(PrintWriter out, Path dir, Tensor pred, Tensor y, SavedModel saved, Loss loss,
            List<String> classNames, String label) {
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            PlotNames names = new PlotNames(List.of(), label, false, false);
            if (saved.task() == Task.CLASSIFICATION) {
                Tensor probs = Scores.probabilities(pred, loss);
                int k = Math.max(2, probs.cols());
                long[][] m = ConfusionPlot.counts(Scores.targets(y), Scores.classes(probs), k);
                String title = "Confusion matrix" + (label == null ? "" : ": " + label) + " (rows = actual)";
                written.add(ConfusionPlot.write(m, classNames, title, dir.resolve("confusion.png")).getFileName().toString());
                if (probs.cols() == 1) {
                    written.add(PredictionPlot.write(probs, y, true, names, dir.resolve("predictions.png"))
                            .getFileName().toString());
                }
            } else if (pred.cols() == 1) {
                written.add(PredictionPlot.write(pred, y, false, names, dir.resolve("predictions.png"))
                        .getFileName().toString());
            }
        } catch (IOException e) {
            throw new Errors.UserException("cannot write plots to " + dir + ": " + Errors.describe(e), 1);
        }
        out.println("plots: wrote " + String.join(", ", written) + " to " + dir);
    }
}
