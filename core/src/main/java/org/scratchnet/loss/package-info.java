/**
 * Loss functions: value and gradient with respect to the network's output, in one pass.
 * Values are accumulated in double; logs are clamped so float32 never yields NaN.
 *
 * <p>May import {@code org.scratchnet.tensor} only.
 */
package org.scratchnet.loss;
