package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchnet.cli.train.TrainPredictEvaluateTest.ok;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.activation.Activations;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.JsonTree;
import org.scratchnet.io.ModelFile;
import org.scratchnet.loss.Losses;
import org.scratchnet.optim.Optimizers;

/** The optimizer options reach the optimizer, and help and typos help the user. */
class OptionsWiringTest {
    @TempDir
    Path dir;

    private JsonTree train(String name, String... more) throws IOException {
        Path m = dir.resolve(name + ".json");
        String[] base = {"train", "--data", "moons", "--epochs", "10", "--quiet", "--metrics-out", m.toString(), "--save",
            dir.resolve(name + ".safetensors").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        ok(args);
        return JsonTree.read(m);
    }

    private double weightNorm(String name) {
        float[] w = ModelFile.load(dir.resolve(name + ".safetensors")).model().parameters().get(0).value().data();
        double s = 0;
        for (float v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void schedulesChangeTheRateEveryEpoch() throws IOException {
        JsonTree cosine = train("cos", "--lr-schedule", "cosine").get("settings");
        assertThat(cosine.get("lr").asDouble()).isEqualTo(0.5);
        assertThat(cosine.get("final_lr").asDouble()).isEqualTo(0.0);
        // step:5:0.5 over 10 epochs: 0.5 for epochs 1-5, 0.25 for 6-10, then 0.125 for a next epoch
        assertThat(train("step", "--lr-schedule", "step:5:0.5").get("settings").get("final_lr").asDouble())
                .isEqualTo(0.125);
        assertThat(train("none").get("settings").get("lr_schedule").isNull()).isTrue();
    }

    @Test
    void weightDecayShrinksWeightsAndClippingSlowsTheSteps() throws IOException {
        train("plain", "--optimizer", "sgd");
        train("decay", "--optimizer", "sgd", "--weight-decay", "0.5");
        assertThat(weightNorm("decay")).isLessThan(0.9 * weightNorm("plain"));
        JsonTree clipped = train("clip", "--optimizer", "adamw", "--clip-norm", "1e-6");
        JsonTree free = train("free", "--optimizer", "adamw");
        // Adam-style steps ignore the gradient's scale, so compare with rmsprop-free sgd: clipping barely moves sgd
        JsonTree sgdClipped = train("sgdclip", "--optimizer", "sgd", "--clip-norm", "1e-6");
        double first = sgdClipped.get("history").get("loss").get(0).asDouble();
        assertThat(sgdClipped.get("final_loss").asDouble()).isCloseTo(first, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(clipped.get("settings").get("optimizer").asText()).isEqualTo("adamw");
        assertThat(free.get("final_loss").asDouble()).isLessThan(first);
    }

    @Test
    void helpListsTheValuesAndTyposGetSuggestions() {
        String help = ok("train", "--help").out().replaceAll("\\s+", " "); // picocli wraps long descriptions
        assertThat(help).contains("Loss: " + String.join(", ", Losses.NAMES), String.join(", ", Optimizers.NAMES),
                "Hidden activation: " + String.join(", ", Activations.NAMES));
        CliRun.Result example = CliRun.run("example", "--help");
        assertThat(example.code()).isZero();
        assertThat(example.out() + example.err()).doesNotContain("WARN").contains("(~98% test accuracy)");
        assertThat(CliRun.run("trian").err().strip()).isEqualTo("error: Unmatched argument at index 0: 'trian'; did you"
                + " mean 'train'? (see 'scratchnet --help')");
        assertThat(CliRun.run("train", "--data", "xor", "--epoch", "5").err().strip()).isEqualTo("error: Unknown options:"
                + " '--epoch', '5'; did you mean '--epochs'? (see 'scratchnet train --help')");
        assertThat(CliRun.run("train", "--data", "xor", "--zzzzzz").err()).doesNotContain("did you mean");
    }
}
