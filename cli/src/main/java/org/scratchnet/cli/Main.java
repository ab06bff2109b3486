package org.scratchnet.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code scratchnet} command. */
@Command(name = "scratchnet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Neural networks from first principles: run the classic tutorials, train on your data.",
        footer = "%nAdd --debug anywhere to see stack traces for errors.",
        subcommands = {
            DemoCommand.class,
            BenchCommand.class,
            PlotCommand.class,
            ExplainCommand.class,
            PlaygroundCommand.class,
            org.scratchnet.cli.examples.ExampleCommand.class,
            org.scratchnet.cli.train.TrainCommand.class,
            org.scratchnet.cli.train.PredictCommand.class,
            org.scratchnet.cli.train.EvaluateCommand.class,
            org.scratchnet.cli.train.GradcheckCommand.class,
            org.scratchnet.cli.train.SweepCommand.class,
            org.scratchnet.cli.mnist.DataCommand.class,
            org.scratchnet.cli.onnx.ExportCommand.class,
            org.scratchnet.cli.onnx.ImportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the commonest probe of an install: answered without building any command model
            System.out.println(Version.line());
            System.exit(0);
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String before = System.getProperty("scratchnet.debug");
        for (String a : args) {
            if (a.equals("--debug")) {
                System.setProperty("scratchnet.debug", "true");
            }
        }
        try {
            java.util.List<String> kept = new java.util.ArrayList<>(args.length);
            for (String a : args) {
                if (!a.equals("--debug")) {
                    kept.add(a);
                }
            }
            String[] rest = kept.toArray(new String[0]);
            org.scratchnet.cli.examples.Tutorial plain = rest.length == 1 && rest[0].equals("demo") ? new DemoCommand()
                    : rest.length == 2 && rest[0].equals("example")
                    ? org.scratchnet.cli.examples.ExampleCommand.withDefaults(rest[1]) : null;
            if (plain != null) {
                try {
                    return plain.run(out);
                } catch (RuntimeException e) {
                    return Errors.report(e, err);
                } finally {
                    out.flush();
                }
            }
            CommandLine cl = lean(rest);
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler(new Errors.Handler());
            shareVersion(cl);
            cl.setParameterExceptionHandler(new Errors.ParameterHandler());
            return cl.execute(rest);
        } catch (OutOfMemoryError e) {
            // the failed allocation left the heap usable, so one line can still be printed
            if (Errors.debug()) {
                e.printStackTrace(err);
            }
            err.println("error: out of memory (Java heap max " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): use smaller --hidden, --samples or --batch-size, or give Java more with -Xmx");
            err.flush();
            return 1;
        } finally {
            // in-process callers (tests) must not inherit --debug from an earlier run
            if (before == null) {
                System.clearProperty("scratchnet.debug");
            } else {
                System.setProperty("scratchnet.debug", before);
            }
        }
    }

    /**
     * The command tree for these arguments. Building picocli's model of every subcommand (by
     * reflection over all their options) takes most of a short run's start-up, so when the first
     * argument names a subcommand, or is {@code --version}/{@code -V} alone, only that part is
     * built; help, errors and anything else get the whole tree. The subcommands are still the
     * ones the {@code @Command} annotation above lists.
     */
    static CommandLine lean(String[] args) {
        Command root = Main.class.getAnnotation(Command.class);
        boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        Class<?> only = null;
        if (args.length > 0 && !version && !args[0].equals("help")) {
            for (Class<?> c : root.subcommands()) {
                Command sc = c.getAnnotation(Command.class);
                if (sc != null && (sc.name().equals(args[0]) || java.util.Arrays.asList(sc.aliases()).contains(args[0]))) {
                    only = c;
                    break;
                }
            }
        }
        if (!version && (only == null || only == org.scratchnet.cli.train.TrainCommand.class || only == ExplainCommand.class)) {
            // their help texts list the layer types from their one description (LayerTypes)
            System.setProperty("scratchnet.layer.usage", org.scratchnet.layer.LayerTypes.usage());
        }
        if (!version && only == null) {
            return new CommandLine(new Main());
        }
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(new Main());
        spec.name(root.name()).versionProvider(new Version()).mixinStandardHelpOptions(true);
        CommandLine cl = new CommandLine(spec);
        if (only != null) {
            cl.addSubcommand(new CommandLine(only));
        }
        return cl;
    }

    /** Every subcommand's -V/--version prints the app's version (picocli does not inherit it). */
    private static void shareVersion(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
            shareVersion(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }

        static String line() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                // a jar without the file still answers, with version "unknown"
            }
            return "scratchnet " + p.getProperty("version", "unknown")
                    + " (Java " + System.getProperty("java.version") + ", kernels: "
                    + org.scratchnet.tensor.Engine.kernels().name() + ")";
        }
    }
}
