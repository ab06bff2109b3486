package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ROC AUC against its definition: the share of (positive, negative) pairs ordered right, ties half. */
class ScoresTest {
    private static double pairs(float[] score, int[] actual) {
        double right = 0;
        long count = 0;
        for (int p = 0; p < score.length; p++) {
            for (int q = 0; q < score.length; q++) {
                if (actual[p] == 1 && actual[q] == 0) {
                    count++;
                    right += score[p] > score[q] ? 1 : score[p] == score[q] ? 0.5 : 0;
                }
            }
        }
        return count == 0 ? Double.NaN : right / count;
    }

    @Test
    void theExampleOfScikitLearnsRocAucScoreGivesItsValue() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertThat(Scores.rocAuc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new int[] {0, 0, 1, 1})).isEqualTo(0.75);
    }

    @Test
    void randomScoresWithTiesSignedZerosAndNegativesMatchThePairCount() {
        Random r = new Random(17);
        for (int k = 0; k < 200; k++) {
            int n = 1 + r.nextInt(120);
            float[] score = new float[n];
            int[] actual = new int[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(5);
                score[i] = kind == 0 ? (r.nextBoolean() ? 0f : -0f) : kind == 1 ? r.nextInt(4) / 4f
                        : (float) r.nextGaussian() * 1e3f;
                actual[i] = r.nextInt(3) == 0 ? 1 : 0;
            }
            double want = pairs(score, actual);
            if (Double.isNaN(want)) {
                assertThat(Scores.rocAuc(score, actual)).isNaN();
            } else {
                assertThat(Scores.rocAuc(score, actual)).as("case %d", k).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }
}
