package org.scratchnet.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scratchnet.init.Rng;

/** One local Spark session per test class, and small tables made from a seed. */
final class SparkTestSession {
    private SparkTestSession() {
    }

    /** A session on {@code master} (e.g. local[2]) without the web UI; shuffles use 2 partitions. */
    static SparkSession start(String master) {
        return SparkSession.builder().master(master).appName("scratchnet-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    static JavaSparkContext context(SparkSession s) {
        return JavaSparkContext.fromSparkContext(s.sparkContext());
    }

    /**
     * {@code n} rows of three classes in the plane (columns x1, x2 double, size int, color
     * text, label "a"/"b"/"c"), in {@code partitions} partitions; the label depends on x1, x2
     * and color, so a small network learns it.
     */
    static Dataset<Row> threeClasses(SparkSession s, int n, int partitions, long seed) {
        Rng rng = new Rng(seed);
        List<Row> rows = new ArrayList<>();
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            double x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1);
            String color = colors[rng.nextInt(3)];
            int size = rng.nextInt(10);
            double score = x1 + (color.equals("red") ? 0.8 : 0) - x2;
            String label = score > 0.6 ? "a" : score < -0.4 ? "c" : "b";
            rows.add(RowFactory.create(x1, x2, size, color, label));
        }
        StructType schema = new StructType().add("x1", DataTypes.DoubleType).add("x2", DataTypes.DoubleType)
                .add("size", DataTypes.IntegerType).add("color", DataTypes.StringType)
                .add("label", DataTypes.StringType);
        return s.createDataFrame(context(s).parallelize(rows, partitions), schema);
    }
}
