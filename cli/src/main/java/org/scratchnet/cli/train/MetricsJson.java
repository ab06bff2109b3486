package org.scratchnet.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.cli.AtomicFiles;
import org.scratchnet.io.Json;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.History;

/**
 * {@code --metrics-out FILE.json}: plain JSON (no NaN tokens: missing values are null), written
 * atomically. The schema is documented in docs/cli.md.
 */
public final class MetricsJson {
    private MetricsJson() {
    }

    /** The value, or null for NaN and infinities. */
    public static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Per-epoch arrays: epoch, loss, accuracy, val_loss, val_accuracy, seconds. */
    public static Map<String, Object> history(History h) {
        return history(h, 1);
    }

    /** As {@link #history(History)} with losses multiplied by {@code lossFactor} (NaN = leave as they are). */
    public static Map<String, Object> history(History h, double lossFactor) {
        double f = Double.isNaN(lossFactor) ? 1 : lossFactor;
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> epochs = new ArrayList<>();
        List<Double> loss = new ArrayList<>(), acc = new ArrayList<>(), vl = new ArrayList<>(),
                va = new ArrayList<>(), sec = new ArrayList<>();
        for (EpochStats s : h.epochs()) {
            epochs.add(s.epoch());
            loss.add(num(s.loss() * f));
            acc.add(num(s.accuracy()));
            vl.add(num(s.valLoss() * f));
            va.add(num(s.valAccuracy()));
            sec.add(s.seconds());
        }
        m.put("epoch", epochs);
        m.put("loss", loss);
        m.put("accuracy", acc);
        m.put("val_loss", vl);
        m.put("val_accuracy", va);
        m.put("seconds", sec);
        return m;
    }

    /** Indented JSON text (core's writer: the one JSON implementation of the project). */
    public static String toJson(Object root) {
        return Json.writeIndented(root) + "\n";
    }

    public static void write(Path file, Object root) {
        String json = toJson(root);
        AtomicFiles.writeOrFail(file, out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
