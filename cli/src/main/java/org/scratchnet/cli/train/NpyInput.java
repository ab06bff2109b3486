package org.scratchnet.cli.train;

import java.nio.file.Path;
import java.util.Arrays;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Npy;
import org.scratchnet.tensor.Tensor;

/** {@code --data npy:FILE} for predict: a float32 NumPy array, batch first, checked against the model's input shape. */
final class NpyInput {
    private NpyInput() {
    }

    /**
     * x (N, ...sample): the array as it is when its sample shape is the model's, or rows of D
     * values viewed as the model's sample shape (e.g. [N, 784] for [1, 28, 28] images).
     */
    static Tensor features(String spec, int[] sample) {
        String p = spec.substring(spec.indexOf(':') + 1);
        if (p.isBlank()) {
            throw Checks.usage("--data npy:PATH needs a file path after 'npy:'");
        }
        Tensor x = Npy.read(Path.of(p));
        int n = x.rank() == 1 ? 1 : x.dim(0);
        int[] found = x.rank() == 1 ? x.shape() : Arrays.copyOfRange(x.shape(), 1, x.rank());
        int d = 1;
        for (int s : sample) {
            d *= s;
        }
        if (Arrays.equals(found, sample) || (found.length == 1 && found[0] == d)) {
            int[] shape = new int[sample.length + 1];
            shape[0] = n;
            System.arraycopy(sample, 0, shape, 1, sample.length);
            return x.reshape(shape);
        }
        throw new DataFormatException(p + ": array of shape " + Arrays.toString(x.shape()) + " has samples of shape "
                + Arrays.toString(found) + ", the model expects " + Arrays.toString(sample) + " (batch first)");
    }
}
