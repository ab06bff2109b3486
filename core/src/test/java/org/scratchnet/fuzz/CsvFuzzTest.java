package org.scratchnet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.TabularData;
import org.scratchnet.data.Task;
import org.scratchnet.tensor.Tensor;

/** Thousands of damaged CSV files: each loads into a valid dataset or fails with one clean line. */
class CsvFuzzTest {
    static final List<byte[]> SEEDS = List.of(
            bytes("sepal,petal,species\n5.1,3.5,setosa\n4.9,3.0,versicolor\n6.2,2.9,virginica\n5.9,3.1,setosa\n"),
            bytes("1,2,1\n3,4,0\n-5.5,6e2,1\n0.25,-.5,0\n1e-3,+7,1\n"),
            bytes("\uFEFF\"x;1\";\"y\"\"q\";label\r\n1.5;-2e1;a\r\n\r\n.5;3.;b\r\n\"2\";\"4\";a\r\n"),
            bytes("x1\tx2\ty\n0.1\t0.2\t1.75\n0.3\t0.4\t-2.5\n0.5\t0.6\t3.125\n0.7\t0.8\t0.0625\n"),
            bytes("a,b,c,label\n1,2,3,\"x, y\"\n4,5,6,z\n7,8,9,\"multi\nline\"\n"));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a load must satisfy: x (N, D) finite with N ≥ 1, y (N, K) consistent with the task. */
    static void checkTabular(Object loaded, Path workDir) {
        TabularData d = (TabularData) loaded;
        Tensor x = d.dataset().x();
        Tensor y = d.dataset().y();
        assertThat(x.rows()).isPositive();
        assertThat(x.cols()).isEqualTo(d.featureNames().size()).isPositive();
        assertThat(y.rows()).isEqualTo(x.rows());
        assertFinite(x);
        assertFinite(y);
        assertThat(d.task()).isNotEqualTo(Task.AUTO);
        if (d.task() == Task.REGRESSION) {
            assertThat(d.classNames()).isEmpty();
            assertThat(y.cols()).isEqualTo(1);
            return;
        }
        int k = d.classNames().size();
        assertThat(k).isGreaterThanOrEqualTo(2);
        assertThat(d.classNames()).doesNotHaveDuplicates();
        assertThat(y.cols()).isEqualTo(k == 2 ? 1 : k);
        for (int i = 0; i < y.rows(); i++) {
            float sum = 0;
            for (int j = 0; j < y.cols(); j++) {
                float v = y.get(i, j);
                assertThat(v == 0f || v == 1f).as("y[%d][%d] = %s", i, j, v).isTrue();
                sum += v;
            }
            if (k > 2) {
                assertThat(sum).isEqualTo(1f);
            }
        }
    }

    static void checkFeatures(Object loaded, Path workDir) {
        assertThat(((Tensor) loaded).rows()).isPositive();
        assertFinite((Tensor) loaded);
    }

    static void assertFinite(Tensor t) {
        for (float v : t.data()) {
            assertThat(Float.isFinite(v)).as("value %s", v).isTrue();
        }
    }

    @Test
    void damagedCsvFilesLoadOrFailCleanly(@TempDir Path dir) throws Exception {
        long seed = MutationFuzzer.property("scratchnet.fuzz.seed", 20261130);
        int variants = (int) MutationFuzzer.property("scratchnet.fuzz.variants", 3000);
        MutationFuzzer fuzzer = new MutationFuzzer(dir, "fuzz.csv", DataFormatException.class);
        MutationFuzzer.Report r = fuzzer.run(seed, variants, SEEDS,
                new MutationFuzzer.Check("load", f -> CsvLoader.load(f, new CsvOptions()), CsvFuzzTest::checkTabular),
                new MutationFuzzer.Check("evaluate", f -> CsvLoader.load(f, new CsvOptions().label("-1")
                        .classNames(List.of("0", "1")).expectedFeatures(2)), CsvFuzzTest::checkTabular),
                new MutationFuzzer.Check("predict", f -> CsvLoader.readFeatures(f, -1), CsvFuzzTest::checkFeatures),
                new MutationFuzzer.Check("predict, label dropped", f -> CsvLoader.readFeatures(f, 2, null), (t, work) -> {
                    checkFeatures(t, work);
                    assertThat(((Tensor) t).cols()).isEqualTo(2);
                }));
        System.out.println("CsvFuzzTest: " + r);
        // the campaign must reach both outcomes and many different error paths to mean anything
        assertThat(r.loaded()).isGreaterThan(variants / 10);
        assertThat(r.rejected()).isGreaterThan(variants);
        assertThat(r.errorKinds()).hasSizeGreaterThan(15);
    }
}
