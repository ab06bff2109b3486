package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TabularData;
import org.scratchnet.init.Rng;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.Trainer;

/** The path the CLI takes: CSV with string labels → standardize on train → train → save → load → same predictions. */
class CsvTrainSaveLoadTest {
    @Test
    void threeClassCsvTrainsSavesAndReloads(@TempDir Path dir) throws Exception {
        // three Gaussian blobs (std 1) centred at (0,0), (4,0), (0,4), with a large-offset third feature
        String[] names = {"red", "green", "blue"};
        double[][] centre = {{0, 0}, {4, 0}, {0, 4}};
        Rng rng = new Rng(1);
        StringBuilder csv = new StringBuilder("f1;f2;f3;colour\n");
        for (int i = 0; i < 300; i++) {
            int k = i % 3;
            csv.append(centre[k][0] + rng.nextGaussian()).append(';').append(centre[k][1] + rng.nextGaussian())
                    .append(';').append(1000 + rng.nextGaussian()).append(';').append(names[k]).append('\n');
        }
        TabularData data = CsvLoader.parse("blobs.csv", csv.toString(), new CsvOptions());
        assertThat(data.classNames()).containsExactly("blue", "green", "red");
        Dataset[] split = data.dataset().split(0.2, 3);
        Standardizer std = Standardizer.fit(split[0].x());
        Sequential net = Sequential.builder(3).dense(8).activation("relu").dense(3).build(4);
        Trainer.builder(net, Losses.byName("softmax_ce"), new Adam(0.05f)).epochs(60).batchSize(32).seed(5).build()
                .fit(std.transform(split[0]));
        Tensor val = std.transform(split[1].x());
        assertThat(Metrics.accuracy(net.predict(val), split[1].y(), true)).isGreaterThanOrEqualTo(0.95);

        Path file = dir.resolve("blobs.safetensors");
        ModelFile.save(file, new SavedModel(net, "softmax_ce", std, data.classNames(), data.featureNames(), data.task()));
        SavedModel loaded = ModelFile.load(file);
        assertThat(loaded.predict(split[1].x()).data()).isEqualTo(net.predict(val).data());
        assertThat(loaded.featureNames()).containsExactly("f1", "f2", "f3");

        // evaluate-time reading with the model's classes and width
        TabularData again = CsvLoader.parse("blobs.csv", csv.toString(),
                new CsvOptions().classNames(loaded.classNames()).expectedFeatures(loaded.model().inputWidth()));
        assertThat(again.dataset().y().data()).isEqualTo(data.dataset().y().data());
    }
}
