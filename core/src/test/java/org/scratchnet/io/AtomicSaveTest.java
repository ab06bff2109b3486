package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that fails at any point leaves the previous file byte-for-byte intact and no temporary file. */
class AtomicSaveTest {
    /** Passes the first {@code limit} bytes through, then fails like a full disk. */
    static final class FailAfter extends OutputStream {
        private final OutputStream out;
        private long left;

        FailAfter(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n); // the partial write reaches the temporary file
            left -= n;
            if (n < len) {
                throw new IOException("No space left on device (simulated)");
            }
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failureMidWriteKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, ModelFileTest.sample());
        byte[] before = Files.readAllBytes(file);
        SavedModel other = new SavedModel(org.scratchnet.model.Sequential.builder(2).dense(1).build(3), "mse", null,
                List.of(), List.of(), org.scratchnet.data.Task.REGRESSION);
        int size = ModelFile.encode(other).length;
        for (long k : new long[] {0, 1, 8, 100, size / 2, size - 1}) {
            assertThatThrownBy(() -> ModelFile.save(file, other, out -> new FailAfter(out, k)))
                    .isInstanceOf(IOException.class)
                    .hasMessage(file + ": cannot write (IOException: No space left on device (simulated))");
            assertThat(Files.readAllBytes(file)).as("after failing at byte %d", k).isEqualTo(before);
            assertThat(names(dir)).containsExactly("m.safetensors");
        }
        // the same stream wrapper with room for everything succeeds, so the failures above were mid-write
        ModelFile.save(file, other, out -> new FailAfter(out, Long.MAX_VALUE));
        assertThat(ModelFile.load(file).model().inputWidth()).isEqualTo(2);
        assertThat(names(dir)).containsExactly("m.safetensors");
    }

    @Test
    void failedFirstSaveCreatesNoFile(@TempDir Path dir) {
        Path file = dir.resolve("new.safetensors");
        assertThatThrownBy(() -> ModelFile.save(file, ModelFileTest.sample(), out -> new FailAfter(out, 50)))
                .isInstanceOf(IOException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void unwritableTargetsGiveOneLineNamingThePath(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no/such/dir/m.safetensors");
        assertThatThrownBy(() -> ModelFile.save(missing, ModelFileTest.sample())).isInstanceOf(IOException.class)
                .hasMessage(missing + ": cannot write (directory " + missing.getParent() + " does not exist)");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path under = plain.resolve("m.safetensors");
        assertThatThrownBy(() -> ModelFile.save(under, ModelFileTest.sample())).isInstanceOf(IOException.class)
                .hasMessage(under + ": cannot write (" + plain + " is not a directory)");
        Path blocked = Files.createDirectories(dir.resolve("blocked/inside")).getParent();
        assertThatThrownBy(() -> ModelFile.save(blocked, ModelFileTest.sample())).isInstanceOf(IOException.class)
                .hasMessage(blocked + ": cannot write (it is a directory)");
        assertThat(names(dir)).containsExactly("blocked", "plain.txt");
        assertThat(Files.readString(plain)).isEqualTo("x");
    }

    @Test
    void loadErrorsNameThePath(@TempDir Path dir) {
        Path missing = dir.resolve("gone.safetensors");
        assertThatThrownBy(() -> ModelFile.load(missing)).isInstanceOf(ModelFormatException.class)
                .hasMessage(missing + ": expected a model file, found none");
        assertThatThrownBy(() -> ModelFile.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(dir + ": ").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
