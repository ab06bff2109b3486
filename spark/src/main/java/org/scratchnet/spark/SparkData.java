package org.scratchnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads {@code --data} sources: {@code parquet:PATH} or {@code csv:PATH} (a file or a directory
 * of part files; CSV with a header row, column types inferred: int, long and double columns are
 * numbers, others text), or a path alone that ends in .parquet or .csv. Any path Spark reads
 * works (hdfs://, s3a://, file:).
 */
public final class SparkData {
    private SparkData() {
    }

    public static Dataset<Row> read(SparkSession spark, String option, String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String path = colon < 0 ? "" : spec.substring(colon + 1);
        String lower = spec.toLowerCase(java.util.Locale.ROOT);
        if (!(kind.equals("parquet") || kind.equals("csv")) && (lower.endsWith(".parquet") || lower.endsWith(".csv"))) {
            kind = lower.endsWith(".csv") ? "csv" : "parquet";
            path = spec;
        }
        if (!(kind.equals("parquet") || kind.equals("csv")) || path.isEmpty()) {
            throw SparkInputException.usage(option + ": expected parquet:PATH or csv:PATH (or a path ending in .parquet"
                    + " or .csv), found '" + spec + "'");
        }
        try {
            return kind.equals("parquet") ? spark.read().parquet(path)
                    : spark.read().option("header", "true").option("inferSchema", "true").csv(path);
        } catch (Exception e) { // AnalysisException is a checked exception that Scala throws undeclared
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (why.contains("PATH_NOT_FOUND") || why.contains("does not exist")) {
                throw SparkInputException.data(option + " " + spec + ": path does not exist");
            }
            if (why.contains("UNABLE_TO_INFER_SCHEMA") || why.contains("Unable to infer schema")) {
                throw SparkInputException.data(option + " " + spec + ": expected " + kind + " files, found none"
                        + " readable (an empty directory?)");
            }
            throw SparkInputException.data(option + " " + spec + ": cannot read (" + why + ")");
        }
    }
}
