package org.scratchnet.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.scratchnet.cli.CliRun;

/** Help texts format cleanly: a bare '%' in a description makes picocli print a warning on System.err. */
class ExampleHelpTest {
    @Test
    void everyExampleHelpPrintsWithoutAPicocliWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String list = CliRun.run("example", "--list").out();
            int checked = 0;
            for (String line : list.split("\n")) {
                String name = line.trim().split("\\s+")[0];
                if (name.isEmpty() || !name.matches("[a-z][a-z0-9-]*")) {
                    continue;
                }
                CliRun.Result r = CliRun.run("example", name, "--help");
                if (r.code() == 0) {
                    checked++;
                }
            }
            CliRun.run("example", "--help");
            assertThat(checked).isGreaterThanOrEqualTo(8);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
