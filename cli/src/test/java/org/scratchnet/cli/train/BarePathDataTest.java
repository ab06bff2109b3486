package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.CliRun.Result;

/** {@code --data seeds.csv} means {@code --data csv:seeds.csv}; source kinds and built-in names keep their meaning. */
class BarePathDataTest {
    @TempDir
    Path dir;

    @Test
    void aPathIsReadAsACsvOrANumpyFile() throws IOException {
        assertThat(DataSpec.normalize("seeds.csv")).isEqualTo("csv:seeds.csv");
        assertThat(DataSpec.normalize("dir/Table.TSV")).isEqualTo("csv:dir/Table.TSV");
        assertThat(DataSpec.normalize("iris.data")).isEqualTo("csv:iris.data");
        assertThat(DataSpec.normalize("rows.txt")).isEqualTo("csv:rows.txt");
        assertThat(DataSpec.normalize("x.npy")).isEqualTo("npy:x.npy");
        assertThat(DataSpec.normalize("runs:2024.csv")).isEqualTo("csv:runs:2024.csv");
        Path noExtension = Files.writeString(dir.resolve("table"), "a,b\n1,2\n");
        assertThat(DataSpec.normalize(noExtension.toString())).isEqualTo("csv:" + noExtension);
        // kinds and built-ins first, even when a file of that name exists
        Files.writeString(dir.resolve("xor"), "a,b\n1,2\n");
        for (String spec : new String[] {"csv:a.csv", "npy:a.npy", "mnist", "mnist-test:/data", "xor", "spiral:3", "XOR", "nothing-here"}) {
            assertThat(DataSpec.normalize(spec)).as(spec).isEqualTo(spec);
        }
        assertThat(DataSpec.normalize(null)).isNull();
        assertThat(DataSpec.normalize("bad\0path")).isEqualTo("bad\0path");
    }

    @Test
    void trainEvaluateAndPredictTakeABarePath() throws IOException {
        Path csv = TrainPredictEvaluateTest.blobs(dir, 20, 5);
        Path model = dir.resolve("m.safetensors");
        Result t = TrainPredictEvaluateTest.ok("train", "--data", csv.toString(), "--epochs", "50", "--save", model.toString());
        assertThat(t.out()).contains("csv:" + csv).contains("3 classes");
        Result e = TrainPredictEvaluateTest.ok("evaluate", "--model", model.toString(), "--data", csv.toString());
        assertThat(e.out()).contains("accuracy");
        Path preds = dir.resolve("preds.csv");
        TrainPredictEvaluateTest.ok("predict", "--model", model.toString(), "--data", csv.toString(), "--output", preds.toString());
        assertThat(Files.readAllLines(preds)).hasSize(61);

        Result missing = CliRun.run("train", "--data", dir.resolve("absent.csv").toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("absent.csv").doesNotContain("Exception");
        Result unknown = CliRun.run("train", "--data", "nothing-here");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--data: unknown data 'nothing-here': expected a CSV file, csv:PATH");
    }
}
