package org.scratchnet.data;

/**
 * Bad input data. The message is always one line that says where (file:line:column, or the
 * column name), what was expected and what was found, e.g.
 * {@code data.csv:7: expected 4 fields, found 3}. Columns are counted from 1 as in editors.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(oneLine(message));
    }

    /** Quotes a value found in the input for a message: control characters escaped, long values cut. */
    static String quote(String found) {
        String s = found.length() > 40 ? found.substring(0, 37) + "..." : found;
        return "'" + oneLine(s) + "'";
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
