package org.scratchnet.cli.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchnet.cli.tables.TablesTest.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun.Result;
import org.scratchnet.init.Rng;

/**
 * Regression with the default settings on a table whose target is in the hundreds: it trains
 * without diverging and its test R² is within 0.05 of ordinary least squares (what scikit-learn's
 * LinearRegression computes) on the same split, solved here in double.
 */
class RegressionDefaultsTest {
    @TempDir
    Path dir;

    /** price = 300 + 60·area − 40·age + 50·[zone = b] + noise(σ 40); area, age ~ N(0, 1); zone a/b/c. */
    private static List<double[]> rows(int n, long seed) {
        Rng rng = new Rng(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double area = rng.nextGaussian(), age = rng.nextGaussian();
            int zone = i % 3;
            double price = 300 + 60 * area - 40 * age + (zone == 1 ? 50 : 0) + 40 * rng.nextGaussian();
            out.add(new double[] {area, age, zone, price});
        }
        return out;
    }

    private static Path write(Path file, List<double[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("price,area,zone,age\n");
        for (double[] r : rows) {
            sb.append(String.format(Locale.ROOT, "%.2f,%.4f,%s,%.4f%n", r[3], r[0], "abc".charAt((int) r[2]), r[1]));
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void defaultsTrainARegressionTableAsWellAsLeastSquares() throws IOException {
        List<double[]> train = rows(400, 5), test = rows(150, 6);
        Path model = dir.resolve("r.safetensors");
        Path metrics = dir.resolve("m.json");
        Result tr = ok("train", "--data", "csv:" + write(dir.resolve("train.csv"), train), "--label", "price",
                "--save", model.toString(), "--metrics-out", metrics.toString(), "--quiet");
        assertThat(tr.out()).contains("regression target", "target standardized", "adam", "weight decay", "patience")
                .containsPattern("train mae = [0-9.]+, train r2 = 0\\.[5-9]");
        assertThat(Files.readString(metrics)).contains("\"train_r2\"", "\"val_mae\"");
        Result ev = ok("evaluate", "--model", model.toString(), "--data", "csv:" + write(dir.resolve("test.csv"), test));
        double r2 = ev.number("r2 = ([-0-9.]+)");
        double mae = ev.number("mae = ([0-9.]+)");
        double ols = olsR2(train, test);
        assertThat(ols).as("least squares on this table").isBetween(0.6, 0.9);
        assertThat(r2).as("default settings vs least squares %.4f", ols).isGreaterThan(ols - 0.05);
        assertThat(mae).as("MAE in the target's unit (noise σ 40)").isBetween(25.0, 45.0);

        Result p = ok("predict", "--model", model.toString(), "--input", "0,b,0");
        double value = Double.parseDouble(p.out().lines().skip(1).findFirst().orElseThrow().split(",")[1]);
        assertThat(value).as("prediction in the target's unit (true mean 350)").isBetween(310.0, 390.0);
    }

    /** Test R² of least squares with an intercept on area, age and one-hot zone (b, c; a is the base). */
    static double olsR2(List<double[]> train, List<double[]> test) {
        int p = 5;
        double[][] a = new double[p][p + 1];
        for (double[] r : train) {
            double[] f = features(r);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += f[i] * f[j];
                }
                a[i][p] += f[i] * r[3];
            }
        }
        double[] w = solve(a);
        double mean = test.stream().mapToDouble(r -> r[3]).average().orElseThrow();
        double se = 0, tot = 0;
        for (double[] r : test) {
            double[] f = features(r);
            double y = 0;
            for (int i = 0; i < p; i++) {
                y += w[i] * f[i];
            }
            se += (y - r[3]) * (y - r[3]);
            tot += (r[3] - mean) * (r[3] - mean);
        }
        return 1 - se / tot;
    }

    private static double[] features(double[] r) {
        return new double[] {1, r[0], r[1], r[2] == 1 ? 1 : 0, r[2] == 2 ? 1 : 0};
    }

    /** Gauss-Jordan with partial pivoting on the augmented matrix a (p, p+1). */
    private static double[] solve(double[][] a) {
        int p = a.length;
        for (int c = 0; c < p; c++) {
            int best = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            double[] t = a[c];
            a[c] = a[best];
            a[best] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] w = new double[p];
        for (int i = 0; i < p; i++) {
            w[i] = a[i][p] / a[i][i];
        }
        return w;
    }
}
