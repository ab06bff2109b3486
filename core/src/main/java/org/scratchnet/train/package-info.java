/**
 * Training: the {@link org.scratchnet.train.Trainer} loop, its listeners and
 * {@link org.scratchnet.train.History}, metrics, and {@link org.scratchnet.train.GradientCheck}.
 *
 * <p>May import every core package except {@code io}.
 */
package org.scratchnet.train;
