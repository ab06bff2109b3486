package org.scratchnet.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.scratchnet.data.LoadOptions;

/**
 * Progress while a large CSV file is parsed: percentage of bytes, rows so far, MB/s and ETA, in
 * the style of {@link TrainingProgress} (silent for the first {@link TrainingProgress#DELAY_NANOS};
 * a bar redrawn in place on a terminal, a plain {@code loading: ...} line at each 10% step
 * elsewhere, so logs hold no carriage returns).
 */
public final class LoadProgress implements LoadOptions.Progress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final String name;
    private final long start;
    private long lastDraw;
    private int lastStep;
    private int barLength;

    public LoadProgress(PrintWriter out, boolean terminal, LongSupplier nanoClock, String name) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.name = name;
        this.start = nanoClock.getAsLong();
    }

    /** Progress for loading {@code name} on {@code out}, a bar when stdout is a terminal. */
    public static LoadProgress forOutput(PrintWriter out, String name) {
        return new LoadProgress(out, TrainingProgress.isTerminal(), System::nanoTime, name);
    }

    @Override
    public void update(long bytesDone, long bytesTotal, long rows) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < TrainingProgress.DELAY_NANOS || bytesTotal <= 0) {
            return;
        }
        double fraction = Math.min(1, bytesDone / (double) bytesTotal);
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || barLength == 0) {
                String bar = "\r" + line(fraction, bytesDone, rows, elapsed, true);
                out.print(bar + " ".repeat(Math.max(0, barLength - bar.length())));
                out.flush();
                barLength = bar.length();
                lastDraw = now;
            }
            return;
        }
        int step = (int) Math.floor(fraction * 10 + 1e-9);
        if (step > lastStep) {
            lastStep = step;
            out.println(line(fraction, bytesDone, rows, elapsed, false));
            out.flush();
        }
    }

    @Override
    public void done() {
        if (barLength > 0) {
            out.print("\r" + " ".repeat(barLength) + "\r");
            out.flush();
            barLength = 0;
        }
    }

    /** "[####------]  40% loading big.csv: 400k rows, 190 MB/s, ETA 0:01" (bar only on terminals). */
    String line(double fraction, long bytes, long rows, long elapsedNanos, boolean withBar) {
        double seconds = elapsedNanos / 1e9;
        double mbPerSecond = seconds > 0 ? bytes / 1e6 / seconds : 0;
        return TrainingProgress.start(fraction, withBar, "loading")
                + String.format(Locale.ROOT, "%3d%% %s, %s rows, %.0f MB/s, ETA %s", (int) Math.floor(fraction * 100),
                name, rows >= 10_000 ? (rows / 1000) + "k" : Long.toString(rows), mbPerSecond,
                TrainingProgress.clockTime(TrainingProgress.eta(seconds, fraction)));
    }
}
