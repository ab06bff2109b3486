package org.scratchnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

class AsciiBoundaryTest {
    @Test
    void eachRegionCellShowsThePredictionAtItsCentre() {
        Sequential model = (Sequential) Fixtures.trainedQuadrants(300)[0];
        int cols = 40, rows = 16;
        String[] lines = AsciiBoundary.render(model, Fixtures.QUADRANTS, new BinaryCrossEntropy(), cols, rows)
                .split("\n");
        assertThat(lines).hasSize(rows);
        double[] r = Charts.paddedRange(Fixtures.QUADRANTS.x());
        int checked = 0;
        for (int i = 0; i < rows; i++) {
            assertThat(lines[i]).hasSize(cols);
            for (int j = 0; j < cols; j++) {
                char c = lines[i].charAt(j);
                if (c != '.' && c != '-') {
                    assertThat(c).isIn('0', '1', 'X'); // a training point
                    continue;
                }
                float x1 = (float) (r[0] + (j + 0.5) * (r[1] - r[0]) / cols);
                float x2 = (float) (r[3] - (i + 0.5) * (r[3] - r[2]) / rows);
                float p = model.predict(Tensor.matrix(new float[][] {{x1, x2}})).get(0);
                assertThat(c).as("row %d col %d", i, j).isEqualTo(p > 0.5f ? '-' : '.');
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(cols * rows / 2);
    }
}
