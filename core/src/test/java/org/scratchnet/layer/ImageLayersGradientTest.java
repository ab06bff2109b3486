package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Every image layer's parameter and input gradients against central differences, in the scalar
 * and the vector kernels. Each stack puts a convolution in front so that the layer under test
 * also passes its input gradient back. Loss = Σ y·r in double (r random), so dY = r. Relative
 * error |a − n| / max(|a| + |n|, 1e-2) below 2e-3, or |a − n| below the forward pass's float
 * rounding seen through the difference quotient; an index whose estimates at two steps disagree
 * sits on a kink (a max-pool window changing its winner) and is skipped, at most 10% of them.
 */
class ImageLayersGradientTest {
    @AfterEach
    void restore() {
        Engine.useKernels("auto");
    }

    private static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    private static int[] ints(int... v) {
        return v;
    }

    /** Builds a stack of layers on an input shape; each builder gets the previous output shape. */
    private static List<Layer> stack(int[] in, List<Function<int[], Layer>> builders, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int[] shape = in;
        for (Function<int[], Layer> b : builders) {
            Layer l = b.apply(shape);
            l.initialize(rng);
            layers.add(l);
            shape = outputShape(l, shape);
        }
        return layers;
    }

    static int[] outputShape(Layer l, int[] in) {
        return l.outputShape(in);
    }

    private static Tensor forward(List<Layer> layers, Tensor x) {
        Tensor t = x;
        for (Layer l : layers) {
            t = l.forward(t, true);
        }
        return t;
    }

    private static double loss(List<Layer> layers, Tensor x, Tensor r) {
        Tensor y = forward(layers, x);
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) y.data()[i] * r.data()[i];
        }
        return s;
    }

    /** Backward through the stack, gradients of every parameter and of x; returns the number of values checked. */
    private static int check(String what, List<Layer> layers, Tensor x, Rng rng) {
        Tensor y = forward(layers, x);
        Tensor r = random(rng, y.shape());
        for (Layer l : layers) {
            for (Parameter p : l.parameters()) {
                p.zeroGrad();
            }
        }
        Tensor g = r;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, true);
        }
        Tensor dX = g.copy();
        int checked = 0;
        List<float[]> values = new ArrayList<>();
        List<float[]> grads = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Layer l : layers) {
            for (Parameter p : l.parameters()) {
                values.add(p.value().data());
                grads.add(p.grad().data().clone());
                names.add(p.name());
            }
        }
        values.add(x.data());
        grads.add(dX.data());
        names.add("input");
        // float32 rounding of the forward pass, seen through a difference quotient with step 2e-3
        double noise = 4e-7 * Math.max(1, Math.abs(loss(layers, x, r))) / 2e-3;
        int skipped = 0;
        for (int k = 0; k < values.size(); k++) {
            float[] v = values.get(k), gr = grads.get(k);
            int count = Math.min(v.length, 48);
            for (int t = 0; t < count; t++) {
                int i = v.length <= 48 ? t : rng.nextInt(v.length);
                double n1 = numeric(layers, x, r, v, i, 2e-3f), n2 = numeric(layers, x, r, v, i, 1e-3f);
                if (Math.abs(n1 - n2) > 1e-3 * Math.max(1, Math.abs(n1))) {
                    skipped++; // a kink (max-pool tie, window switch) between the two steps
                    continue;
                }
                double diff = Math.abs(gr[i] - n1);
                double rel = diff < noise ? 0 : diff / Math.max(Math.abs(gr[i]) + Math.abs(n1), 1e-2);
                assertThat(rel).as("%s %s[%d]: backward %s, central difference %s", what, names.get(k), i, gr[i], n1)
                        .isLessThan(2e-3);
                checked++;
            }
        }
        assertThat(skipped).as(what + " skipped").isLessThan(Math.max(2, checked / 10));
        return checked;
    }

    private static double numeric(List<Layer> layers, Tensor x, Tensor r, float[] v, int i, float eps) {
        float saved = v[i];
        v[i] = saved + eps;
        double up = loss(layers, x, r);
        v[i] = saved - eps;
        double down = loss(layers, x, r);
        v[i] = saved;
        return (up - down) / ((double) (saved + eps) - (double) (saved - eps));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void everyImageLayerPassesTheGradientCheck(String kernels) {
        if (kernels.equals("vector") && !Engine.vectorAvailable()) {
            return;
        }
        Engine.useKernels(kernels);
        Rng rng = new Rng(17);
        int checked = 0;
        int[] img = {3, 9, 8};
        Tensor x = random(rng, 2, 3, 9, 8);
        checked += check(kernels + " conv", stack(img, List.of(
                s -> new Conv2D("c1", s, 4, ints(3, 2), ints(2, 1), ints(1, 0, 0, 1), true)), rng), x, rng);
        checked += check(kernels + " conv+maxpool", stack(img, List.of(
                s -> new Conv2D("c1", s, 4, ints(3, 3), ints(1, 1), ints(1, 1, 1, 1), true),
                s -> new MaxPool2D("p1", s, ints(3, 3), ints(2, 2), ints(1, 1, 1, 1))), rng), x, rng);
        for (boolean include : new boolean[] {true, false}) {
            checked += check(kernels + " conv+avgpool " + include, stack(img, List.of(
                    s -> new Conv2D("c1", s, 3, ints(2, 2), ints(1, 1), ints(0, 0, 0, 0), false),
                    s -> new AvgPool2D("p1", s, ints(3, 2), ints(2, 2), ints(1, 0, 1, 1), include)), rng), x, rng);
        }
        checked += check(kernels + " conv+batchnorm+globalavgpool", stack(img, List.of(
                s -> new Conv2D("c1", s, 5, ints(3, 3), ints(1, 1), ints(0, 0, 0, 0), true),
                s -> new BatchNorm("bn", s, 1e-5, 0.1),
                s -> new GlobalAvgPool("gap", s)), rng), x, rng);
        // feature rows (N, D): a global pool in front turns images into rows
        checked += check(kernels + " rows batchnorm", stack(img, List.of(
                s -> new Conv2D("c1", s, 6, ints(3, 3), ints(2, 2), ints(1, 1, 1, 1), true),
                s -> new GlobalAvgPool("gap", s),
                s -> new BatchNorm("bn", s, 1e-3, 0.1)), rng), random(rng, 4, 3, 9, 8), rng);
        assertThat(checked).isGreaterThan(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void theCheckCatchesAPlantedWrongDerivative(String kernels) {
        if (kernels.equals("vector") && !Engine.vectorAvailable()) {
            return;
        }
        Engine.useKernels(kernels);
        Rng rng = new Rng(3);
        // a layer whose backward doubles the true gradient
        Layer wrong = new Layer() {
            private final GlobalAvgPool inner = new GlobalAvgPool("gap", new int[] {2, 3, 3});
            public String name() { return "wrong"; }
            public String type() { return "wrong"; }
            public Tensor forward(Tensor t, boolean training) { return inner.forward(t, training); }
            public Tensor backward(Tensor g, boolean need) { return inner.backward(g, need).copy().scaleInPlace(2f); }
            public List<Parameter> parameters() { return List.of(); }
            public java.util.Map<String, Object> config() { return inner.config(); }
            public int[] outputShape(int[] in) { return inner.outputShape(in); }
        };
        List<Layer> layers = List.of(new Conv2D("c1", new int[] {1, 5, 5}, 2, ints(3, 3), ints(1, 1), ints(0, 0, 0, 0), true), wrong);
        layers.get(0).initialize(rng);
        assertThatThrownBy(() -> check("planted", layers, random(rng, 2, 1, 5, 5), rng)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("planted c1.weight");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar"})
    void shapeErrorsNameTheLayerAndBothShapes(String unused) {
        Conv2D conv = new Conv2D("conv1", new int[] {1, 28, 28}, 32, ints(3, 3), ints(1, 1), ints(0, 0, 0, 0), true);
        assertThat(conv.outputShape(new int[] {1, 28, 28})).containsExactly(32, 26, 26);
        assertThatThrownBy(() -> conv.forward(Tensor.zeros(4, 3, 28, 28), true)).isInstanceOf(ShapeException.class)
                .hasMessage("Conv2D(conv1): input [4, 3, 28, 28] does not match the layer's input [N, 1, 28, 28]");
        assertThatThrownBy(() -> new Conv2D("c", new int[] {784}, 8, ints(3, 3), ints(1, 1), ints(0, 0, 0, 0), true))
                .isInstanceOf(ShapeException.class).hasMessageContaining("Conv2D(c): input is [N, 784], expected images [N, C, H, W]");
        assertThatThrownBy(() -> new Conv2D("c", new int[] {1, 2, 2}, 8, ints(3, 3), ints(1, 1), ints(0, 0, 0, 0), true))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("Conv2D(c): window 3x3 does not fit input (1,2,2)");
        assertThatThrownBy(() -> new MaxPool2D("p", new int[] {1, 4, 4}, ints(2, 2), ints(2, 2), ints(2, 0, 0, 0)))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("MaxPool2D(p): pads");
        BatchNorm bn = new BatchNorm("bn", new int[] {3}, 1e-5, 0.1);
        assertThatThrownBy(() -> bn.forward(Tensor.zeros(1, 3), true)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("more than one value per channel");
        assertThatThrownBy(() -> conv.backward(Tensor.zeros(4, 32, 26, 26), true)).isInstanceOf(IllegalStateException.class);
    }
}
