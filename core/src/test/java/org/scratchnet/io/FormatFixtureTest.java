package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Task;
import org.scratchnet.tensor.Tensor;

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
}
