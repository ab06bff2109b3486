/**
 * Layers: thin wrappers that hold parameters and call the kernels in {@code tensor}. A layer
 * never loops over matrix indices itself and never sees optimizer state.
 *
 * <p>May import {@code tensor}, {@code activation} and {@code init}.
 */
package org.scratchnet.layer;
