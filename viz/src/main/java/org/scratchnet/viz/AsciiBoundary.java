package org.scratchnet.viz;

import org.scratchnet.data.Dataset;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * The decision boundary as text, for a terminal: each character cell shows the class the model
 * predicts at its centre ({@code .} for class 0, {@code -} for 1, {@code ~ ^ = : ; ' " `} next);
 * a cell holding training points shows the point's class digit, or {@code X} when the model
 * gets any point in that cell wrong. x1 runs left to right, x2 bottom to top.
 */
public final class AsciiBoundary {
    private static final char[] REGION = {'.', '-', '~', '^', '=', ':', ';', '\'', '"', '`'};

    private AsciiBoundary() {
    }

    /** A {@code cols} × {@code rows} picture of {@code model} over the range of {@code data} (N, 2). */
    public static String render(Sequential model, Dataset data, Loss loss, int cols, int rows) {
        ScatterPlot.requireTwoFeatures(data, "ASCII boundary");
        double[] r = Charts.paddedRange(data.x());
        double cw = (r[1] - r[0]) / cols, ch = (r[3] - r[2]) / rows;
        float[] g = new float[rows * cols * 2];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g[2 * (i * cols + j)] = (float) (r[0] + (j + 0.5) * cw);
                g[2 * (i * cols + j) + 1] = (float) (r[3] - (i + 0.5) * ch); // row 0 at the top
            }
        }
        int[] region = Predictions.classes(Predictions.probabilities(model, Tensor.of(g, rows * cols, 2), loss));
        char[][] pic = new char[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                pic[i][j] = REGION[region[i * cols + j] % REGION.length];
            }
        }
        int[] predicted = Predictions.classes(Predictions.probabilities(model, data.x(), loss));
        int[] actual = Predictions.classes(data.y());
        for (int n = 0; n < data.size(); n++) {
            int j = (int) Math.min(cols - 1, Math.max(0, (data.x().get(n, 0) - r[0]) / cw));
            int i = (int) Math.min(rows - 1, Math.max(0, (r[3] - data.x().get(n, 1)) / ch));
            if (predicted[n] != actual[n]) {
                pic[i][j] = 'X';
            } else if (pic[i][j] != 'X') {
                pic[i][j] = Character.forDigit(actual[n] % 36, 36);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char[] line : pic) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
