package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

class GradcheckCommandTest {
    @Test
    void checksEveryParameterAndTheInput() {
        Result r = TrainPredictEvaluateTest.ok("gradcheck", "--layers", "3,6,4", "--activation", "sigmoid");
        assertThat(r.out()).contains("network: 3 -> 6 sigmoid -> 4 (linear); loss softmax_ce").contains("PASSED");
        Matcher m = Pattern.compile("(?m)^(dense\\d\\.(weight|bias)|input) +(\\d+) +(\\d+) +(\\S+) +(\\S+)$")
                .matcher(r.out());
        int tensors = 0, checked = 0;
        double largest = 0;
        while (m.find()) {
            tensors++;
            checked += Integer.parseInt(m.group(3));
            double raw = Double.parseDouble(m.group(5)), beyondNoise = Double.parseDouble(m.group(6));
            assertThat(raw).isLessThan(1e-2).isGreaterThanOrEqualTo(beyondNoise);
            largest = Math.max(largest, raw);
        }
        // float32 central differences are never exact: a real measurement is above 0 (and far below the tolerance)
        assertThat(largest).isGreaterThan(1e-9);
        assertThat(tensors).isEqualTo(5); // 2 weights, 2 biases, input
        assertThat(checked).isEqualTo(18 + 6 + 24 + 4 + 12);
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String[] args : new String[][] {{"train", "--version"}, {"example", "letters", "-V"}, {"sweep", "-V"}}) {
            Result r = TrainPredictEvaluateTest.ok(args);
            assertThat(r.out()).startsWith("scratchnet 0.1.0");
        }
    }

    @Test
    void needsTwoWidths() {
        Result r = CliRun.run("gradcheck", "--layers", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("error: --layers needs at least an input and an output width, e.g. 2,16,1; got 5");
    }
}
