package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scratchnet example NAME}: the classic tutorials, one subcommand each. Every example
 * class is listed once in {@code subcommands} below; {@code --list} prints them with their
 * one-line descriptions.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run one of the classic tutorials (see --list).",
        subcommands = {
            // one line per example; keep the list sorted by tutorial order
            QuadrantsExample.class,
            BinaryExample.class,
            LettersExample.class,
            PerceptronAndExample.class,
            PerceptronOrExample.class,
            PerceptronXorExample.class,
            XorTanhExample.class,
            LoyXorExample.class,
            org.scratchnet.cli.mnist.MnistExample.class,
            org.scratchnet.cli.mnist.MnistCnnExample.class,
        })
public final class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the examples and exit.")
    boolean list;

    /**
     * The tutorial that {@code example NAME} runs when no option follows the name, ready to run
     * with its defaults; null for anything else (other examples, options, help).
     */
    public static Tutorial withDefaults(String name) {
        switch (name) {
            case "quadrants":
                return new QuadrantsExample();
            case "binary":
                return new BinaryExample();
            case "letters":
                return new LettersExample();
            case "perceptron-and":
                return new PerceptronAndExample();
            case "perceptron-or":
                return new PerceptronOrExample();
            case "perceptron-xor":
                return new PerceptronXorExample();
            case "xor-tanh":
                return new XorTanhExample();
            case "loy-xor":
                return new LoyXorExample();
            default:
                return null;
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        if (!list) {
            cl.usage(out);
            return 0;
        }
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            String[] desc = e.getValue().getCommandSpec().usageMessage().description();
            out.printf("  %-16s %s%n", e.getKey(), desc.length > 0 ? desc[0] : "");
        }
        return 0;
    }
}
