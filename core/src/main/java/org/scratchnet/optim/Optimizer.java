package org.scratchnet.optim;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

/**
 * Updates parameters from their gradients. Optional global gradient-norm clipping (as
 * PyTorch's {@code clip_grad_norm_}) runs before the update.
 *
 * <p>Per-parameter state (momentum buffers, Adam moments) is keyed by {@link Parameter#name()},
 * not by object, so it carries over to a model rebuilt from a file or copied: an optimizer
 * restored with {@link #loadState} continues exactly where the saved one stopped. Each
 * optimizer is described by {@link #name()} and {@link #config()}, which
 * {@link Optimizers#create} turns back into an equal optimizer.
 */
public abstract class Optimizer {
    protected float learningRate;
    private float clipNorm = 0f;
    private long steps;
    private final SlotStore slots = new SlotStore();

    protected Optimizer(float learningRate) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public float learningRate() {
        return learningRate;
    }

    /**
     * Sets the rate for the following steps (learning-rate schedules call this). Zero is allowed,
     * as a schedule may end there; negative or non-finite rates are not.
     */
    public void setLearningRate(float lr) {
        if (!(lr >= 0) || !Float.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be >= 0 and finite, got " + lr);
        }
        this.learningRate = lr;
    }

    /** Rescales gradients so their global L2 norm is at most {@code maxNorm}; 0 disables. */
    public Optimizer clipGradNorm(float maxNorm) {
        if (!(maxNorm >= 0) || !Float.isFinite(maxNorm)) {
            throw new IllegalArgumentException("clip norm must be >= 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    public float clipNorm() {
        return clipNorm;
    }

    /** One update of every parameter. */
    public final void step(List<Parameter> params) {
        if (clipNorm > 0) {
            clip(params);
        }
        if (!slotNames().isEmpty()) {
            checkDistinctNames(params);
        }
        steps++;
        update(params, steps);
    }

    /** State is keyed by name, so two parameters with one name would silently share a buffer. */
    private static void checkDistinctNames(List<Parameter> params) {
        Set<String> seen = new HashSet<>();
        for (Parameter p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("two parameters are named '" + p.name()
                        + "': optimizer state is kept by parameter name, so names must be unique");
            }
        }
    }

    /** Updates applied so far (PyTorch's per-parameter {@code step}; Adam's bias correction uses it). */
    public long steps() {
        return steps;
    }

    /**
     * One update; {@code step} counts from 1 and already includes this update. Implementations
     * get their per-parameter buffers from {@link #slots(Parameter)}.
     */
    protected abstract void update(List<Parameter> params, long step);

    /** The registry name: {@code "sgd"}, {@code "adam"}, {@code "adamw"} or {@code "rmsprop"}. */
    public abstract String name();

    /**
     * Hyperparameters as JSON-friendly values (Double, Boolean), in a stable order: {@code lr}
     * (the current rate), the optimizer's own keys, then {@code clip_norm} (0 = off).
     * {@code Optimizers.create(name(), config())} builds an optimizer with the same config.
     */
    public final Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lr", json(learningRate));
        putConfig(c);
        c.put("clip_norm", json(clipNorm));
        return c;
    }

    /** Adds this optimizer's own keys to {@code c}, floats through {@link #json(float)}. */
    protected abstract void putConfig(Map<String, Object> c);

    /**
     * The state slots this configuration keeps per parameter, in order, e.g.
     * {@code [exp_avg, exp_avg_sq]}; empty for plain SGD.
     */
    protected abstract List<String> slotNames();

    /** Short description for logs, e.g. {@code sgd(lr=0.5)}. */
    public abstract String describe();

    /**
     * The state tensors, keyed {@code "<parameter name>/<slot>"} (e.g. {@code "dense1.weight/exp_avg"}),
     * each shaped like its parameter, in the order parameters were first updated. These are
     * copies: training on does not change them, and changing them does not touch the optimizer.
     */
    public final Map<String, Tensor> state() {
        return slots.snapshot(slotNames());
    }

    /**
     * Replaces all state with copies of {@code state} (keys as {@link #state()} gives them) and
     * sets {@link #steps()}. Checks everything before changing anything; a one-line
     * IllegalArgumentException names the key for a slot this configuration does not keep, a
     * parameter missing one of its slots, or slots of one parameter with different shapes.
     * Sizes against the parameters are checked at the first step (or use the overload taking them).
     */
    public final void loadState(Map<String, Tensor> state, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("optimizer steps must be >= 0, got " + steps);
        }
        Map<String, SlotStore.Entry> parsed = SlotStore.parse(name(), state, slotNames());
        slots.replace(parsed);
        this.steps = steps;
    }

    /**
     * As {@link #loadState(Map, long)}, and also checks now that every state key names one of
     * {@code params} with the parameter's size, so a mismatched model fails before training.
     */
    public final void loadState(Map<String, Tensor> state, long steps, List<Parameter> params) {
        Map<String, SlotStore.Entry> parsed = SlotStore.parse(name(), state, slotNames());
        SlotStore.checkAgainst(parsed, params, slotNames());
        loadState(state, steps);
    }

    /**
     * The buffers of {@code p}, one per {@link #slotNames()} entry, each {@code p}'s size;
     * created as zeros on first use. A restored buffer whose size differs from the parameter's
     * gives a one-line IllegalArgumentException naming the key and both shapes.
     */
    protected final float[][] slots(Parameter p) {
        return slots.get(p, slotNames());
    }

    /** A float hyperparameter as the Double a JSON writer prints shortest, e.g. 0.1f → 0.1, not 0.10000000149011612. */
    protected static Double json(float f) {
        double d = Double.parseDouble(Float.toString(f));
        return (float) d == f ? d : (double) f;
    }

    private void clip(List<Parameter> params) {
        double sq = 0;
        for (Parameter p : params) {
            for (float g : p.grad().data()) {
                sq += (double) g * g;
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > clipNorm) {
            float scale = (float) (clipNorm / (norm + 1e-6));
            for (Parameter p : params) {
                p.grad().scaleInPlace(scale);
            }
        }
    }

    static String shape(int[] shape) {
        return Arrays.toString(shape);
    }
}
