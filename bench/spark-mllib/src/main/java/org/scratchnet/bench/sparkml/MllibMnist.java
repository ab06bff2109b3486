package org.scratchnet.bench.sparkml;

import java.util.Locale;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * MLlib's MultilayerPerceptronClassifier (layers 784, 256, 10; its only solver for this is
 * full-batch L-BFGS, sigmoid hidden layer) on the Parquet MNIST, on local[2]: prints the
 * training time (fit only, data cached first) and the test accuracy after ITERATIONS.
 * Usage: MllibMnist TRAIN.parquet TEST.parquet ITERATIONS
 */
public final class MllibMnist {
    private MllibMnist() {
    }

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[2]);
        SparkSession spark = Sessions.local("mllib mnist");
        String[] pixels = new String[784];
        for (int j = 0; j < 784; j++) {
            pixels[j] = "p" + j;
        }
        VectorAssembler va = new VectorAssembler().setInputCols(pixels).setOutputCol("features");
        Dataset<Row> train = va.transform(spark.read().parquet(args[0])).select("label", "features").cache();
        Dataset<Row> test = va.transform(spark.read().parquet(args[1])).select("label", "features").cache();
        train.count();
        test.count();
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setLayers(new int[] {784, 256, 10})
                .setMaxIter(iterations).setSeed(42L).setBlockSize(128);
        long t0 = System.nanoTime();
        MultilayerPerceptronClassificationModel model = mlp.fit(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(test));
        System.out.printf(Locale.ROOT, "mllib iterations=%d fit_seconds=%.1f test_accuracy=%.4f%n", iterations, seconds, acc);
        spark.stop();
    }
}
