package org.scratchnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/** Prediction in row chunks (large conv activations) gives the bits of one pass over all rows. */
class ChunkedPredictTest {
    @Test
    void chunksGiveTheSameOutputs() {
        Sequential model = NetSpec.parse("conv 4 3 pad same, relu, maxpool 2, batchnorm, flatten, dense 3")
                .build(new int[] {1, 6, 6}, null, null, 5);
        Rng rng = new Rng(9);
        Tensor x = Tensor.zeros(23, 1, 6, 6);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rng.nextGaussian();
        }
        Tensor whole = model.predict(x, Long.MAX_VALUE);
        Tensor chunked = model.predict(x, 4 * 36 * 5); // the widest activation (4,6,6) for 5 rows: 5 chunks
        assertThat(chunked.shape()).containsExactly(23, 3);
        assertThat(chunked.data()).isEqualTo(whole.data());
        assertThat(model.predict(x).data()).isEqualTo(whole.data());
    }
}
