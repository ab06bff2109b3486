package org.scratchnet.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Adapts a PrintWriter to the PrintStream that core listeners print to, a whole line at a time;
 * {@code beforeLine} runs before each line is written (the progress bar clears itself there).
 */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    private final Runnable beforeLine;

    WriterOutputStream(PrintWriter writer) {
        this(writer, () -> { });
    }

    WriterOutputStream(PrintWriter writer, Runnable beforeLine) {
        this.writer = writer;
        this.beforeLine = beforeLine;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        if (pending.size() > 0) {
            beforeLine.run();
            writer.print(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
        writer.flush();
    }
}
