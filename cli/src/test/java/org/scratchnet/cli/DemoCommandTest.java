package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    /** Runs the CLI in-process; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Object[] {code, out.toString(), err.toString()};
    }

    @Test
    void demoLearnsTheQuadrantsAndPredicts1010() {
        Object[] r = run("demo");
        String out = (String) r[1];
        assertThat(r[0]).isEqualTo(0);
        assertThat((String) r[2]).isEmpty();
        // ten progress lines in the tutorial's format
        Matcher m = Pattern.compile("(?m)^epoch (\\d+), loss = (\\d+\\.\\d{4}), acc = (\\d\\.\\d{3})$").matcher(out);
        int lines = 0;
        double lastAcc = 0;
        while (m.find()) {
            lines++;
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(100 * lines);
            lastAcc = Double.parseDouble(m.group(3));
        }
        assertThat(lines).isEqualTo(10);
        assertThat(lastAcc).isGreaterThanOrEqualTo(0.97);
        assertThat(out).contains("predicted labels: 1 0 1 0");
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        Object[] r = run("demo", "--lr", "-1");
        assertThat(r[0]).isEqualTo(2);
        assertThat(((String) r[2]).trim()).isEqualTo("error: --lr must be a positive number, got -1.0");
        Object[] v = run("--version");
        assertThat(v[0]).isEqualTo(0);
        assertThat((String) v[1]).startsWith("scratchnet 0.1.0");
    }
}
