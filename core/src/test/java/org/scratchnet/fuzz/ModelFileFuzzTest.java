package org.scratchnet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.ModelFormatException;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/** Thousands of damaged model files: each loads into a usable model or fails with one clean line. */
class ModelFileFuzzTest {
    /** Three valid files: 3→4 tanh→3 leaky_relu→softmax with everything; 2→1 sigmoid; 2→1 regression. */
    static List<byte[]> seeds(Path dir) throws Exception {
        List<SavedModel> models = List.of(
                new SavedModel(Sequential.builder(3).dense(4).activation("tanh").dense(3, false)
                        .activation(new LeakyRelu(0.2f)).activation("softmax").build(11), "cce",
                        new Standardizer(new float[] {0.1f, -2.5f, 1e-7f}, new float[] {1f, 3.3333333f, 0.5f}),
                        List.of("cat", "dog", "bird"), List.of("a", "b", "c"), Task.CLASSIFICATION),
                new SavedModel(Sequential.builder(2).dense(1).activation("sigmoid").build(5), "bce", null,
                        List.of("no", "yes"), List.of("x", "y"), Task.CLASSIFICATION),
                new SavedModel(Sequential.builder(2).dense(1).build(7), "mse", null, List.of(), List.of(),
                        Task.REGRESSION));
        List<byte[]> out = new ArrayList<>();
        for (SavedModel m : models) {
            Path f = dir.resolve("seed.safetensors");
            ModelFile.save(f, m);
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    /** Damages only the JSON header and rewrites the length field, so the checks behind the JSON parser are reached. */
    static byte[] damageHeader(ByteMutator m, byte[] file) {
        int n = (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] h = m.mutate(Arrays.copyOfRange(file, 8, 8 + n));
        return ByteBuffer.allocate(8 + h.length + file.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(file, 8 + n, file.length - 8 - n).array();
    }

    /** A model that loads can predict, and saves and reloads to the same network. */
    private static MutationFuzzer.Check loadCheck() {
        return new MutationFuzzer.Check("load", ModelFile::load, (loaded, workDir) -> {
            Path copy = workDir.resolve("resaved.safetensors");
            SavedModel m = (SavedModel) loaded;
            Sequential net = m.model();
            Tensor out = m.predict(Tensor.zeros(2, net.inputWidth()));
            assertThat(out.shape()).containsExactly(2, net.outputWidth());
            ModelFile.save(copy, m);
            SavedModel back = ModelFile.load(copy);
            assertThat(back.model().summary()).isEqualTo(net.summary());
            assertThat(back.classNames()).isEqualTo(m.classNames());
        });
    }

    @Test
    void damagedModelFilesLoadOrFailCleanly(@TempDir Path dir) throws Exception {
        long seed = MutationFuzzer.property("scratchnet.fuzz.seed", 20261130);
        int variants = (int) MutationFuzzer.property("scratchnet.fuzz.variants", 3000);
        List<byte[]> seeds = seeds(dir);
        long t0 = System.nanoTime();
        MutationFuzzer.Report whole = new MutationFuzzer(dir, "fuzz.safetensors", ModelFormatException.class)
                .run(seed, variants, seeds, loadCheck());
        long t1 = System.nanoTime();
        MutationFuzzer.Report header = new MutationFuzzer(dir, "fuzz.safetensors", ModelFormatException.class)
                .strategy(ModelFileFuzzTest::damageHeader).run(seed + 1, variants, seeds, loadCheck());
        System.out.printf("ModelFileFuzzTest: whole file %.1f s, header only %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
        System.out.println("ModelFileFuzzTest whole file: " + whole);
        System.out.println("ModelFileFuzzTest header only: " + header);
        assertThat(whole.loaded()).isGreaterThan(variants / 200); // flips in the weights still load
        assertThat(whole.rejected()).isGreaterThan(variants / 2);
        assertThat(header.loaded()).isGreaterThan(variants / 100);
        assertThat(header.rejected()).isGreaterThan(variants / 2);
        Set<String> kinds = new TreeSet<>(whole.errorKinds());
        kinds.addAll(header.errorKinds());
        assertThat(kinds).hasSizeGreaterThan(30);
    }
}
