package org.scratchnet.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A tutorial named without options runs with its field defaults and no command model; that run
 * must print exactly what the picocli run with every default spelled out prints.
 */
class TutorialDefaultsTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** Every small tutorial, under the name its @Command declares. */
    @Test
    void withDefaultsKnowsEverySmallTutorialByItsCommandName() {
        List<Class<?>> small = List.of(QuadrantsExample.class, BinaryExample.class, LettersExample.class,
                PerceptronAndExample.class, PerceptronOrExample.class, PerceptronXorExample.class,
                XorTanhExample.class, LoyXorExample.class);
        for (Class<?> c : small) {
            String name = c.getAnnotation(Command.class).name();
            Tutorial t = ExampleCommand.withDefaults(name);
            assertThat(t).as(name).isNotNull();
            assertThat(t.getClass()).as(name).isEqualTo(c);
        }
        assertThat(ExampleCommand.withDefaults("mnist")).isNull();
        assertThat(ExampleCommand.withDefaults("--list")).isNull();
    }

    /** The field defaults are the ones picocli reports as the options' defaults. */
    @Test
    void fieldDefaultsAreThePicocliDefaults() {
        CommandLine cl = new CommandLine(new XorTanhExample());
        assertThat(cl.getCommandSpec().findOption("--epochs").defaultValueString()).isEqualTo("10000");
        assertThat(cl.getCommandSpec().findOption("--lr").defaultValueString()).isEqualTo("0.1");
        assertThat(cl.getCommandSpec().findOption("--seed").defaultValueString()).isEqualTo("42");
    }

    @Test
    void plainRunPrintsWhatTheParsedRunPrints() {
        String[] plain = run("example", "perceptron-and");
        String[] parsed = run("example", "perceptron-and", "--epochs", "10", "--lr", "0.1");
        assertThat(plain[0]).isEqualTo("0");
        assertThat(plain[2]).isEmpty();
        assertThat(plain[1]).contains("Epoch 1, Total Error:").isEqualTo(parsed[1]);

        String[] demo = run("demo");
        String[] demoParsed = run("demo", "--seed", "42", "--epochs", "1000", "--lr", "0.5");
        assertThat(demo[1]).contains("predicted labels: 1 0 1 0").isEqualTo(demoParsed[1]);
    }
}
