package org.scratchnet.data;

import java.util.List;
import org.scratchnet.tensor.Tensor;

/**
 * The letters tutorial's inputs: A, B and C drawn as 5 rows × 6 columns = 30 pixels (1 = ink),
 * flattened row by row.
 */
public final class Letters {
    public static final int ROWS = 5;
    public static final int COLS = 6;
    public static final int PIXELS = ROWS * COLS;
    public static final List<String> NAMES = List.of("A", "B", "C");

    // Drawn so that every pair of letters differs in at least 10 pixels: one flipped pixel
    // leaves a noisy letter closer to its own clean bitmap than to any other.
    private static final String[][] DRAWINGS = {
        {"..##..", ".#..#.", "######", "#....#", "#....#"},
        {"#####.", "#....#", "#####.", "#....#", "#####."},
        {".#####", "#.....", "#.....", "#.....", ".#####"},
    };

    private Letters() {
    }

    /** The 30 pixels of letter {@code 'A'}, {@code 'B'} or {@code 'C'}, row-major. */
    public static float[] bitmap(char letter) {
        int k = NAMES.indexOf(String.valueOf(Character.toUpperCase(letter)));
        if (k < 0) {
            throw new IllegalArgumentException("no bitmap for letter '" + letter + "': expected A, B or C");
        }
        float[] px = new float[PIXELS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                px[r * COLS + c] = DRAWINGS[k][r].charAt(c) == '#' ? 1f : 0f;
            }
        }
        return px;
    }

    /** x (3, 30) with rows A, B, C; y (3, 3) one-hot; class names A, B, C. */
    public static Dataset dataset() {
        float[] x = new float[3 * PIXELS];
        float[] y = new float[9];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(bitmap(NAMES.get(k).charAt(0)), 0, x, k * PIXELS, PIXELS);
            y[k * 3 + k] = 1f;
        }
        return new Dataset(Tensor.of(x, 3, PIXELS), Tensor.of(y, 3, 3), NAMES);
    }

    /** A copy of {@code pixels} with pixel {@code index} (row * 6 + column) flipped 0 ↔ 1. */
    public static float[] flipPixel(float[] pixels, int index) {
        if (index < 0 || index >= pixels.length) {
            throw new IllegalArgumentException("pixel index " + index + " outside 0.." + (pixels.length - 1));
        }
        float[] out = pixels.clone();
        out[index] = out[index] > 0.5f ? 0f : 1f;
        return out;
    }

    /** The bitmap as 5 lines of '#' and '.', for printing. */
    public static String render(float[] pixels) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                sb.append(pixels[r * COLS + c] > 0.5f ? '#' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
