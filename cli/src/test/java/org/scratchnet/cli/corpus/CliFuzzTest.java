package org.scratchnet.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.Main;
import org.scratchnet.init.Rng;

/**
 * Damaged files through the whole command (not just the loader): whatever the damage, train and
 * predict either succeed, or print one {@code error:} line naming a file, exit 1, and write
 * nothing. The core fuzzers cover the readers in depth; this catches exceptions from the later
 * stages (splitting, standardizing, training) that would reach the user unexplained.
 */
class CliFuzzTest {
    /** Seeded damage: flip a bit, truncate, insert or delete a few bytes, or put a huge number in. */
    static byte[] mutate(byte[] in, Rng rng) {
        byte[] b = in.clone();
        for (int step = 0, n = 1 + rng.nextInt(3); step < n && b.length > 0; step++) {
            int at = rng.nextInt(b.length);
            switch (rng.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> b = splice(b, at, at, new byte[] {(byte) rng.nextInt(256), (byte) ",\n\"-.e9"
                        .charAt(rng.nextInt(7))});
                case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + rng.nextInt(8)), new byte[0]);
                default -> b = splice(b, at, at, "1e39".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from);
        out.writeBytes(with);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    /** Runs the CLI; checks the outcome rules; returns the exit code. */
    private static int runAndCheck(Path dir, Path output, String what, String... args) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String e = err.toString();
        String context = what + ": " + String.join(" ", args) + "\nstderr: " + e;
        if (code == 0) {
            assertThat(e).as(context).isEmpty();
            assertThat(output).as(context).exists();
            Files.delete(output);
        } else {
            assertThat(code).as(context).isEqualTo(1);
            assertThat(e.lines().count()).as(context).isEqualTo(1);
            assertThat(e).as(context).startsWith("error: ").doesNotContain("\tat ");
            assertThat(e.startsWith("error: " + dir) || e.contains(" at epoch ")).as("names a file; " + context).isTrue();
            assertThat(output).as(context).doesNotExist();
        }
        return code;
    }

    @Test
    void damagedCsvThroughTrain(@TempDir Path dir) throws Exception {
        byte[] good = CorpusFiles.THREE_CLASSES.getBytes(StandardCharsets.UTF_8);
        Rng rng = new Rng(11);
        Path csv = dir.resolve("data.csv");
        Path model = dir.resolve("out.safetensors");
        int ok = 0;
        for (int i = 0; i < 100; i++) {
            Files.write(csv, mutate(good, rng));
            ok += runAndCheck(dir, model, "variant " + i, "train", "--data", "csv:" + csv, "--epochs", "2",
                    "--quiet", "--save", model.toString()) == 0 ? 1 : 0;
        }
        System.out.println("CliFuzzTest train: " + ok + " of 100 variants trained");
        assertThat(ok).as("some variants still train").isBetween(5, 95);
    }

    @Test
    void damagedModelThroughPredict(@TempDir Path dir) throws Exception {
        byte[] good = CorpusFiles.model2();
        Files.writeString(dir.resolve("rows.csv"), "x1,x2\n1,2\n-1,0.5\n");
        Rng rng = new Rng(12);
        Path model = dir.resolve("m.safetensors");
        Path pred = dir.resolve("pred.csv");
        int ok = 0;
        for (int i = 0; i < 60; i++) {
            byte[] b = mutate(good, rng);
            if (i % 2 == 0) { // half the time only flip a bit in the 68 bytes of weights: the model loads
                b = good.clone();
                b[b.length - 1 - rng.nextInt(68)] ^= (byte) (1 << rng.nextInt(8));
            }
            Files.write(model, b);
            ok += runAndCheck(dir, pred, "variant " + i, "predict", "--model", model.toString(), "--data",
                    "csv:" + dir.resolve("rows.csv"), "--output", pred.toString()) == 0 ? 1 : 0;
        }
        System.out.println("CliFuzzTest predict: " + ok + " of 60 variants predicted");
        assertThat(ok).as("flips in the weights still load").isBetween(25, 59);
    }
}
