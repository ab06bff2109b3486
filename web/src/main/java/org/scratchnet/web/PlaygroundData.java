package org.scratchnet.web;

import java.util.List;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.TabularData;
import org.scratchnet.data.Task;
import org.scratchnet.tensor.Tensor;

/**
 * The points a session trains on: raw x (N, 2) and y (N, 1) (0/1 class, or a number for an
 * uploaded regression CSV), split into train and test exactly as {@code scratchnet train
 * --test-split} splits (same seeded shuffle), so the same seed gives the same sets.
 */
public final class PlaygroundData {
    /** Largest upload accepted, in bytes. */
    public static final int MAX_UPLOAD = 1 << 20;

    private PlaygroundData() {
    }

    /** [train, test] for {@code s}; {@code upload} is the session's last CSV (null when none). */
    public static Dataset[] make(Settings s, TabularData upload) {
        Dataset all = s.data().equals("csv") ? fromUpload(s, upload) : generate(s);
        double testFraction = (100 - s.trainPercent()) / 100.0;
        try {
            return all.split(testFraction, s.seed());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("train: " + e.getMessage());
        }
    }

    /**
     * The generator behind each menu entry; where {@code train --data} has the same set the name
     * is given, so a user can repeat a playground run on the command line.
     */
    static Dataset generate(Settings s) {
        int n = s.samples();
        double noise = s.noise();
        long seed = s.seed();
        switch (s.data()) {
            case "circle":
                return Datasets.circles(n, noise, seed); // train --data circles
            case "xor":
                return Datasets.xorSquare(n, noise, seed); // train --data xor-square
            case "gaussian":
                return Datasets.gaussian(n, noise, seed); // train --data gaussian
            case "spiral":
                return Datasets.spiral(n, 2, noise, seed); // train --data spiral:2
            case "moons":
                return Datasets.moons(n, noise, seed); // train --data moons
            case "quadrants":
                return Datasets.quadrants(n, seed); // train --data quadrants (noise unused)
            default:
                throw new BadRequest("data: unknown data set '" + s.data() + "'");
        }
    }

    /** The {@code train --data} spec that generates the same points, or null for an upload. */
    public static String trainSpec(String data) {
        switch (data) {
            case "circle":
                return "circles";
            case "xor":
                return "xor-square";
            case "spiral":
                return "spiral:2";
            case "csv":
                return null;
            default:
                return data;
        }
    }

    private static Dataset fromUpload(Settings s, TabularData upload) {
        if (upload == null) {
            throw new BadRequest("data: csv chosen but no CSV uploaded yet: upload a file with columns x1,x2,label");
        }
        boolean numeric = upload.task() == Task.REGRESSION;
        if (numeric && !s.regression()) {
            throw new BadRequest("data: the uploaded CSV has a numeric target, not 2 classes: choose the regression output");
        }
        return upload.dataset();
    }

    /**
     * Parses an uploaded CSV: exactly 2 feature columns and a label column, either 2 classes
     * (stored 0/1 in the order CsvLoader gives its class names) or numbers.
     * Errors are one line naming the file and the line.
     */
    public static TabularData parseUpload(String fileName, String text) {
        String source = fileName == null || fileName.isBlank() ? "upload.csv" : Settings.clip(fileName);
        TabularData t;
        try {
            t = CsvLoader.parse(source, text, new CsvOptions().expectedFeatures(2));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new BadRequest(oneLine(e.getMessage()));
        }
        int n = t.dataset().size();
        if (n < 2 || n > Settings.MAX_SAMPLES) {
            throw new BadRequest(source + ": expected 2 to " + Settings.MAX_SAMPLES + " rows, found " + n);
        }
        if (t.task() == Task.CLASSIFICATION && t.classNames().size() != 2) {
            throw new BadRequest(source + ": the playground shows 2 classes, found " + t.classNames().size() + " "
                    + List.copyOf(t.classNames()));
        }
        Tensor y = t.dataset().y();
        if (y.cols() != 1) {
            throw new BadRequest(source + ": expected one label column, found " + y.cols());
        }
        return t;
    }

    private static String oneLine(String m) {
        String s = m == null ? "could not read the CSV" : m;
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
