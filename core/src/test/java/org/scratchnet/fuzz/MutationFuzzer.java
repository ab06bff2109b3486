package org.scratchnet.fuzz;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs seeded mutants of valid files through readers. Each variant is written to one file in a
 * temporary directory (so readers see a real path) and read on a worker thread with a timeout.
 * A variant passes when every reader either returns something its validator accepts, or throws
 * the clean exception type with a one-line message that starts with the path of the variant (or
 * of a companion file the reader put next to it, e.g. the labels for fuzzed images). It fails
 * on any other exception (including {@link OutOfMemoryError}), a timeout, or an allocation above
 * the budget (so a forged size that would allocate gigabytes is caught even on a large heap).
 *
 * <p>Variant {@code i} of seed {@code s} is always the same bytes ({@link #variant}), so a failure
 * report is enough to reproduce it in a regression test.
 */
final class MutationFuzzer {
    /** Loads the file; the result goes to the validator. */
    interface Reader {
        Object read(Path file) throws Exception;
    }

    /** Throws (e.g. an assertion) when a successfully loaded result is not valid; may write files in {@code workDir}. */
    interface Validator {
        void check(Object loaded, Path workDir) throws Exception;
    }

    /** A named reader and what must hold for what it loads. */
    record Check(String name, Reader reader, Validator validator) {
    }

    /** Outcome counts, and the distinct error shapes seen (digits and quoted values masked). */
    record Report(int variants, int loaded, int rejected, Set<String> errorKinds) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() ? t : null;

    private final Path fallbackDir;
    private final String fileName;
    private Path file;
    private final Class<? extends RuntimeException> clean;
    /** How a seed input becomes a variant; the default damages the whole file. */
    interface Strategy {
        byte[] apply(ByteMutator mutator, byte[] seedInput);
    }

    private Strategy strategy = ByteMutator::mutate;
    private Duration timeout = Duration.ofSeconds(2);
    private long allocationBudget = 64L << 20;

    /**
     * Variants are written to {@code fileName} in a fresh directory on /dev/shm when there is one
     * (a disk write per variant was most of the run time), else in {@code dir};
     * {@code clean} is the one exception readers may throw.
     */
    MutationFuzzer(Path dir, String fileName, Class<? extends RuntimeException> clean) {
        this.fallbackDir = dir;
        this.fileName = fileName;
        this.clean = clean;
    }

    MutationFuzzer timeout(Duration perVariant) {
        this.timeout = perVariant;
        return this;
    }

    /** Uses {@code s} to make variants, e.g. to damage only one part of a structured file. */
    MutationFuzzer strategy(Strategy s) {
        this.strategy = s;
        return this;
    }

    /** Most bytes one read of one variant may allocate (the inputs are a few KB). */
    MutationFuzzer allocationBudget(long bytes) {
        this.allocationBudget = bytes;
        return this;
    }

    /** The bytes of variant {@code index}: seed input {@code index % seeds.size()}, mutated. */
    byte[] variant(long seed, int index, List<byte[]> seeds, StringBuilder description) {
        ByteMutator m = new ByteMutator(seed * 0x9E3779B97F4A7C15L + index);
        byte[] b = strategy.apply(m, seeds.get(index % seeds.size()));
        if (description != null) {
            description.append("seed input ").append(index % seeds.size()).append(": ").append(m.lastDescription());
        }
        return b;
    }

    /** Runs {@code variants} mutants; throws an AssertionError listing the first failures. */
    Report run(long seed, int variants, List<byte[]> seeds, Check... checks) throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int loaded = 0;
        int rejected = 0;
        Path shm = Path.of("/dev/shm");
        Path workDir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "scratchnet-fuzz") : Files.createTempDirectory(fallbackDir, "fuzz");
        file = workDir.resolve(fileName);
        ExecutorService worker = newWorker();
        try {
            for (int i = 0; i < variants && failures.size() < 5; i++) {
                StringBuilder what = new StringBuilder();
                byte[] bytes = variant(seed, i, seeds, what);
                Files.write(file, bytes);
                for (Check c : checks) {
                    String where = "variant " + i + " (seed " + seed + ", " + what + ") via " + c.name() + ": ";
                    Future<Throwable> f = worker.submit(() -> attempt(c, workDir));
                    Throwable t;
                    try {
                        t = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker(); // the stuck thread is a daemon; stop here
                        failures.add(where + "no result after " + timeout.toMillis() + " ms; input " + show(bytes));
                        break;
                    } catch (ExecutionException e) {
                        t = e.getCause();
                    }
                    if (t == null) {
                        loaded++;
                    } else if (clean.isInstance(t) && isCleanMessage(t.getMessage())) {
                        rejected++;
                        kinds.add(kind(t.getMessage()));
                    } else {
                        failures.add(where + describe(t) + "; input " + show(bytes));
                    }
                }
            }
        } finally {
            worker.shutdownNow();
            try (var files = Files.list(workDir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(workDir);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failing variant(s):\n" + String.join("\n", failures));
        }
        return new Report(variants, loaded, rejected, kinds);
    }

    /** Reads on the worker thread; returns the exception, or null when the result validated. */
    private Throwable attempt(Check c, Path workDir) {
        long before = allocated();
        Object result;
        try {
            result = c.reader().read(file);
        } catch (Throwable t) {
            return t;
        }
        long used = allocated() - before;
        if (used > allocationBudget) {
            return new AssertionError("read allocated " + used + " bytes, budget " + allocationBudget);
        }
        try {
            c.validator().check(result, workDir);
            return null;
        } catch (Throwable t) {
            return new AssertionError("loaded but invalid: " + t, t);
        }
    }

    /** One line that starts with the path of a file in the work directory (the variant, or a file read with it). */
    private boolean isCleanMessage(String msg) {
        return msg != null && msg.indexOf('\n') < 0 && msg.indexOf('\r') < 0
                && msg.startsWith(file.getParent().toString() + java.io.File.separator);
    }

    private String kind(String msg) {
        return msg.substring(file.getParent().toString().length()).replace("model's", "model")
                .replaceAll("'[^']*'|\\[[^\\]]*\\]|0x[0-9A-Fa-f]+", "_").replaceAll("[0-9]+", "N");
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString().replace("\n", "\\n"));
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(4, st.length); i++) {
            sb.append(" at ").append(st[i]);
        }
        if (t.getCause() != null && t.getCause() != t) {
            sb.append(" caused by ").append(describe(t.getCause()));
        }
        return sb.toString();
    }

    /** The input as escaped text, cut to 300 characters. */
    static String show(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(b.length, 300); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7f && c != '\\' && c != '"' ? String.valueOf((char) c)
                    : String.format("\\x%02x", c));
        }
        return sb.append(b.length > 300 ? "\"... (" + b.length + " bytes)" : "\"").toString();
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code -Dname=value} as a long, or {@code fallback}. */
    static long property(String name, long fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    }
}
