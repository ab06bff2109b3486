package org.scratchnet.layer;

import java.util.List;
import org.scratchnet.activation.Activation;
import org.scratchnet.tensor.Tensor;

/**
 * Applies an {@link Activation} element-wise: a = f(z), shape (N, H) in and out;
 * backward dZ = dA ⊙ f'(z).
 */
public final class ActivationLayer implements Layer {
    private final String name;
    private final Activation activation;
    private Tensor z;
    private Tensor a;
    private Tensor dZ;

    public ActivationLayer(String name, Activation activation) {
        this.name = name;
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return activation.name();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor out;
        if (training) {
            if (a == null || !a.sameShape(x)) {
                a = Tensor.zeros(x.shape());
            }
            z = x;
            out = a;
        } else {
            out = Tensor.zeros(x.shape());
        }
        activation.forward(x, out);
        return out;
    }

    @Override
    public Tensor backward(Tensor dA, boolean needInputGrad) {
        if (z == null) {
            throw new IllegalStateException(name + ": backward called before a training forward");
        }
        if (!dA.sameShape(a)) {
            throw new org.scratchnet.tensor.ShapeException(name + ": gradient " + dA.shapeString()
                    + " does not match output " + a.shapeString());
        }
        if (!needInputGrad) {
            return null;
        }
        if (dZ == null || !dZ.sameShape(dA)) {
            dZ = Tensor.zeros(dA.shape());
        }
        activation.backward(z, a, dA, dZ);
        return dZ;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public int outputWidth(int inputWidth) {
        return inputWidth;
    }
}
