package org.scratchnet.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct text values of one column in one chunk, numbered 0, 1, … in order of first
 * appearance. Looked up straight from the file's bytes (open addressing on a byte hash), so a
 * repeated value costs no allocation: a text column of a million rows holds one int per row and
 * one copy of each distinct value.
 */
final class ByteDictionary {
    private byte[] pool = new byte[256];
    private int poolSize;
    private int[] start = new int[16];  // entry k's bytes are pool[start[k], start[k + 1])
    private int[] hashes = new int[16];
    private int size;
    private int[] slots = new int[32];  // entry index + 1, 0 = empty
    private final int limit;

    /** A dictionary holding at most {@code limit} entries ({@link #code} returns -1 past that). */
    ByteDictionary(int limit) {
        this.limit = limit;
    }

    int size() {
        return size;
    }

    /** The code of {@code b[from, to)}, added when new; -1 when the dictionary is full. */
    int code(byte[] b, int from, int to) {
        int h = 1; // the low bits index the table: the 31-polynomial's low bits depend on every byte
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                break;
            }
            if (hashes[e] == h && Arrays.equals(pool, start[e], start[e] + length(e), b, from, to)) {
                return e;
            }
        }
        if (size >= limit) {
            return -1;
        }
        return add(b, from, to, h);
    }

    private int length(int e) {
        return (e + 1 < size ? start[e + 1] : poolSize) - start[e];
    }

    private int add(byte[] b, int from, int to, int h) {
        int n = to - from;
        if (poolSize + n > pool.length) {
            pool = Arrays.copyOf(pool, 2 * (poolSize + n)); // at least doubles: amortized O(1) per byte
        }
        System.arraycopy(b, from, pool, poolSize, n);
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        start[size] = poolSize;
        hashes[size] = h;
        poolSize += n;
        int e = size++;
        if (size * 2 > slots.length) {
            rehash();
        } else {
            insert(e);
        }
        return e;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int e = 0; e < size; e++) {
            insert(e);
        }
    }

    private void insert(int e) {
        int mask = slots.length - 1;
        int s = hashes[e] & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = e + 1;
    }

    /**
     * The entries as strings, decoded as UTF-8.
     *
     * @throws DataFormatException naming {@code source} when an entry is not valid UTF-8
     */
    String[] strings(String source) {
        String[] out = new String[size];
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int e = 0; e < size; e++) {
            try {
                out[e] = decoder.decode(ByteBuffer.wrap(pool, start[e], length(e))).toString();
            } catch (CharacterCodingException ex) {
                throw new DataFormatException(source + ": expected UTF-8 text, found invalid byte sequences");
            }
        }
        return out;
    }
}
