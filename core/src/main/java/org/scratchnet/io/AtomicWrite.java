package org.scratchnet.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * All-or-nothing file writes, the one implementation behind model files, metrics, predictions
 * and plots: the content goes to a temporary file in the target's directory (same file system,
 * so the rename is atomic), is forced to disk, then renamed over the target. On any failure the
 * previous file is left as it was, the temporary file is removed, and the original exception is
 * thrown (a failed clean-up is attached as suppressed).
 */
public final class AtomicWrite {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        // CREATE_NEW (not createTempFile, which makes the file owner-only): the result gets the
        // permissions any new file gets, and an existing file of that name is never clobbered
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true); // the rename must not become visible before the data is on disk
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }
}
