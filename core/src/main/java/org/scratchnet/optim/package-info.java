/**
 * Optimizers. Each owns its state (momentum buffers, Adam moments), keyed by parameter;
 * layers never see it.
 *
 * <p>May import {@code tensor} and {@code layer}.
 */
package org.scratchnet.optim;
