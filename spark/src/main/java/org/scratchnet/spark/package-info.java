/**
 * Data-parallel training on Apache Spark: a table from any Spark source becomes cached float
 * blocks ({@link org.scratchnet.spark.SparkTable}), and {@link org.scratchnet.spark.SparkTrainer}
 * runs core's split training step in Spark tasks, combining the partitions' gradient sums in a
 * fixed order ({@link org.scratchnet.spark.OrderedSum}); {@link org.scratchnet.spark.SparkMain}
 * is the command line and the job jar's entry point.
 *
 * <p>Imports core and Spark; never the cli, viz or web modules (their libraries must not meet
 * Spark's on one class path). Core never imports this package.
 */
package org.scratchnet.spark;
