package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Mse;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.GradientCheck;

/** The features layer: hand-computed values, gradients against central differences, the model file. */
class FeaturesTest {
    @Test
    void forwardComputesEveryTermInTheConfiguredOrder() {
        Features f = new Features("features1", Features.TERMS);
        // x [2, 2] → φ [2, 7]
        Tensor x = Tensor.matrix(new double[][] {{2, -3}, {0.5, 0}});
        Tensor phi = f.forward(x, false);
        assertThat(phi.shape()).containsExactly(2, 7);
        assertThat(phi.toArray2d()[0]).containsExactly(2f, -3f, 4f, 9f, -6f, (float) Math.sin(2), (float) Math.sin(-3));
        assertThat(phi.toArray2d()[1]).containsExactly(0.5f, 0f, 0.25f, 0f, 0f, (float) Math.sin(0.5), 0f);
        Features some = new Features("f", List.of("sin(x2)", "x1"));
        assertThat(some.forward(x, false).toArray2d()[0]).containsExactly((float) Math.sin(-3), 2f);
        assertThat(some.outputShape(new int[] {2})).containsExactly(2);
    }

    @Test
    void backwardMatchesHandDerivatives() {
        Features f = new Features("f", Features.TERMS);
        Tensor x = Tensor.matrix(new double[][] {{2, -3}});
        f.forward(x, true);
        // dΦ = ones: dX1 = 1 + 0 + 2·x1 + 0 + x2 + cos x1 + 0, dX2 = 0 + 1 + 0 + 2·x2 + x1 + 0 + cos x2
        Tensor dx = f.backward(Tensor.matrix(new double[][] {{1, 1, 1, 1, 1, 1, 1}}), true);
        assertThat(dx.get(0, 0)).isCloseTo((float) (1 + 4 - 3 + Math.cos(2)), org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(dx.get(0, 1)).isCloseTo((float) (1 - 6 + 2 + Math.cos(-3)), org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(f.backward(Tensor.zeros(1, 7), false)).isNull();
    }

    @Test
    void gradientsAgreeWithCentralDifferencesThroughTheLayer() {
        // dense (2→2) in front, so its weight gradients pass through the features' backward
        Sequential net = NetSpec.parse("dense 2, features x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2), dense 3, tanh, dense 1")
                .build(new int[] {2}, null, null, 3);
        Tensor x = Tensor.matrix(new double[][] {{0.3, -0.7}, {1.1, 0.4}, {-0.5, -0.2}, {0.9, -1.3}});
        Tensor y = Tensor.matrix(new double[][] {{0.5}, {-1}, {0.25}, {1}});
        GradientCheck.Report r = new GradientCheck().check(net, new Mse(), x, y);
        r.assertPassed();
        assertThat(r.checked()).isGreaterThan(20);
    }

    @Test
    void theCheckCatchesAWrongDerivative() {
        Features right = new Features("features1", List.of("x1^2", "x2"));
        Layer wrong = new Layer() {
            // a planted mistake: every input derivative halved (d(x1²)/dx1 taken as x1, not 2·x1)
            @Override
            public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
                return right.backward(gradOutput, needInputGrad).scaleInPlace(0.5f);
            }

            @Override
            public Tensor forward(Tensor x, boolean training) {
                return right.forward(x, training);
            }

            @Override
            public String name() {
                return right.name();
            }

            @Override
            public String type() {
                return right.type();
            }

            @Override
            public Map<String, Object> config() {
                return right.config();
            }

            @Override
            public int[] outputShape(int[] in) {
                return right.outputShape(in);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
        Sequential net = Sequential.builder(2).dense(2).add(wrong).dense(1).build(3);
        Tensor x = Tensor.matrix(new double[][] {{0.3, -0.7}, {1.1, 0.4}});
        Tensor y = Tensor.matrix(new double[][] {{0.5}, {-1}});
        assertThat(new GradientCheck().check(net, new Mse(), x, y).passed()).isFalse();
    }

    @Test
    void aModelStartingWithFeaturesSavesLoadsAndTakesRawPoints() {
        Sequential net = Sequential.builder(2).add(Features.TYPE, Map.of("terms", List.of("x1", "x1*x2", "sin(x2)")))
                .dense(4).activation("tanh").dense(1).activation("sigmoid").build(11);
        SavedModel back = ModelFile.fromBytes("mem", ModelFile.toBytes(
                new SavedModel(net, "bce", null, List.of("0", "1"), List.of("x1", "x2"), Task.CLASSIFICATION)));
        assertThat(back.model().layers().get(0)).isInstanceOf(Features.class);
        assertThat(((Features) back.model().layers().get(0)).terms()).containsExactly("x1", "x1*x2", "sin(x2)");
        Tensor p = Tensor.matrix(new double[][] {{0.2, -0.4}, {1, 1}});
        assertThat(back.model().predict(p).data()).containsExactly(net.predict(p).data());
        assertThat(Features.TYPE.describe(net.layers().get(0).config())).isEqualTo("features x1 x1*x2 sin(x2)");
    }

    @Test
    void badConfigurationsAndShapesAreOneLine() {
        assertThatThrownBy(() -> NetSpec.parse("features x3"))
                .hasMessage("'features x3': features: expected distinct terms of x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2), found 'x3'");
        assertThatThrownBy(() -> NetSpec.parse("features x1 x1")).hasMessageContaining("found 'x1'");
        assertThatThrownBy(() -> NetSpec.parse("features")).hasMessageContaining("expected one or more terms");
        assertThatThrownBy(() -> NetSpec.parse("features x1").build(new int[] {3}, null, null, 1))
                .hasMessageContaining("the features of a point take [N, 2] (x1, x2)");
        assertThatThrownBy(() -> new Features("f", List.of("x1")).forward(Tensor.zeros(2, 3), false))
                .hasMessage("Features(f): input [2, 3], expected [N, 2] (x1, x2)");
    }
}
