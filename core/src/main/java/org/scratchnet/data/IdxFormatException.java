package org.scratchnet.data;

/**
 * A malformed IDX file. The one-line message names the file, the byte offset and field, and
 * what was expected and found, e.g.
 * {@code train-images-idx3-ubyte: byte 0 (magic): expected 0x00000803, found 0x00000801}.
 */
public final class IdxFormatException extends DataFormatException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(String file, long offset, String field, String expected, String found) {
        super(file + ": byte " + offset + " (" + field + "): expected " + expected + ", found " + found);
    }

    public IdxFormatException(String file, String message) {
        super(file + ": " + message);
    }
}
