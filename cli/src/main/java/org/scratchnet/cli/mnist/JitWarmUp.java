package org.scratchnet.cli.mnist;

import java.util.function.Supplier;
import org.scratchnet.cli.Jit;
import org.scratchnet.data.Dataset;
import org.scratchnet.train.TrainingListener;

/**
 * The warm-up before timed epochs: a throwaway model trains in short chunks until the JIT has
 * gone quiet. HotSpot compiles a method after it has run often enough, with the branches and
 * shapes it saw by then; a kernel compiled from other shapes is thrown away when the first
 * unseen one arrives (a short last batch, say) and runs slowly until it is compiled again. Chunks
 * of the real training on the real shapes, short last batch included, get all of that done
 * before the clock starts. The timed run's model, shuffles and results do not depend on it.
 */
final class JitWarmUp {
    /** Training steps per chunk (plus one short batch at the end of each, when the data has enough rows). */
    static final int CHUNK_STEPS = 50;
    /** Most chunks to run when the JIT never goes quiet (2,000 steps). */
    static final int MAX_CHUNKS = 40;
    /** Chunks to run when the JVM does not report compilation time. */
    static final int BLIND_CHUNKS = 8;

    private JitWarmUp() {
    }

    /** The rows of one chunk: {@link #CHUNK_STEPS} batches and a half, or all of a smaller set. */
    static int chunkRows(int size) {
        return Math.min(size, CHUNK_STEPS * MnistRun.BATCH + MnistRun.BATCH / 2);
    }

    // batches in one epoch over a chunk's rows, the short last one included
    private static int batchesPerEpoch(int size) {
        return (chunkRows(size) + MnistRun.BATCH - 1) / MnistRun.BATCH;
    }

    /** Epochs over a chunk's rows: one, or as many as a smaller set needs to make a chunk's steps. */
    static int chunkEpochs(int size) {
        int perEpoch = batchesPerEpoch(size);
        return (CHUNK_STEPS + perEpoch) / perEpoch; // ceil((CHUNK_STEPS + 1) / perEpoch)
    }

    /** Training steps in one chunk. */
    static int chunkSteps(int size) {
        return chunkEpochs(size) * batchesPerEpoch(size);
    }

    /**
     * Trains throwaway copies of the benchmark's network on slices of {@code train} until the JIT
     * is quiet: a new model and a new {@code listener} each chunk, as the timed run starts with a
     * new model and its own listener. Code compiled while one model trained for a long time has
     * never seen a first step (buffers still to allocate), and would be thrown away and compiled
     * again at the timed run's first step.
     */
    static Jit.Result training(Dataset train, long seed, Supplier<TrainingListener> listener) {
        int rows = chunkRows(train.size()), epochs = chunkEpochs(train.size());
        return Jit.untilQuiet(i -> {
            int from = sliceStart(i, rows, train.size());
            MnistRun.trainer(MnistRun.model(seed + 1 + i), epochs, seed + 1 + i).listener(listener.get()).build()
                    .fit(train.slice(from, from + rows));
        }, MAX_CHUNKS, BLIND_CHUNKS);
    }

    /** Where chunk i's rows start: a different slice each time, as an epoch gathers rows from the whole set. */
    static int sliceStart(int chunk, int rows, int size) {
        return size <= rows ? 0 : (int) ((long) chunk * rows % (size - rows + 1));
    }

}
