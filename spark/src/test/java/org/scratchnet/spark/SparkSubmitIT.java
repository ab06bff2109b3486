package org.scratchnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;

/**
 * The thin job jar as a cluster runs it: {@code spark-submit --class org.scratchnet.spark.SparkMain
 * --master local[2] scratchnet-spark-job.jar train ...}, i.e. Spark's own SparkSubmit in a new JVM
 * whose classpath holds Spark's jars and nothing of scratchnet but the job jar. Runs after
 * {@code package} (failsafe), which builds the jar.
 */
class SparkSubmitIT {
    @Test
    void theJobJarTrainsThroughSparkSubmitInLocalMode(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "scratchnet-spark-job.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path csv = dir.resolve("t.csv");
        List<String> lines = new ArrayList<>(List.of("x1,x2,label"));
        for (int i = 0; i < 40; i++) {
            double x1 = (i % 7) / 7.0, x2 = (i % 5) / 5.0;
            lines.add(x1 + "," + x2 + "," + (x1 > x2 ? "up" : "down"));
        }
        Files.write(csv, lines);
        Path model = dir.resolve("m.safetensors");

        String sparkOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("scratchnet") && !e.contains("picocli") && !e.contains("test-classes")
                        && !e.endsWith("classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(System.getProperty("scratchnet.spark.jvm.args", "").trim().split("\\s+")));
        cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", sparkOnly,
                "org.apache.spark.deploy.SparkSubmit", "--class", "org.scratchnet.spark.SparkMain", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", jar.toString(),
                "train", "--data", "csv:" + csv, "--label", "label", "--epochs", "5", "--batch-size", "10",
                "--optimizer", "adam", "--lr", "0.05", "--save", model.toString()));
        cmd.removeIf(String::isEmpty);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("submit.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
        String log = Files.readString(dir.resolve("submit.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("training classification on 40 rows").contains("saved model to");
        SavedModel m = ModelFile.load(model);
        assertThat(m.classNames()).containsExactly("down", "up");
    }
}
