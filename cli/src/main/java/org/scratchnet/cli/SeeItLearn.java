package org.scratchnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scratchnet.data.Dataset;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.train.History;
import org.scratchnet.train.TrainingListener;
import org.scratchnet.viz.AsciiBoundary;
import org.scratchnet.viz.PlotNames;
import org.scratchnet.viz.PerceptronPlot;
import org.scratchnet.viz.Predictions;
import org.scratchnet.viz.TrainingPlots;
import picocli.CommandLine.Option;

/**
 * The "see it learn" options every training command shares: {@code --plots DIR},
 * {@code --ascii} and {@code --quiet}. Wiring a command takes three lines:
 *
 * <pre>{@code
 * @Mixin SeeItLearn see;
 * ...   .listener(see.progress(out))           // progress bar (silent with --quiet)
 * see.show(out, model, data, history, loss);   // PNGs into --plots, ASCII boundary with --ascii
 * }</pre>
 *
 * Per-epoch log lines should print through {@link #lines(PrintWriter)} so they do not collide
 * with the bar on a terminal.
 */
public final class SeeItLearn {
    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write PNG figures (data, decision boundary, loss, accuracy, ...) into DIR.")
    Path plots;

    @Option(names = "--ascii", description = "Print the decision boundary as text (2-D data only).")
    boolean ascii;

    @Option(names = "--quiet", description = "No progress bar (and, where a command says so, fewer lines).")
    boolean quiet;

    private TrainingProgress progress;

    /** The directory given with --plots, or null. */
    public Path plotsDir() {
        return plots;
    }

    public boolean quiet() {
        return quiet;
    }

    /** The progress listener for this run (does nothing with --quiet). */
    public TrainingListener progress(PrintWriter out) {
        if (quiet) {
            return new TrainingListener() {
            };
        }
        if (progress == null) {
            progress = TrainingProgress.forOutput(out);
        }
        return progress;
    }

    /** A stream for per-epoch lines that clears the progress bar before each line. */
    public PrintStream lines(PrintWriter out) {
        if (quiet) {
            return new PrintStream(new WriterOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
        }
        progress(out);
        return progress.lines();
    }

    /** As {@link #lines}, as a PrintWriter (for {@code EpochLog} and other per-epoch printers). */
    public PrintWriter log(PrintWriter out) {
        return new PrintWriter(new java.io.OutputStreamWriter(lines(out), java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** Writes the figures that fit into --plots, and prints the ASCII boundary with --ascii. */
    public void show(PrintWriter out, Sequential model, Dataset data, History history, Loss loss) {
        show(out, model, data, history, loss, null);
    }

    /**
     * As {@link #show(PrintWriter, Sequential, Dataset, History, Loss)}, into the subdirectory
     * {@code name} of --plots (for commands that train more than one model), when not null.
     */
    public void show(PrintWriter out, Sequential model, Dataset data, History history, Loss loss, String name) {
        show(out, model, data, history, loss, name, PlotNames.DEFAULT);
    }

    /** As above, with the figures' axes named after the data's columns by {@code names}. */
    public void show(PrintWriter out, Sequential model, Dataset data, History history, Loss loss, String name,
            PlotNames names) {
        if (ascii) {
            if (data.features() == 2) {
                out.println("decision boundary (digits = training points by class, X = misclassified):");
                out.print(AsciiBoundary.render(model, data, loss, 64, 24));
            } else {
                out.println("--ascii: no boundary to draw, the data has " + data.features() + " features (needs 2)");
            }
        }
        if (plots == null) {
            return;
        }
        Path dir = name == null ? plots : plots.resolve(name);
        try {
            report(out, dir, TrainingPlots.writeAll(dir, model, data, history, loss, names));
        } catch (IOException e) {
            throw new Errors.UserException("cannot write plots to " + dir + ": " + Errors.describe(e), 1);
        }
    }

    /** Writes perceptron.png (the learned line over the points) into --plots. */
    public void showPerceptron(PrintWriter out, float[] weights, float bias, Dataset data, String title) {
        if (plots == null) {
            return;
        }
        try {
            Path f = PerceptronPlot.write(weights, bias, data, title, plots.resolve("perceptron.png"));
            report(out, plots, List.of(f));
        } catch (IOException e) {
            throw new Errors.UserException("cannot write plots to " + plots + ": " + Errors.describe(e), 1);
        }
    }

    /**
     * Writes {@code file} into --plots: a grid of the rows of {@code data} drawn as rows×cols
     * bitmaps, labelled with the model's prediction and the true class, mistakes in red.
     */
    public void showBitmaps(PrintWriter out, Sequential model, Dataset data, Loss loss, int rows, int cols,
                            String title, String file) {
        if (plots == null) {
            return;
        }
        try {
            Path f = TrainingPlots.writeImages(data, Predictions.probabilities(model, data.x(), loss), rows, cols,
                    data.size(), title, plots.resolve(file));
            report(out, plots, List.of(f));
        } catch (IOException e) {
            throw new Errors.UserException("cannot write plots to " + plots + ": " + Errors.describe(e), 1);
        }
    }

    private static void report(PrintWriter out, Path dir, List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        out.println("plots: wrote " + String.join(", ", names) + " to " + dir);
        out.flush();
    }
}
