package org.scratchnet.train;

import java.util.stream.IntStream;
import org.scratchnet.model.Sequential;

/** Every parameter value of a model as its raw float bits, in parameter order: for same-bits checks. */
final class WeightBits {
    private WeightBits() {
    }

    static int[] of(Sequential m) {
        return m.parameters().stream().flatMap(p -> {
            float[] d = p.value().data();
            return IntStream.range(0, d.length).mapToObj(i -> Float.floatToRawIntBits(d[i]));
        }).mapToInt(Integer::intValue).toArray();
    }
}
