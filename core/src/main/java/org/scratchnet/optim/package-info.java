/**
 * Optimizers. Each optimizer owns its state (momentum buffers,
 * Adam moments), keyed by parameter name so it can be saved and restored with a model;
 * layers never see it. {@link org.scratchnet.optim.Optimizers} builds them by name from a
 * JSON-friendly config.
 *
 * <p>May import {@code tensor} and {@code layer}.
 */
package org.scratchnet.optim;
