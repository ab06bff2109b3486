/**
 * Datasets: features x (N, D) with targets y (N, K), seeded generators for the tutorials' toy
 * problems, and (in later modules of this package) CSV and IDX readers.
 *
 * <p>May import {@code tensor} and {@code init}.
 */
package org.scratchnet.data;
