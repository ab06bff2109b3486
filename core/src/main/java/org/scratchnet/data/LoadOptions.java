package org.scratchnet.data;

import java.nio.file.Path;

/**
 * How a CSV file is read, whatever its columns mean: how many rows at most, on how many threads,
 * who hears about progress, and where a binary cache of the parsed file may live. Defaults: every
 * row, all cores, no progress, no cache.
 */
public final class LoadOptions {
    /** Told about progress while a file is parsed (called from the loading thread). */
    public interface Progress {
        /**
         * @param bytesDone  bytes of the file parsed so far
         * @param bytesTotal the file's size
         * @param rows       data rows parsed so far
         */
        void update(long bytesDone, long bytesTotal, long rows);

        /** The load has finished (successfully or not). */
        default void done() {
        }
    }

    int maxRows = Integer.MAX_VALUE;
    int threads = Runtime.getRuntime().availableProcessors();
    Progress progress;
    Path cacheDir;
    /** Bytes per parsed range (tests make it small to cut small files into many ranges). */
    int rangeBytes = 1 << 20;

    /** The default options (shared; do not change them). */
    public static LoadOptions defaults() {
        return new LoadOptions();
    }

    /** Read at most this many data rows (the first ones); must be at least 1. */
    public LoadOptions maxRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + rows);
        }
        this.maxRows = rows;
        return this;
    }

    /** Parse on this many threads (at least 1). */
    public LoadOptions threads(int n) {
        this.threads = Math.max(1, n);
        return this;
    }

    public LoadOptions progress(Progress p) {
        this.progress = p;
        return this;
    }

    /**
     * Keep a binary copy of each parsed file in {@code dir} and read it instead of the CSV while
     * the file is unchanged (same path, size, modification time and header); null = no cache.
     */
    public LoadOptions cache(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    public int maxRows() {
        return maxRows;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The cache file that stands for {@code csv} (null without a cache directory). */
    public Path cacheFile(Path csv) {
        return cacheDir == null ? null : TableCache.file(cacheDir, csv);
    }
}
