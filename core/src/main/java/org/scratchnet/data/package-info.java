/**
 * Datasets: features x (N, D) with targets y (N, K); seeded generators for the tutorials' toy
 * problems ({@link org.scratchnet.data.Datasets}, {@link org.scratchnet.data.Letters}); the CSV
 * reader ({@link org.scratchnet.data.CsvLoader}) with one-line
 * {@link org.scratchnet.data.DataFormatException} errors; feature
 * {@link org.scratchnet.data.Standardizer standardization}; and MNIST from local IDX files
 * ({@link org.scratchnet.data.MnistIdx}, {@link org.scratchnet.data.Mnist}), never from the network.
 *
 * <p>May import {@code tensor} and {@code init}.
 */
package org.scratchnet.data;
