/**
 * Optimizers and learning-rate schedules. Each optimizer owns its state (momentum buffers,
 * Adam moments), keyed by parameter name so it can be saved and restored with a model;
 * layers never see it. {@link org.scratchnet.optim.Optimizers} builds optimizers by name from
 * a JSON-friendly config; {@link org.scratchnet.optim.LrSchedules} parses schedule specs, which
 * the trainer's {@code LrScheduler} listener applies.
 *
 * <p>May import {@code tensor} and {@code layer}.
 */
package org.scratchnet.optim;
