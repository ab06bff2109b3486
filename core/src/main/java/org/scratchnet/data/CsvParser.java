package org.scratchnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CSV rules, and the reference splitter for a file's first 64 KiB (where the separator and
 * the header are detected; {@link ChunkParser} reads the body by the same rules). Splits CSV text into rows (RFC 4180 quoting: a quoted field may hold separators, line breaks
 * and doubled quotes {@code ""}). Handles a UTF-8 byte-order mark, CRLF and blank lines (skipped).
 *
 * <p>Separator: tab, semicolon or comma, detected from the first 20 records — the first of
 * those (in that order) that splits every sampled record into the same number (&gt; 1) of fields;
 * if none does, the one giving the first record the most fields. Decimal commas are not supported.
 *
 * <p>Header: the first record is a header when none of its fields is a number, or when some
 * column holds a non-number in the first record and a number in the second.
 */
final class CsvParser {
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final char[] SEPARATORS = {'\t', ';', ','};

    private CsvParser() {
    }

    /** True for a plain decimal number; also for NaN/Inf spellings so they are reported as non-finite. */
    static boolean isNumberLike(String s) {
        return isNumber(s) || NON_FINITE.matcher(s).matches();
    }

    /**
     * True for a plain decimal number: [+-] digits [. digits] [e [+-] digits], with at least one
     * digit before or after the point. Hand-written because it runs once per field (a regex was
     * most of the load time on large files).
     */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int digits = i - start;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int frac = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            digits += i - frac;
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == exp) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean looksLikeHeader(List<CsvTable.Row> rows) {
        List<String> first = rows.get(0).fields();
        boolean anyNumber = first.stream().anyMatch(CsvParser::isNumberLike);
        if (!anyNumber) {
            return true;
        }
        if (rows.size() < 2) {
            return false;
        }
        List<String> second = rows.get(1).fields();
        for (int j = 0; j < Math.min(first.size(), second.size()); j++) {
            if (!isNumberLike(first.get(j)) && isNumberLike(second.get(j))) {
                return true;
            }
        }
        return false;
    }

    static char detectSeparator(String source, String text) {
        String sample = text.length() > 65536 ? text.substring(0, 65536) : text;
        char best = ',';
        int bestFirst = 1;
        for (char sep : SEPARATORS) {
            List<CsvTable.Row> rows;
            try {
                rows = split(source, sample, sep);
            } catch (DataFormatException e) {
                continue; // a sample cut inside a quoted field; the full parse reports real errors
            }
            if (rows.isEmpty()) {
                return ',';
            }
            int n = rows.get(0).fields().size();
            boolean consistent = n > 1;
            for (int i = 1; i < Math.min(rows.size(), 20) && consistent; i++) {
                consistent = rows.get(i).fields().size() == n;
            }
            if (consistent) {
                return sep;
            }
            if (n > bestFirst) {
                best = sep;
                bestFirst = n;
            }
        }
        return best;
    }

    /** The records of {@code text}; blank lines are skipped, fields outside quotes are trimmed. */
    static List<CsvTable.Row> split(String source, String text, char sep) {
        List<CsvTable.Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false; // the current field was quoted (its content is kept verbatim)
        boolean blank = true;   // nothing but whitespace seen on this record so far
        int i = 0;
        int n = text.length();
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '"' && field.toString().isBlank() && !quoted) {
                int quoteLine = line;
                field.setLength(0);
                i++;
                while (true) {
                    if (i >= n) {
                        throw new DataFormatException(source + ":" + quoteLine + ":" + (fields.size() + 1)
                                + ": expected a closing quote, found the end of the file");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                quoted = true;
                blank = false;
                // only whitespace may follow the closing quote before the separator or line end
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\r') && !isLineEnd(text, i)) {
                    i++;
                }
                if (i < n && text.charAt(i) != sep && !isLineEnd(text, i)) {
                    throw new DataFormatException(source + ":" + line + ":" + (fields.size() + 1)
                            + ": expected a separator after the closing quote, found "
                            + DataFormatException.quote(String.valueOf(text.charAt(i))));
                }
                continue;
            }
            if (c == sep) {
                fields.add(quoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                quoted = false;
                blank = false;
                i++;
                continue;
            }
            if (c == '\n' || (c == '\r' && isLineEnd(text, i))) {
                if (!blank || !field.toString().isBlank()) {
                    fields.add(quoted ? field.toString() : field.toString().trim());
                    rows.add(new CsvTable.Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                quoted = false;
                blank = true;
                i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                line++;
                rowLine = line;
                continue;
            }
            field.append(c);
            i++;
        }
        return rows;
    }

    private static boolean isLineEnd(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) == '\n'));
    }
}
