package org.scratchnet.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.TrainStep;

/**
 * Per-executor models, reused across steps: a task borrows one (building it from the run's model
 * bytes the first time), loads the broadcast weights into it and gives it back. Tasks running at
 * the same time get different models. A worker holds no state that outlives a task's use of it
 * (weights and optimizer state are loaded at the start of every task), so a retried task on any
 * executor computes the same bits.
 */
final class Workers {
    private static final Map<String, Queue<Worker>> POOLS = new ConcurrentHashMap<>();

    static {
        // each Spark task is one core's worth of work: the engine's own threads would oversubscribe
        Engine.setThreads(1);
    }

    private Workers() {
    }

    /** One model with its training step. */
    static final class Worker {
        final Sequential model;
        final Loss loss;
        final TrainStep step;

        Worker(Sequential model, Loss loss) {
            this.model = model;
            this.loss = loss;
            this.step = new TrainStep(model, loss);
        }
    }

    static Worker borrow(String run, byte[] modelBytes) {
        Worker w = POOLS.computeIfAbsent(run, r -> new ConcurrentLinkedQueue<>()).poll();
        if (w != null) {
            return w;
        }
        SavedModel saved = ModelFile.fromBytes("broadcast model", modelBytes);
        return new Worker(saved.model(), Losses.byName(saved.loss()));
    }

    static void giveBack(String run, Worker w) {
        POOLS.computeIfAbsent(run, r -> new ConcurrentLinkedQueue<>()).add(w);
    }

    /** Drops a finished run's models (called on the driver; executors' pools go with their JVMs). */
    static void forget(String run) {
        POOLS.remove(run);
    }
}
