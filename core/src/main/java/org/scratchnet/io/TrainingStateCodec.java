package org.scratchnet.io;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Tensor;

/**
 * The optional {@code training} metadata value and its tensors:
 * {@code {"optimizer": "adam", "config": {...}, "optimizer_steps": T, "epochs": E, "steps": S}},
 * with each optimizer state tensor stored as {@code optim/<parameter>/<slot>}
 * (e.g. {@code optim/dense1.weight/exp_avg}), shaped like its parameter.
 */
final class TrainingStateCodec {
    /** Name prefix of optimizer state tensors. */
    static final String PREFIX = "optim/";

    private TrainingStateCodec() {
    }

    static void encode(TrainingState state, Map<String, String> meta, Map<String, Tensor> tensors) {
        Optimizer o = state.optimizer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", o.name());
        m.put("config", o.config());
        m.put("optimizer_steps", o.steps());
        m.put("epochs", state.epochs());
        m.put("steps", state.steps());
        meta.put("training", Json.write(m));
        for (Map.Entry<String, Tensor> e : o.state().entrySet()) {
            tensors.put(PREFIX + e.getKey(), e.getValue());
        }
    }

    /** The saved training state, or null when the file has none. */
    static TrainingState decode(String file, Map<String, String> meta, Map<String, Tensor> tensors, Sequential model) {
        String raw = meta.get("training");
        if (raw == null) {
            for (String t : tensors.keySet()) {
                if (t.startsWith(PREFIX)) {
                    throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(t)
                            + " is optimizer state, but __metadata__ has no \"training\"");
                }
            }
            return null;
        }
        Object v;
        try {
            v = Json.parse(raw);
        } catch (Json.JsonException e) {
            throw Safetensors.fail(file, "training is not valid JSON " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m) || !(m.get("optimizer") instanceof String name)
                || !(m.get("config") instanceof Map<?, ?> config)) {
            throw Safetensors.fail(file, "training: expected {\"optimizer\": NAME, \"config\": {...}, \"optimizer_steps\", "
                    + "\"epochs\", \"steps\"}, found " + ModelFormatException.quote(raw));
        }
        long optimizerSteps = count(file, m.get("optimizer_steps"), "optimizer_steps", Long.MAX_VALUE);
        int epochs = (int) count(file, m.get("epochs"), "epochs", Integer.MAX_VALUE);
        long steps = count(file, m.get("steps"), "steps", Long.MAX_VALUE);
        Map<String, Object> cfg = new LinkedHashMap<>();
        config.forEach((k, val) -> cfg.put(String.valueOf(k), val));
        Map<String, Tensor> state = new LinkedHashMap<>();
        tensors.forEach((k, t) -> {
            if (k.startsWith(PREFIX)) {
                state.put(k.substring(PREFIX.length()), t);
            }
        });
        try {
            Optimizer o = Optimizers.create(name, cfg);
            o.loadState(state, optimizerSteps, model.parameters());
            return new TrainingState(o, epochs, steps);
        } catch (IllegalArgumentException e) {
            throw Safetensors.fail(file, "training: " + e.getMessage());
        }
    }

    private static long count(String file, Object v, String key, long max) {
        if (v instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0 && b.signum() >= 0
                && b.compareTo(BigDecimal.valueOf(max)) <= 0) {
            return b.longValue();
        }
        throw Safetensors.fail(file, "training " + key + ": expected an integer in 0.." + max + ", found "
                + ModelFormatException.quote(v == null ? "nothing" : Json.write(v)));
    }
}
