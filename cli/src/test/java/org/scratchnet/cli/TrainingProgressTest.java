package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Datasets;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.train.LogEvery;
import org.scratchnet.train.Trainer;

class TrainingProgressTest {
    /** Trains 40 epochs of 4 batches with a clock that advances 0.5 s per reading. */
    private static String run(boolean terminal) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw, true);
        AtomicLong now = new AtomicLong();
        TrainingProgress p = new TrainingProgress(out, terminal, () -> now.addAndGet(500_000_000L));
        Sequential model = Sequential.builder(2).dense(4).activation("relu").dense(1).activation("sigmoid").build(1);
        Trainer.builder(model, new BinaryCrossEntropy(), new Sgd(0.1f)).epochs(40).batchSize(25).seed(1)
                .listener(p).listener(new LogEvery(10, p.lines()))
                .build().fit(Datasets.quadrants(100, 1));
        return sw.toString();
    }

    @Test
    void notATerminalGivesPlainLinesWithoutCarriageReturnsOrEscapes() {
        String out = run(false);
        assertThat(out).doesNotContain("\r").doesNotContain("\u001b");
        // one line per 10% step (the first appears once 2 s have passed), plus the 4 LogEvery lines
        long progressLines = out.lines().filter(l -> l.startsWith("progress: ")).count();
        assertThat(progressLines).isEqualTo(10);
        assertThat(out).contains("progress: 100% epoch 40/40");
        assertThat(out.lines().filter(l -> l.startsWith("epoch ")).count()).isEqualTo(4);
        assertThat(out).containsPattern("progress: +\\d+% epoch \\d+/40, \\d+ samples/s, ETA \\d+:\\d\\d, loss \\d\\.\\d{4}");
    }

    @Test
    void terminalRedrawsInPlaceAndClearsBeforeOtherLines() {
        String out = run(true);
        assertThat(out).contains("\r[").doesNotContain("\u001b");
        assertThat(out).containsPattern("\\[#+-*\\] +\\d+% epoch");
        // every LogEvery line starts at the beginning of a cleared line
        for (String line : out.split("\n")) {
            if (line.contains("epoch 10, loss")) {
                assertThat(line).matches("(?s).*\r *\repoch 10, loss.*");
            }
        }
        // the last LogEvery line cleared the bar, and training end leaves no bar behind
        assertThat(out).endsWith("\repoch 40, loss = " + out.substring(out.lastIndexOf("loss = ") + 7));
    }

    @Test
    void clockTimeFormats() {
        assertThat(TrainingProgress.clockTime(5)).isEqualTo("0:05");
        assertThat(TrainingProgress.clockTime(125)).isEqualTo("2:05");
        assertThat(TrainingProgress.clockTime(3725)).isEqualTo("1:02:05");
    }
}
