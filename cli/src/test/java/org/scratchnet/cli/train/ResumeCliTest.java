package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;

/** {@code train --init} restores the optimizer's state and the epoch count: 5 + 5 epochs equal 10, bit for bit. */
class ResumeCliTest {
    private static CliRun.Result train(Path save, int epochs, String... more) {
        String[] base = {"train", "--data", "moons", "--net", "dense 16, relu, dropout 0.1, dense 8, tanh",
                "--optimizer", "adam", "--lr", "0.01", "--batch-size", "16", "--epochs", String.valueOf(epochs),
                "--seed", "5", "--save", save.toString(), "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRun.Result r = CliRun.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        return r;
    }

    @Test
    void tenEpochsEqualFiveThenFiveMoreWithInit(@TempDir Path dir) throws Exception {
        Path ten = dir.resolve("ten.safetensors"), five = dir.resolve("five.safetensors"), more = dir.resolve("more.safetensors");
        train(ten, 10);
        train(five, 5);
        CliRun.Result r = CliRun.run("train", "--data", "moons", "--init", five.toString(), "--batch-size", "16",
                "--epochs", "5", "--seed", "5", "--save", more.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("adam lr 0.01 (state restored: 5 epochs, ");
        assertThat(Files.readAllBytes(more)).isEqualTo(Files.readAllBytes(ten));
        assertThat(Files.readAllBytes(five)).isNotEqualTo(Files.readAllBytes(ten));
    }

    @Test
    void aStepScheduleContinuesWhenTheBaseRateIsGiven(@TempDir Path dir) throws Exception {
        Path six = dir.resolve("six.safetensors"), three = dir.resolve("three.safetensors"), more = dir.resolve("more.safetensors");
        train(six, 6, "--lr-schedule", "step:2:0.5");
        train(three, 3, "--lr-schedule", "step:2:0.5");
        CliRun.Result r = CliRun.run("train", "--data", "moons", "--init", three.toString(), "--batch-size", "16",
                "--epochs", "3", "--seed", "5", "--lr-schedule", "step:2:0.5", "--lr", "0.01", "--save", more.toString(),
                "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(Files.readAllBytes(more)).isEqualTo(Files.readAllBytes(six));
        // without the base rate the schedule restarts from the restored rate, and says so
        CliRun.Result noted = CliRun.run("train", "--data", "moons", "--init", three.toString(), "--batch-size", "16",
                "--epochs", "3", "--seed", "5", "--lr-schedule", "step:2:0.5", "--quiet");
        assertThat(noted.out()).contains("note: the schedule takes the restored rate 0.005 as its base rate");
    }
}
