package org.scratchnet.data;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses the body of a {@link CsvSource} on several threads: the file is cut into ranges of
 * about 1 MiB at line breaks (many more than threads, so that all stay busy to the end), each range
 * is parsed by a {@link ChunkParser} into its own columns, and the ranges are joined in file order
 * as they finish by a {@link TableBuilder} (text codes renumbered into one dictionary per column,
 * line numbers shifted by the lines before each range); a joined range's arrays then parse a later
 * range. At most threads + 1 ranges are in memory at once besides the table.
 *
 * <p>A line break inside a quoted field cannot be told from a record end without reading from the
 * start, so a file in which any range holds a double quote is parsed again as one range.
 */
final class CsvLoad {
    private CsvLoad() {
    }

    /** Parses every row (up to {@code o.maxRows}) keeping the columns as {@code modes} say. */
    static CsvTable parse(CsvSource src, byte[] modes, LoadOptions o) {
        long body = src.size - src.start;
        int threads = body < 2L * o.rangeBytes ? 1 : Math.max(1, o.threads);
        try {
            CsvTable t = threads == 1 ? null : parallel(src, modes, o, threads);
            if (t == null) { // one range, or quotes seen: one range from the start
                t = CsvTable.join(src, modes, List.of(single(src, modes, o)), o.maxRows);
            }
            return t;
        } finally {
            if (o.progress != null) {
                o.progress.done();
            }
        }
    }

    /**
     * Once a large table has been encoded its cells (about 4 bytes each) are garbage as large as the
     * float matrix; a collector that only grows the heap until it must collect would keep those
     * pages resident. One full collection then (tens of ms) keeps the process near the data's size.
     */
    static void collectIfLarge(long rows, int columns) {
        if (rows * columns >= 4_000_000L) {
            System.gc();
        }
    }

    private static ChunkParser.Chunk single(CsvSource src, byte[] modes, LoadOptions o) {
        long body = src.size - src.start;
        if (body > Integer.MAX_VALUE - 16) {
            throw new DataFormatException(src.source + ": files over 2 GiB with quoted fields are not supported;"
                    + " remove the quotes or split the file");
        }
        byte[] b = src.bytes(src.start, (int) body);
        ChunkParser.Chunk c = new ChunkParser(b, src.columns, src.sep, modes).parse(0, b.length, src.header != null,
                o.maxRows, expectedRows(b.length, src));
        if (o.progress != null) {
            o.progress.update(src.size, src.size, c.rows);
        }
        return c;
    }

    /**
     * The table, its ranges parsed on {@code threads} threads and joined in file order as they
     * finish (each range's arrays then parse a later range); null when a quote was seen (the
     * caller parses again as one range).
     */
    private static CsvTable parallel(CsvSource src, byte[] modes, LoadOptions o, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "csv-parse");
            t.setDaemon(true);
            return t;
        });
        Deque<byte[]> buffers = new ArrayDeque<>();
        Deque<ChunkParser.Chunk> spare = new ArrayDeque<>(); // joined chunks whose arrays are free again
        Deque<Future<ChunkParser.Chunk>> running = new ArrayDeque<>();
        Deque<Long> ends = new ArrayDeque<>(); // where each running range ends, for progress
        TableBuilder table = new TableBuilder(src, modes, o.maxRows, expectedRows(src.size - src.start, src), 0);
        long pos = src.start;
        try {
            while (pos < src.size || !running.isEmpty()) {
                while (pos < src.size && running.size() <= threads && table.wantsMore()) {
                    byte[] buf;
                    synchronized (buffers) {
                        buf = buffers.isEmpty() ? new byte[o.rangeBytes + 65536] : buffers.pop();
                    }
                    int len = (int) Math.min(o.rangeBytes, src.size - pos);
                    if (buf.length < len) {
                        buf = new byte[len];
                    }
                    src.read(pos, buf, 0, len);
                    int end = len;
                    if (pos + len < src.size) {
                        end = CsvSource.lastLineBreak(buf, len);
                        if (end == 0) { // a line longer than a range
                            buf = growToLineEnd(src, pos, buf);
                            end = CsvSource.lastLineBreak(buf, buf.length);
                            if (end == 0) { // the file's last line
                                end = buf.length;
                            }
                        }
                    }
                    boolean first = pos == src.start;
                    byte[] chunkBytes = buf;
                    int chunkEnd = end;
                    ChunkParser.Chunk reuse = spare.poll();
                    running.add(pool.submit(() -> {
                        try {
                            return new ChunkParser(chunkBytes, src.columns, src.sep, modes).parse(0, chunkEnd,
                                    first && src.header != null, o.maxRows, expectedRows(chunkEnd, src), reuse);
                        } finally {
                            synchronized (buffers) {
                                if (chunkBytes.length == o.rangeBytes + 65536) {
                                    buffers.push(chunkBytes);
                                }
                            }
                        }
                    }));
                    pos += end;
                    ends.add(pos);
                }
                if (running.isEmpty()) {
                    break;
                }
                ChunkParser.Chunk c = running.poll().get();
                long parsedTo = ends.poll();
                if (c.sawQuote) {
                    return null;
                }
                table.append(c); // throws the first error in file order; later ranges do not matter
                spare.add(c);
                if (!table.wantsMore()) {
                    break;
                }
                if (o.progress != null) {
                    o.progress.update(parsedTo, src.size, table.rows());
                }
            }
            return table.build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFormatException(src.source + ": reading was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bytes from {@code pos} on, read in ever larger pieces until they hold a line break or the file's end. */
    private static byte[] growToLineEnd(CsvSource src, long pos, byte[] buf) {
        int len = buf.length;
        while (true) {
            len = (int) Math.min((long) len * 2, Math.min(src.size - pos, Integer.MAX_VALUE - 16));
            byte[] b = src.bytes(pos, len);
            if (CsvSource.lastLineBreak(b, b.length) > 0 || pos + len >= src.size) {
                return b;
            }
            if (len == Integer.MAX_VALUE - 16) {
                throw new DataFormatException(src.source + ": a line longer than 2 GiB");
            }
        }
    }

    /** A guess of the rows in {@code bytes}, from the average line length of the prefix (10% over). */
    static int expectedRows(long bytes, CsvSource src) {
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) (bytes / Math.max(1.0, src.bytesPerLine) * 1.1) + 16);
    }
}
