package org.scratchnet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.scratchnet.tensor.Format;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.History;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.TrainingListener;

/**
 * A progress bar for training: percentage, epoch, rate in samples per second, ETA and the loss
 * of the last finished epoch. Short runs stay silent; it appears once training has run for {@link #DELAY_NANOS}.
 *
 * <p>On a terminal the bar is redrawn in place with a carriage return at most every 100 ms;
 * anywhere else (pipes, CI logs, tests) it degrades to a plain line at each 10% step, so logs
 * never hold carriage returns or escape codes. Terminal detection: {@code System.console()},
 * overridden by {@code -Dscratchnet.progress=tty|plain} or the environment variable
 * {@code SCRATCHNET_PROGRESS}.
 *
 * <p>Other per-epoch lines should go through {@link #lines()}, which clears the bar first.
 */
public final class TrainingProgress implements TrainingListener {
    /** How long training must run before progress is shown at all (a couple of seconds). */
    public static final long DELAY_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long start;
    private long lastDraw;
    private int lastStep; // last 10% step printed in plain mode
    private boolean barVisible;
    private int barLength;
    private int epochs;
    private int startEpoch;
    private int samples;
    private double lastLoss = Double.NaN; // the last finished epoch's loss, else this epoch's running mean
    private boolean epochDone;
    private double batchLossSum;
    private int batchCount;

    public TrainingProgress(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    /** A progress listener for {@code out}, drawing a bar when stdout is a terminal. */
    public static TrainingProgress forOutput(PrintWriter out) {
        return new TrainingProgress(out, isTerminal(), System::nanoTime);
    }

    /** True for a terminal, as detected or overridden (see the class comment). */
    static boolean isTerminal() {
        String o = System.getProperty("scratchnet.progress", System.getenv("SCRATCHNET_PROGRESS"));
        if (o != null && !o.isBlank()) {
            return o.trim().equalsIgnoreCase("tty");
        }
        return System.console() != null;
    }

    public boolean terminal() {
        return terminal;
    }

    @Override
    public void onTrainBegin(TrainContext ctx) {
        start = clock.getAsLong();
        lastDraw = start;
        lastStep = 0;
        epochDone = false;
        batchLossSum = 0;
        batchCount = 0;
        lastLoss = Double.NaN;
        epochs = ctx.epochs();
        startEpoch = ctx.startEpoch();
        samples = ctx.samples();
    }

    @Override
    public void onBatchEnd(TrainContext ctx, int epoch, int batch, int batches, double batchLoss) {
        if (!epochDone) { // per-batch losses jump about; until an epoch ends show their running mean
            batchLossSum += batchLoss;
            batchCount++;
            lastLoss = batchLossSum / batchCount;
        }
        // a resumed run counts its own share: epochs startEpoch+1 .. epochs
        update((epoch - 1 - startEpoch + (double) batch / batches) / (epochs - startEpoch), epoch);
    }

    @Override
    public void onEpochEnd(TrainContext ctx, EpochStats stats) {
        lastLoss = stats.loss();
        epochDone = true;
    }

    @Override
    public void onTrainEnd(TrainContext ctx, History history) {
        if (barVisible) {
            clearBar();
        }
    }

    private void update(double fraction, int epoch) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < DELAY_NANOS) {
            return;
        }
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || barLength == 0) { // after a log line, back within 100 ms
                String bar = "\r" + line(fraction, epoch, elapsed, true);
                int pad = Math.max(0, barLength - bar.length());
                out.print(bar + " ".repeat(pad));
                out.flush();
                barLength = bar.length();
                barVisible = true;
                lastDraw = now;
            }
            return;
        }
        int step = (int) Math.floor(fraction * 10 + 1e-9);
        if (step > lastStep) {
            lastStep = step;
            out.println(line(fraction, epoch, elapsed, false));
            out.flush();
        }
    }

    /** "[#####---] 45% epoch 45/100, 1200 samples/s, ETA 0:12, loss 0.1234" (bar only on terminals). */
    String line(double fraction, int epoch, long elapsedNanos, boolean withBar) {
        double seconds = elapsedNanos / 1e9;
        double done = fraction * (epochs - startEpoch) * samples;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(start(fraction, withBar, "progress"));
        sb.append(String.format(Locale.ROOT, "%3d%% epoch %d/%d, %s samples/s, ETA %s", (int) Math.floor(fraction * 100),
                epoch, epochs, rate(rate), clockTime(eta(seconds, fraction))));
        if (Double.isFinite(lastLoss)) {
            sb.append(", loss ").append(Format.figure(lastLoss));
        }
        return sb.toString();
    }

    private static String rate(double r) {
        return r >= 10_000 ? String.format(Locale.ROOT, "%.0fk", r / 1000) : String.format(Locale.ROOT, "%.0f", r);
    }

    /** The start of a progress line: "[####------] " on a terminal, else "LABEL: ". */
    static String start(double fraction, boolean withBar, String label) {
        if (!withBar) {
            return label + ": ";
        }
        int filled = (int) Math.round(fraction * BAR);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] ";
    }

    /** Seconds left, assuming the rest goes at the rate so far. */
    static double eta(double seconds, double fraction) {
        return fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void clearBar() {
        out.print("\r" + " ".repeat(barLength) + "\r");
        out.flush();
        barVisible = false;
    }

    /**
     * A stream for other per-epoch output (e.g. LogEvery): on a terminal each line first clears
     * the bar, which is redrawn at the next batch. Elsewhere it writes straight through.
     */
    public PrintStream lines() {
        return new PrintStream(new WriterOutputStream(out, () -> {
            if (barVisible) {
                clearBar();
            }
        }), true, StandardCharsets.UTF_8);
    }
}
