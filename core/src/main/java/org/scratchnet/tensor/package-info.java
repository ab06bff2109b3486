/**
 * Tensors and the kernels that do all of scratchnet's arithmetic.
 *
 * <p>Shape letters, used everywhere: {@code N} batch rows, {@code D} input features,
 * {@code H} units of a layer, {@code K} classes. A batch {@code x} is {@code [N, D]}, a dense
 * weight is {@code [D, H]} and its bias {@code [1, H]}, so a dense forward pass is
 * {@code z = x @ w + b} exactly as the tutorials write it.
 *
 * <p>Images are {@code [N, C, H, W]}: batch, channels, height, width (in an image shape H is the
 * height, not a layer's units). A convolution weight is {@code [O, C, kH, kW]} (O filters, kernel
 * kH x kW) as PyTorch's, and its output {@code [N, O, OH, OW]}; {@link
 * org.scratchnet.tensor.ConvGeometry} holds the window arithmetic.
 *
 * <p>Storage is float32, row-major and contiguous. {@link org.scratchnet.tensor.Kernels} is the
 * one contract for the heavy loops, with a readable scalar implementation and a Vector-API one;
 * {@link org.scratchnet.tensor.Engine} chooses between them and owns the thread count.
 *
 * <p>This package must not import any other scratchnet package.
 */
package org.scratchnet.tensor;
