package org.scratchnet.bench.sparkml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Mnist;

/**
 * Writes MNIST as two Parquet tables, OUT/train.parquet and OUT/test.parquet: an int column
 * {@code label} (0-9) and 784 float columns {@code p0..p783}, the pixels scaled to [0, 1].
 * Usage: MnistToParquet MNIST_DIR OUT_DIR
 */
public final class MnistToParquet {
    private MnistToParquet() {
    }

    public static void main(String[] args) {
        Path mnist = Path.of(args[0]);
        String out = args[1];
        SparkSession spark = Sessions.local("mnist to parquet");
        StructType schema = new StructType().add("label", DataTypes.IntegerType);
        for (int j = 0; j < 784; j++) {
            schema = schema.add("p" + j, DataTypes.FloatType);
        }
        write(spark, schema, Mnist.train(mnist, 0, false), out + "/train.parquet");
        write(spark, schema, Mnist.test(mnist, 0, false), out + "/test.parquet");
        spark.stop();
    }

    private static void write(SparkSession spark, StructType schema, Dataset d, String path) {
        float[] x = d.x().data(), y = d.y().data();
        List<Row> rows = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            Object[] v = new Object[785];
            int label = 0;
            for (int c = 0; c < 10; c++) {
                label = y[i * 10 + c] > 0.5f ? c : label;
            }
            v[0] = label;
            for (int j = 0; j < 784; j++) {
                v[j + 1] = x[i * 784 + j];
            }
            rows.add(RowFactory.create(v));
        }
        spark.createDataFrame(rows, schema).coalesce(2).write().mode(SaveMode.Overwrite).parquet(path);
        System.out.println("wrote " + d.size() + " rows to " + path);
    }
}
