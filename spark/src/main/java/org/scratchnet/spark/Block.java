package org.scratchnet.spark;

import java.io.Serializable;

/**
 * One partition's rows, encoded once and cached: x (rows, D) standardized features and y
 * (rows, K) targets (one-hot for more than 2 classes, the class index 0/1 for two, the scaled
 * target for regression), row-major float arrays.
 *
 * @param partition the Spark partition index
 * @param rows      number of rows
 * @param x         features, rows·D values
 * @param y         targets, rows·K values
 */
public record Block(int partition, int rows, float[] x, float[] y) implements Serializable {
}
