package org.scratchnet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.scratchnet.io.AtomicWrite;

/**
 * The CLI's all-or-nothing writes ({@code --output}, {@code --metrics-out}): core's
 * {@link AtomicWrite} (temporary file, forced to disk, renamed over the target; the previous
 * file is left as it was on failure), plus the one-line user error the commands report.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path file, AtomicWrite.Content content) throws IOException {
        AtomicWrite.write(file, content);
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** As {@link #write}, turning an I/O failure into a one-line user error (exit 1) naming the file. */
    public static void writeOrFail(Path file, AtomicWrite.Content content) {
        try {
            write(file, content);
        } catch (IOException e) {
            throw new Errors.UserException("cannot write " + file + ": " + Errors.describe(e), 1);
        }
    }
}
