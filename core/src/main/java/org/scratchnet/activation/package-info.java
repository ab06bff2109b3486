/**
 * Activation functions and their derivatives, applied element-wise (softmax: row-wise).
 *
 * <p>May import {@code org.scratchnet.tensor} only.
 */
package org.scratchnet.activation;
