package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun.Result;
import org.scratchnet.init.Rng;

/** A regression target in millionths: losses, errors and predictions print in scientific notation, not as 0.0000. */
class FigureScaleTest {
    @TempDir
    Path dir;

    @Test
    void aTargetInMillionthsKeepsItsDigitsOnScreen() throws IOException {
        Rng rng = new Rng(3);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 200; i++) {
            double a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6e%n", a, b, (3 * a - 2 * b) * 1e-6));
        }
        Path csv = Files.writeString(dir.resolve("small.csv"), sb);
        Path model = dir.resolve("m.safetensors");
        Result t = TrainPredictEvaluateTest.ok("train", "--data", "csv:" + csv, "--epochs", "100", "--save", model.toString());
        assertThat(t.out()).containsPattern("(?m)^epoch 100, loss = \\d\\.\\d{4}e-\\d\\d")
                .containsPattern("final: loss = \\d\\.\\d{4}e-\\d\\d, train mae = \\d\\.\\d{4}e-0[78]");
        Result e = TrainPredictEvaluateTest.ok("evaluate", "--model", model.toString(), "--data", "csv:" + csv);
        assertThat(e.out()).containsPattern("loss = \\d\\.\\d{4}e-\\d\\d, mse = \\d\\.\\d{4}e-\\d\\d, mae = \\d\\.\\d{4}e-0[78], r2 = 0\\.9");
        // 3·1 − 2·0 = 3 millionths
        Result p = TrainPredictEvaluateTest.ok("predict", "--model", model.toString(), "--input", "1,0");
        assertThat(p.out()).containsPattern("(?m)^1,[23]\\.\\d{4}e-06$");
    }
}
