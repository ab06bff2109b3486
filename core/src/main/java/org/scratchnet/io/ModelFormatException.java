package org.scratchnet.io;

/**
 * A model file that cannot be read. The message is one line starting with the file name, e.g.
 * {@code model.safetensors: tensor 'dense1.weight' has shape [3, 16], architecture expects [2, 16]}.
 */
public final class ModelFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message.replace("\r", "\\r").replace("\n", "\\n"));
    }

    /** A name or value found in the file, quoted for a message: escaped and cut to 60 characters. */
    static String quote(Object found) {
        String s = String.valueOf(found);
        s = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}
