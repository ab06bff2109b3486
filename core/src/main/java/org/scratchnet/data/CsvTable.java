package org.scratchnet.data;

import java.util.List;

/**
 * A parsed CSV file: its source name (for messages), the header (null when the file has none)
 * and the data rows with the line number each row starts on.
 */
record CsvTable(String source, List<String> header, List<Row> rows) {
    /** One record: its fields and the 1-based physical line it starts on. */
    record Row(int line, List<String> fields) {
    }

    int columns() {
        return header != null ? header.size() : rows.get(0).fields().size();
    }

    String where(Row row, int column) {
        return source + ":" + row.line() + ":" + (column + 1);
    }
}
