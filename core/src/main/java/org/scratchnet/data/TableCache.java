package org.scratchnet.data;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The binary cache of parsed CSV files ({@link LoadOptions#cache}): {@code NAME.sncache} in the
 * cache directory holds a file's parsed columns as they are in memory (little-endian ints), so a
 * second run maps it and uses the mapped columns as the table's cells: nothing is parsed, copied or
 * checked cell by cell; the operating system reads the pages (from its page cache on a second run)
 * as the cells are used, typically once, when they are encoded into the float matrix.
 *
 * <p>Layout: the magic {@code SNCSV001}; an int length and that many bytes of description (the
 * CSV's absolute path, size, modification time, a hash of its first line and separator, the
 * column modes, the row limit, the row count and every column's dictionary); a CRC32 of the
 * description; then, 8-byte aligned, the line numbers and each kept column's cells (and label
 * codes) as int arrays of the row count. A cache whose key differs from the CSV's is stale and is
 * rebuilt; one that cannot be read back (cut short, bad magic or checksum) is rebuilt too, with a
 * note. The new cache is written to a temporary file and moved into place, so a failed run never
 * leaves half a cache.
 */
final class TableCache {
    private static final byte[] MAGIC = "SNCSV001".getBytes(StandardCharsets.US_ASCII);

    private TableCache() {
    }

    /** Parses {@code src}, through the cache when {@code load} names a directory and the source is a file. */
    static CsvTable parse(CsvSource src, byte[] modes, LoadOptions load, Consumer<String> notes) {
        if (load.cacheDir == null || src.file == null) {
            return CsvLoad.parse(src, modes, load);
        }
        Path cache = file(load.cacheDir, src.file);
        byte[] key = key(src, modes, load.maxRows);
        if (Files.exists(cache)) {
            try {
                CsvTable t = read(cache, src, modes, key);
                if (t != null) {
                    if (load.progress != null) {
                        load.progress.update(src.size, src.size, t.rows);
                        load.progress.done();
                    }
                    return t;
                }
                notes.accept("cache " + cache + " is stale (the CSV file or the columns read changed): rebuilding it");
            } catch (RuntimeException | IOException e) {
                notes.accept("cache " + cache + " is damaged (" + reason(e) + "): rebuilding it");
            }
        }
        CsvTable t = CsvLoad.parse(src, modes, load);
        write(cache, t, key);
        notes.accept("cached the parsed table in " + cache);
        return t;
    }

    /** Where the cache of {@code csv} lives in {@code dir}. */
    static Path file(Path dir, Path csv) {
        return dir.resolve(csv.getFileName().toString() + ".sncache");
    }

    private static String reason(Exception e) {
        if (e instanceof BufferUnderflowException || e instanceof IndexOutOfBoundsException) {
            return "cut short";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What must match for a cache to stand for the CSV: path, size, mtime, first line, modes, row limit. */
    private static byte[] key(CsvSource src, byte[] modes, int maxRows) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(src.file.toAbsolutePath().normalize().toString());
            out.writeLong(src.size);
            out.writeLong(src.modified);
            out.writeByte(src.sep);
            out.writeInt(src.columns);
            out.writeInt(src.header == null ? 0 : String.join("\u0000", src.header).hashCode());
            out.write(modes);
            out.writeInt(maxRows);
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    private static CsvTable read(Path cache, CsvSource src, byte[] modes, byte[] key) throws IOException {
        try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()); // stays valid after close
            ByteBuffer b = m.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a scratchnet cache");
            }
            int descLength = b.getInt();
            if (descLength < 0 || descLength > b.remaining()) {
                throw new IOException("cut short");
            }
            byte[] desc = new byte[descLength];
            b.get(desc);
            CRC32 crc = new CRC32();
            crc.update(desc);
            if (b.getInt() != (int) crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
            ByteBuffer d = ByteBuffer.wrap(desc).order(ByteOrder.LITTLE_ENDIAN);
            byte[] storedKey = new byte[d.getInt()];
            d.get(storedKey);
            if (!Arrays.equals(storedKey, key)) {
                return null;
            }
            int rows = d.getInt();
            int columns = src.columns;
            String[][] dicts = new String[columns][];
            String[][] labelDicts = new String[columns][];
            for (int j = 0; j < columns; j++) {
                dicts[j] = modes[j] == ChunkParser.SKIP ? null : strings(d);
                labelDicts[j] = d.get() == 1 ? strings(d) : null;
            }
            b.position((b.position() + 7) & ~7);
            long need = b.position() + 4L * rows * (1 + count(modes) + count(labelDicts));
            if (need != ch.size()) {
                throw new IOException("cut short");
            }
            IntBuffer lines = ints(b, rows);
            IntBuffer[] cells = new IntBuffer[columns];
            IntBuffer[] labelCodes = new IntBuffer[columns];
            for (int j = 0; j < columns; j++) {
                cells[j] = modes[j] == ChunkParser.SKIP ? null : ints(b, rows);
                labelCodes[j] = labelDicts[j] == null ? null : ints(b, rows);
            }
            return new CsvTable(src, modes, rows, lines, cells, dicts, labelCodes, labelDicts);
        }
    }

    private static int count(byte[] modes) {
        int n = 0;
        for (byte m : modes) {
            n += m == ChunkParser.SKIP ? 0 : 1;
        }
        return n;
    }

    private static int count(String[][] a) {
        int n = 0;
        for (String[] s : a) {
            n += s == null ? 0 : 1;
        }
        return n;
    }

    /**
     * The next {@code n} ints of the mapped file, as a read-only view: nothing is copied, and the
     * pages are read from the page cache when a cell is first used.
     */
    private static IntBuffer ints(ByteBuffer b, int n) {
        IntBuffer view = b.slice(b.position(), 4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        b.position(b.position() + 4 * n);
        return view;
    }

    private static void write(Path cache, CsvTable t, byte[] key) {
        Path dir = cache.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, cache.getFileName().toString(), ".tmp");
            ByteBuffer desc = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            desc = put(desc, key.length);
            desc = ensure(desc, key.length);
            desc.put(key);
            desc = put(desc, t.rows);
            for (int j = 0; j < t.columns(); j++) {
                if (t.cells[j] != null) {
                    desc = putStrings(desc, t.dicts[j]);
                }
                desc = ensure(desc, 1);
                desc.put((byte) (t.labelDicts[j] != null ? 1 : 0));
                if (t.labelDicts[j] != null) {
                    desc = putStrings(desc, t.labelDicts[j]);
                }
            }
            desc.flip();
            CRC32 crc = new CRC32();
            crc.update(desc.duplicate());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC).putInt(desc.remaining()).flip();
                writeAll(ch, head);
                int descLength = desc.remaining();
                writeAll(ch, desc);
                ByteBuffer tail = ByteBuffer.allocate(4 + 8).order(ByteOrder.LITTLE_ENDIAN);
                tail.putInt((int) crc.getValue());
                long pos = MAGIC.length + 4L + descLength + 4;
                tail.position(tail.position() + (int) (((pos + 7) & ~7L) - pos)).flip();
                writeAll(ch, tail);
                ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                writeInts(ch, block, t.lines, t.rows);
                for (int j = 0; j < t.columns(); j++) {
                    if (t.cells[j] != null) {
                        writeInts(ch, block, t.cells[j], t.rows);
                    }
                    if (t.labelCodes[j] != null) {
                        writeInts(ch, block, t.labelCodes[j], t.rows);
                    }
                }
            }
            try {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the message below is what the user needs
            }
            throw new DataFormatException(dir + ": cannot write the CSV cache here (" + (e instanceof NoSuchFileException
                    ? "no such directory" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): choose another directory with --cache DIR, or leave --cache out");
        }
    }

    private static void writeInts(FileChannel ch, ByteBuffer block, IntBuffer v, int n) throws IOException {
        int[] part = new int[block.capacity() / 4];
        for (int from = 0; from < n; ) {
            block.clear();
            int k = Math.min(n - from, part.length);
            v.get(from, part, 0, k);
            block.asIntBuffer().put(part, 0, k);
            block.limit(4 * k);
            writeAll(ch, block);
            from += k;
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static ByteBuffer ensure(ByteBuffer b, int more) {
        if (b.remaining() >= more) {
            return b;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + more)).order(ByteOrder.LITTLE_ENDIAN);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    private static ByteBuffer put(ByteBuffer b, int v) {
        b = ensure(b, 4);
        b.putInt(v);
        return b;
    }

    private static ByteBuffer putStrings(ByteBuffer b, String[] s) {
        b = put(b, s.length);
        for (String v : s) {
            byte[] u = v.getBytes(StandardCharsets.UTF_8);
            b = put(b, u.length);
            b = ensure(b, u.length);
            b.put(u);
        }
        return b;
    }

    private static String[] strings(ByteBuffer d) {
        int n = d.getInt();
        if (n < 0 || n > d.remaining()) {
            throw new BufferUnderflowException();
        }
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            int len = d.getInt();
            if (len < 0 || len > d.remaining()) {
                throw new BufferUnderflowException();
            }
            out[k] = new String(d.array(), d.position(), len, StandardCharsets.UTF_8);
            d.position(d.position() + len);
        }
        return out;
    }
}
