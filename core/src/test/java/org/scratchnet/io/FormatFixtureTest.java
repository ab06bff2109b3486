package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Task;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Trainer;

/**
 * A file written by format version 1 must keep loading. The fixture is an untrained 2 → 16 relu
 * → 1 sigmoid network (Sequential.builder(2)...build(42)) with a standardizer fit on
 * Datasets.quadrants(200, 42); the expected outputs were computed from the file by
 * src/test/resources/load_model.py (numpy): 0.4804881513118744 and 0.5321715474128723.
 */
class FormatFixtureTest {
    @Test
    void versionOneFileStillLoadsAndPredicts() {
        SavedModel m = ModelFile.load(Path.of("src/test/resources/fixtures/model-format-v1.safetensors"));
        assertThat(m.model().inputWidth()).isEqualTo(2);
        assertThat(m.model().parameterCount()).isEqualTo(2 * 16 + 16 + 16 + 1);
        assertThat(m.loss()).isEqualTo("bce");
        assertThat(m.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(m.classNames()).containsExactly("0", "1");
        assertThat(m.featureNames()).containsExactly("x1", "x2");
        assertThat(m.columns()).as("version 1 files written before column rules have none").isNull();
        assertThat(m.standardizer().mean()).containsExactly(-0.12958917f, -0.08141823f);
        Tensor p = m.predict(Tensor.matrix(new float[][] {{1, -1}, {0.5f, 0.25f}}));
        assertThat(p.get(0, 0)).isCloseTo(0.4804881513118744f, within(1e-6f));
        assertThat(p.get(1, 0)).isCloseTo(0.5321715474128723f, within(1e-6f));
    }

    private static final Path V2 = Path.of("src/test/resources/fixtures/model-format-v2.safetensors");

    /** 2x2 one-channel images, label = top-left pixel > bottom-right pixel. */
    private static Dataset images() {
        int n = 24;
        float[] x = new float[n * 4], y = new float[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((i * 37) % 11) / 10f - 0.5f;
        }
        for (int r = 0; r < n; r++) {
            y[r] = x[r * 4] > x[r * 4 + 3] ? 1 : 0;
        }
        return new Dataset(Tensor.of(x, n, 1, 2, 2), Tensor.of(y, n, 1));
    }

    /**
     * Version 2: input [1, 2, 2] → flatten → dense 3 → relu → dropout 0.25 → dense 1 → sigmoid,
     * trained 3 epochs with Adam (lr 0.05, batch 8, seed 7) on {@link #images()}, so the file holds
     * Adam's moments. Written once with {@code -Dscratchnet.writeFixtures=true}; the expected
     * outputs were computed from the file by src/test/resources/load_model.py (numpy).
     */
    @Test
    void versionTwoFileStillLoadsPredictsAndResumes() throws Exception {
        if (Boolean.getBoolean("scratchnet.writeFixtures")) {
            Sequential net = Sequential.builder(1, 2, 2).flatten().dense(3).activation("relu").dropout(0.25f).dense(1)
                    .activation("sigmoid").build(7);
            Trainer t = Trainer.builder(net, new BinaryCrossEntropy(), new Adam(0.05f)).epochs(3).batchSize(8).seed(7)
                    .build();
            t.fit(images());
            ModelFile.save(V2.toAbsolutePath(), new SavedModel(net, "bce", null, List.of("no", "yes"), List.of(),
                    Task.CLASSIFICATION, t.state()));
        }
        SavedModel m = ModelFile.load(V2);
        assertThat(new String(Files.readAllBytes(V2), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"format_version\":\"2\"");
        assertThat(m.model().inputShape()).containsExactly(1, 2, 2);
        assertThat(m.model().layers()).extracting(l -> l.type())
                .containsExactly("flatten", "dense", "activation", "dropout", "dense", "activation");
        assertThat(m.training().epochs()).isEqualTo(3);
        assertThat(m.training().steps()).isEqualTo(9);
        assertThat(m.training().optimizer().name()).isEqualTo("adam");
        assertThat(m.training().optimizer().steps()).isEqualTo(9);
        assertThat(m.training().optimizer().state()).containsKeys("dense1.weight/exp_avg", "dense2.bias/exp_avg_sq");
        Tensor p = m.predict(Tensor.of(new float[] {0.5f, 0, 0, -0.5f, -0.5f, 0, 0, 0.5f}, 2, 1, 2, 2));
        assertThat(p.get(0, 0)).isCloseTo(EXPECTED_V2[0], within(1e-6f));
        assertThat(p.get(1, 0)).isCloseTo(EXPECTED_V2[1], within(1e-6f));
        // training goes on from the stored state
        Trainer.builder(m.model(), new BinaryCrossEntropy(), m.training().optimizer()).epochs(1).batchSize(8).seed(7)
                .resume(m.training()).build().fit(images());
        assertThat(m.training().optimizer().steps()).isEqualTo(12);
    }

    private static final float[] EXPECTED_V2 = {0.2822946608066559f, 0.29180410504341125f};
}
