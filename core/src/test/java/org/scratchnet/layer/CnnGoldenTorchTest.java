package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchnet.activation.Activations;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/**
 * A small convolutional network against PyTorch 1.13: forward logits, loss and every gradient
 * ({@code fixtures/make_cnn_golden_torch.py}, output checked in). Network, x (4, 1, 6, 6):
 * conv 4 3x3 pad 1, relu, maxpool 2, batchnorm, flatten, dropout 0.5 with the fixture's mask,
 * dense 5, softmax cross-entropy. Match: relative 1e-5 with an absolute floor of 1e-6, in both
 * kernel paths.
 */
class CnnGoldenTorchTest {
    @AfterEach
    void restore() {
        Engine.useKernels("auto");
    }

    private static Map<String, Tensor> fixture() throws IOException {
        Map<String, Tensor> out = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CnnGoldenTorchTest.class.getResourceAsStream("/fixtures/cnn_golden_torch.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                String[] dims = f[1].split(",");
                int[] shape = new int[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = Integer.parseInt(dims[i]);
                }
                float[] v = new float[f.length - 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Double.parseDouble(f[i + 2]);
                }
                out.put(f[0], Tensor.of(v, shape));
            }
        }
        return out;
    }

    /** Dropout with a given mask (already scaled by 1/(1 − p)), so the fixture's draw is used. */
    private static final class FixedMask implements Layer {
        private final Tensor mask;
        private final Tensor out;
        private Tensor dX;

        FixedMask(Tensor mask) {
            this.mask = mask;
            this.out = Tensor.zeros(mask.shape());
        }

        public String name() {
            return "dropout1";
        }

        public String type() {
            return "dropout";
        }

        public Map<String, Object> config() {
            return Map.of("rate", 0.5);
        }

        public int[] outputShape(int[] in) {
            return in;
        }

        public Tensor forward(Tensor x, boolean training) {
            Ops.multiply(x, mask, out);
            return out;
        }

        public Tensor backward(Tensor g, boolean need) {
            dX = Tensor.zeros(g.shape());
            Ops.multiply(g, mask, dX);
            return dX;
        }

        public List<Parameter> parameters() {
            return List.of();
        }
    }

    private static void close(String what, Tensor got, Tensor want) {
        assertThat(got.shape()).as(what + " shape").isEqualTo(want.shape());
        for (int i = 0; i < want.size(); i++) {
            double w = want.data()[i], g = got.data()[i];
            assertThat(Math.abs(g - w)).as("%s[%d]: scratchnet %s, PyTorch %s", what, i, g, w)
                    .isLessThanOrEqualTo(Math.max(1e-5 * Math.abs(w), 1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void forwardLossAndEveryGradientMatchPyTorch(String kernels) throws IOException {
        if (kernels.equals("vector") && !Engine.vectorAvailable()) {
            return;
        }
        Engine.useKernels(kernels);
        Map<String, Tensor> f = fixture();
        Conv2D conv = new Conv2D("conv1", new int[] {1, 6, 6}, 4, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1, 1, 1}, true);
        conv.weight().value().copyFromInPlace(f.get("conv.weight"));
        conv.bias().value().copyFromInPlace(f.get("conv.bias"));
        BatchNorm bn = new BatchNorm("bn1", new int[] {4, 3, 3}, 1e-5, 0.1);
        bn.parameters().get(0).value().copyFromInPlace(f.get("bn.weight"));
        bn.parameters().get(1).value().copyFromInPlace(f.get("bn.bias"));
        Dense dense = new Dense("dense1", 36, 5, true);
        dense.weight().value().copyFromInPlace(f.get("dense.weight"));
        dense.bias().value().copyFromInPlace(f.get("dense.bias"));
        List<Layer> layers = List.of(conv, new ActivationLayer("relu1", Activations.byName("relu")),
                new MaxPool2D("maxpool1", new int[] {4, 6, 6}, new int[] {2, 2}, new int[] {2, 2}, new int[4]), bn,
                new Flatten("flatten1"), new FixedMask(f.get("mask")), dense);
        Tensor t = f.get("x");
        for (Layer l : layers) {
            t = l.forward(t, true);
        }
        close("logits", t, f.get("logits"));
        Tensor target = Tensor.zeros(4, 5);
        for (int i = 0; i < 4; i++) {
            target.set(i, (int) f.get("y").data()[i], 1f);
        }
        Tensor grad = Tensor.zeros(4, 5);
        double loss = new SoftmaxCrossEntropy().compute(t, target, grad);
        assertThat(loss).isCloseTo(f.get("loss").data()[0], org.assertj.core.data.Offset.offset(1e-5 * loss));
        for (Layer l : layers) {
            l.parameters().forEach(Parameter::zeroGrad);
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad, true);
        }
        close("grad.x", grad, f.get("grad.x"));
        close("grad.conv.weight", conv.weight().grad(), f.get("grad.conv.weight"));
        close("grad.conv.bias", conv.bias().grad(), f.get("grad.conv.bias"));
        close("grad.bn.weight", bn.parameters().get(0).grad(), f.get("grad.bn.weight"));
        close("grad.bn.bias", bn.parameters().get(1).grad(), f.get("grad.bn.bias"));
        close("grad.dense.weight", dense.weight().grad(), f.get("grad.dense.weight"));
        close("grad.dense.bias", dense.bias().grad(), f.get("grad.dense.bias"));
    }
}
