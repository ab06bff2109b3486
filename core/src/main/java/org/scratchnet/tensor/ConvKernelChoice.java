package org.scratchnet.tensor;

/** Holds the two {@link ConvKernels}; the vector one is loaded reflectively, as {@link Engine} does. */
final class ConvKernelChoice {
    static final ConvKernels SCALAR = new ScalarConvKernels();
    private static volatile ConvKernels vector;

    private ConvKernelChoice() {
    }

    static ConvKernels vector() {
        ConvKernels v = vector;
        if (v == null) {
            try {
                v = (ConvKernels) Class.forName("org.scratchnet.tensor.VectorConvKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                v = SCALAR; // the engine only reports "vector" when the module is present
            }
            vector = v;
        }
        return v;
    }
}
