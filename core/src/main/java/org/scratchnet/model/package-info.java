/**
 * Models: {@link org.scratchnet.model.Sequential} (a stack of layers) and the Rosenblatt
 * {@link org.scratchnet.model.Perceptron}.
 *
 * <p>May import {@code tensor}, {@code activation}, {@code init} and {@code layer}; never
 * {@code train}, {@code data} or {@code io}.
 */
package org.scratchnet.model;
