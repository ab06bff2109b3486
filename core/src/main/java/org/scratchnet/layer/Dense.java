package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.List;
import org.scratchnet.init.Initializer;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Fully connected layer: z = x @ w + b.
 *
 * <pre>
 *   x   (N, D)   input
 *   w   (D, H)   weight
 *   b   (1, H)   bias (optional)
 *   z   (N, H)   output
 *   dW = xᵀ @ dZ   (D, H)
 *   dB = Σ_rows dZ (1, H)
 *   dX = dZ @ wᵀ   (N, D)
 * </pre>
 *
 * Default initialization is PyTorch's for {@code nn.Linear}: U(±1/√D) for both w and b.
 */
public final class Dense implements Layer {
    private final String name;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private Initializer weightInit = Initializers.torchDefaultWeight();
    private Initializer biasInit = Initializers.torchDefaultBias();

    private Tensor x;
    private Tensor z;
    private Tensor dX;

    public Dense(String name, int in, int out, boolean useBias) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense(" + name + "): widths must be >= 1, got " + in + " -> " + out);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.weight = new Parameter(name + ".weight", Tensor.zeros(in, out));
        this.bias = useBias ? new Parameter(name + ".bias", Tensor.zeros(1, out)) : null;
    }

    /** Sets the initializers used by {@link #initialize}; a null bias initializer keeps the default. */
    public Dense withInit(Initializer weightInit, Initializer biasInit) {
        this.weightInit = weightInit;
        if (biasInit != null) {
            this.biasInit = biasInit;
        }
        return this;
    }

    @Override
    public void initialize(Rng rng) {
        weightInit.fill(weight.value(), in, out, rng);
        if (bias != null) {
            biasInit.fill(bias.value(), in, out, rng);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "dense";
    }

    public int inputWidth() {
        return in;
    }

    public int units() {
        return out;
    }

    public boolean hasBias() {
        return bias != null;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    public Initializer weightInit() {
        return weightInit;
    }

    public Initializer biasInit() {
        return biasInit;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.cols() != in) {
            throw new ShapeException("Dense(" + name + "): input has " + input.cols() + " features, layer expects "
                    + in + " (input shape " + input.shapeString() + ", weight " + weight.value().shapeString() + ")");
        }
        int n = input.rows();
        Tensor result;
        if (training) {
            if (z == null || z.rows() != n) {
                z = Tensor.zeros(n, out);
            }
            x = input;
            result = z;
        } else {
            result = Tensor.zeros(n, out);
        }
        // x (N,D) @ w (D,H) -> z (N,H); then z += b (1,H) broadcast over rows
        Ops.matmul(input, weight.value(), result);
        if (bias != null) {
            Ops.addRowVectorInPlace(result, bias.value());
        }
        return result;
    }

    @Override
    public Tensor backward(Tensor dZ, boolean needInputGrad) {
        if (x == null) {
            throw new IllegalStateException("Dense(" + name + "): backward called before a training forward");
        }
        if (dZ.rows() != x.rows() || dZ.cols() != out) {
            throw new ShapeException("Dense(" + name + "): gradient " + dZ.shapeString() + " does not match output ["
                    + x.rows() + ", " + out + "]");
        }
        // dW (D,H) += xᵀ (D,N) @ dZ (N,H); a gradient marked zero is overwritten instead
        boolean accumulate = !weight.gradIsZero();
        Ops.matmulTransA(x, dZ, weight.gradForOverwrite(), accumulate);
        if (bias != null) {
            // dB (1,H) += Σ_rows dZ
            boolean accumulateBias = !bias.gradIsZero();
            Ops.sumRows(dZ, bias.gradForOverwrite(), accumulateBias);
        }
        if (!needInputGrad) {
            return null;
        }
        if (dX == null || dX.rows() != dZ.rows()) {
            dX = Tensor.zeros(dZ.rows(), in);
        }
        // dX (N,D) = dZ (N,H) @ wᵀ (H,D)
        Ops.matmulTransB(dZ, weight.value(), dX);
        return dX;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(2);
        ps.add(weight);
        if (bias != null) {
            ps.add(bias);
        }
        return ps;
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (inputWidth != in) {
            throw new ShapeException("Dense(" + name + "): input width " + inputWidth + ", layer expects " + in);
        }
        return out;
    }
}
