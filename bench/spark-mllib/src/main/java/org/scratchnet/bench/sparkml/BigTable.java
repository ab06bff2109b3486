package org.scratchnet.bench.sparkml;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A synthetic Parquet table of ROWS rows for the one-epoch scale test: 12 double columns f0..f11
 * (uniform in [0, 1), seeded), a text column {@code region} (4 values) and a label {@code y}
 * (0/1) from a linear rule with noise. Usage: BigTable ROWS OUT.parquet
 */
public final class BigTable {
    private BigTable() {
    }

    public static void main(String[] args) {
        long rows = Long.parseLong(args[0]);
        SparkSession spark = Sessions.local("big table");
        Column[] cols = new Column[14];
        Column score = functions.lit(0.0);
        for (int j = 0; j < 12; j++) {
            cols[j] = functions.rand(100 + j).as("f" + j);
            score = score.plus(functions.rand(100 + j).multiply(j % 2 == 0 ? 1.0 : -1.0));
        }
        cols[12] = functions.element_at(functions.array(functions.lit("north"), functions.lit("south"),
                functions.lit("east"), functions.lit("west")),
                functions.floor(functions.rand(7).multiply(4)).cast("int").plus(1)).as("region");
        cols[13] = functions.when(score.plus(functions.randn(9).multiply(0.3)).gt(0), 1).otherwise(0).as("y");
        spark.range(0, rows, 1, 8).select(cols).write().mode(SaveMode.Overwrite).parquet(args[1]);
        System.out.println("wrote " + rows + " rows to " + args[1]);
        spark.stop();
    }
}
