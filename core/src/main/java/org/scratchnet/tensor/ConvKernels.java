package org.scratchnet.tensor;

/**
 * Per-image and per-plane loops of convolution and pooling, over flat row-major arrays with
 * explicit offsets (an image {@code (C,H,W)} starts at {@code x[xo]}, a plane {@code (H,W)} at
 * {@code x[xo]}). The drivers {@link Conv2dKernel} and {@link PoolKernels} split work between
 * threads by whole images or planes only, so no summed dimension is ever split.
 *
 * <p>Two implementations: {@link ScalarConvKernels}, the readable reference, and
 * {@code VectorConvKernels}. The pools give the same bits in both (same operations in the same
 * order); {@link #planeSum} may differ by float rounding. {@link #current()} picks the one that
 * matches {@link Engine#kernels()}.
 */
public interface ConvKernels {
    /** "scalar" or "vector", as {@link Kernels#name()}. */
    String name();

    /**
     * One image x (C,H,W) at {@code x[xo]} to its patch matrix col (OH·OW, C·kH·kW) at
     * {@code col[co]}: row {@code oh·OW + ow}, column {@code (c·kH + i)·kW + j} holds
     * x(c, oh·sH − top + i, ow·sW − left + j), or 0 outside the image. Rows are output pixels so
     * that a whole batch stacks into one tall matrix for a single product.
     */
    void im2col(float[] x, int xo, ConvGeometry g, float[] col, int co);

    /** The adjoint of {@link #im2col}: dx (C,H,W) at {@code dx[xo]} += every col entry at its source pixel. */
    void col2im(float[] col, int co, ConvGeometry g, float[] dx, int xo);

    /**
     * Max pooling of one plane x (H,W) at {@code x[xo]} to y (OH,OW) at {@code y[yo]}; arg (OH,OW)
     * at {@code arg[yo]} gets each maximum's index in the plane ({@code h·W + w}). As PyTorch: the
     * first maximum in row-major window order wins, and a NaN in the window propagates.
     */
    void maxPool(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg);

    /** dx (H,W) at {@code dx[xo]} += dy (OH,OW) at {@code dy[yo]} routed to the indices of {@link #maxPool}. */
    void maxPoolBackward(float[] dy, int yo, int[] arg, ConvGeometry g, float[] dx, int xo);

    /**
     * Average pooling of one plane, as PyTorch's {@code AvgPool2d}: the window sum (row-major
     * order, from 0) divided by the window's size clipped to the padded image when
     * {@code countIncludePad}, else by the number of real pixels in it.
     */
    void avgPool(float[] x, int xo, ConvGeometry g, boolean countIncludePad, float[] y, int yo);

    /** dx (H,W) += dy (OH,OW) spread evenly over each window, with {@link #avgPool}'s divisor. */
    void avgPoolBackward(float[] dy, int yo, ConvGeometry g, boolean countIncludePad, float[] dx, int xo);

    /** Sum of x[off, off + len), in float. */
    float planeSum(float[] x, int off, int len);

    /** The implementation matching {@link Engine#kernels()}: vector when the engine uses vector kernels. */
    static ConvKernels current() {
        return "vector".equals(Engine.kernels().name()) ? ConvKernelChoice.vector() : ConvKernelChoice.SCALAR;
    }
}
