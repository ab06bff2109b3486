package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.scratchnet.cli.JsonTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.CliRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @Test
    void trainsEveryCombinationAndTabulatesThem(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("sweep.json");
        Result r = TrainPredictEvaluateTest.ok("sweep", "--data", "quadrants", "--hidden", "2,16", "--activation",
                "relu", "--lr", "0.05,1.0", "--epochs", "200", "--metrics-out", json.toString());
        assertThat(r.out()).contains("hidden     activation optimizer lr       seed   final loss  accuracy epochs>=95%");
        Matcher m = Pattern.compile("(?m)^(\\S+) +(relu|tanh) +sgd +(\\S+) +42 +(\\S+) +(\\S+) +(\\S+) +(\\S+)$")
                .matcher(r.out());
        int rows = 0;
        while (m.find()) {
            rows++;
            if (m.group(1).equals("16") && m.group(2).equals("relu") && m.group(3).equals("1.0")) {
                // the tutorial's network with a large step size gets there fast
                assertThat(Double.parseDouble(m.group(5))).isGreaterThanOrEqualTo(0.97);
                assertThat(Integer.parseInt(m.group(6))).isBetween(1, 100);
            }
            if (m.group(1).equals("2") && m.group(3).equals("0.05")) {
                // two hidden units and a small step size do not reach 95% in 200 epochs
                assertThat(m.group(6)).isEqualTo("-");
            }
        }
        assertThat(rows).isEqualTo(4);
        JsonTree j = TrainPredictEvaluateTest.json(json);
        assertThat(j.get("runs").size()).isEqualTo(4);
        assertThat(j.get("runs").get(0).get("hidden").asText()).isEqualTo("2");
        assertThat(j.get("runs").get(0).get("epochs_to_target").isNull()).isTrue();
    }

    @Test
    void twoLayerSettingsAndBadLists() {
        Result r = TrainPredictEvaluateTest.ok("sweep", "--data", "xor", "--hidden", "4x4", "--optimizer", "adam",
                "--epochs", "5");
        assertThat(r.out()).containsPattern("(?m)^4x4 +relu +adam +0\\.01 ");
        Result bad = CliRun.run("sweep", "--data", "xor", "--lr", "0.1,fast");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().trim()).isEqualTo("error: --lr must be comma-separated numbers like 0.05,0.5, got '0.1,fast'");
    }
}
