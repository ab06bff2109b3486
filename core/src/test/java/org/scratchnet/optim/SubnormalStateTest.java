package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/**
 * Running averages that decay where the gradient stays 0 end at +0 without passing through the
 * subnormal range (where every multiplication is slow), for every optimizer with state, while
 * the weights stay where the textbook update leaves them.
 */
class SubnormalStateTest {
    private static List<Optimizer> optimizers() {
        return List.of(new Adam(1e-3f), new AdamW(1e-3f, 0.9f, 0.999f, 1e-8f, 0f), new Sgd(0.1f, 0.9f, 0f), new Sgd(0.1f, 0.9f, 0f, true),
                new RmsProp(0.01f, 0.9f, 1e-8f, 0.9f, 0f, true));
    }

    @Test
    void stateThatDecaysEndsAtZeroWithoutTurningSubnormal() {
        for (Optimizer opt : optimizers()) {
            Parameter p = new Parameter("w", Tensor.of(new float[] {0.5f, -0.25f, 1f}, 3));
            float[] g = p.grad().data();
            g[0] = 1e-30f; // tiny but normal: its squares and averages head for the subnormal range
            g[1] = -2e-36f;
            g[2] = 1e-3f;
            opt.step(List.of(p));
            java.util.Arrays.fill(g, 0f);
            g[2] = 1e-3f;
            for (int s = 0; s < 3000; s++) {
                opt.step(List.of(p));
                for (Map.Entry<String, Tensor> e : opt.state().entrySet()) {
                    for (float x : e.getValue().data()) {
                        assertThat(x == 0f || Math.abs(x) >= Float.MIN_NORMAL)
                                .as("%s, %s after %d steps: %s", opt.describe(), e.getKey(), s + 1, x).isTrue();
                    }
                }
            }
            for (Map.Entry<String, Tensor> e : opt.state().entrySet()) {
                float[] d = e.getValue().data();
                assertThat(Float.floatToRawIntBits(d[0])).as("%s %s[0]", opt.describe(), e.getKey()).isZero();
                assertThat(Float.floatToRawIntBits(d[1])).as("%s %s[1]", opt.describe(), e.getKey()).isZero();
            }
            // the tiny gradients moved the first two weights by less than their resolution
            assertThat(p.value().data()[0]).as(opt.describe()).isEqualTo(0.5f);
            assertThat(p.value().data()[1]).as(opt.describe()).isEqualTo(-0.25f);
        }
    }

    @Test
    void normalOrZeroKeepsNormalValuesInfinitiesAndNaN() {
        assertThat(Ops.normalOrZero(Float.MIN_NORMAL)).isEqualTo(Float.MIN_NORMAL);
        assertThat(Ops.normalOrZero(-Float.MIN_NORMAL)).isEqualTo(-Float.MIN_NORMAL);
        assertThat(Float.floatToRawIntBits(Ops.normalOrZero(Math.nextDown(Float.MIN_NORMAL)))).isZero();
        assertThat(Float.floatToRawIntBits(Ops.normalOrZero(-Float.MIN_VALUE))).isZero();
        assertThat(Float.floatToRawIntBits(Ops.normalOrZero(-0f))).isZero();
        assertThat(Ops.normalOrZero(Float.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Ops.normalOrZero(Float.NaN)).isNaN();
        assertThat(Ops.normalOrZero(1.5f)).isEqualTo(1.5f);
    }
}
