package org.scratchnet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.onnx.OnnxExport;
import org.scratchnet.onnx.OnnxFormatException;
import org.scratchnet.onnx.OnnxImport;
import org.scratchnet.tensor.Tensor;

/**
 * Thousands of damaged ONNX files through {@link OnnxImport}, as the model-file reader is fuzzed:
 * each imports into a model that predicts and saves, or fails with one line naming the file.
 * Besides damage anywhere in the file, one strategy damages a single node or initializer and
 * re-encodes the graph around it, so the checks behind the protobuf parser are reached.
 */
class OnnxFuzzTest {
    static List<byte[]> seeds() {
        Sequential mlp = NetSpec.parse("dense 5, tanh, dropout 0.2, dense 3").build(new int[] {3}, null, null, 1);
        Sequential cnn = NetSpec.parse("conv 2 3 pad 1, batchnorm, relu, maxpool 2, avgpool 1, flatten, dense 2")
                .build(new int[] {1, 4, 4}, null, null, 2);
        Sequential bin = NetSpec.parse("dense 3, leaky_relu 0.1, dense 1, sigmoid").build(new int[] {2}, null, null, 3);
        return List.of(
                OnnxExport.toBytes(new SavedModel(mlp, "softmax_ce", new Standardizer(new float[] {1, 2, 3},
                        new float[] {1, 0.5f, 2}), List.of("a", "b", "c"), List.of("x", "y", "z"), Task.CLASSIFICATION), 17),
                OnnxExport.toBytes(new SavedModel(cnn, "softmax_ce", null, List.of(), List.of(), Task.CLASSIFICATION), 11),
                OnnxExport.toBytes(new SavedModel(bin, "bce", null, List.of("no", "yes"), List.of(), Task.CLASSIFICATION), 9));
    }

    /** Damages one node or one initializer (chosen by the mutator's own damage) and re-encodes the model. */
    static byte[] damagePart(ByteMutator m, byte[] file) {
        try {
            ModelProto model = ModelProto.parseFrom(file);
            GraphProto.Builder g = model.getGraph().toBuilder();
            int pick = Math.abs(Arrays.hashCode(m.mutate(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
            int parts = g.getNodeCount() + g.getInitializerCount();
            int i = pick % parts;
            if (i < g.getNodeCount()) {
                g.setNode(i, NodeProto.parseFrom(m.mutate(g.getNode(i).toByteArray())));
            } else {
                i -= g.getNodeCount();
                g.setInitializer(i, TensorProto.parseFrom(m.mutate(g.getInitializer(i).toByteArray())));
            }
            return model.toBuilder().setGraph(g).build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            return m.mutate(file); // the damaged part no longer parses: damage the whole file instead
        }
    }

    /** A model that imports predicts [N, K] and survives a save and load. */
    private static MutationFuzzer.Check importCheck() {
        return new MutationFuzzer.Check("import", OnnxImport::read, (loaded, workDir) -> {
            SavedModel m = (SavedModel) loaded;
            int[] in = m.model().inputShape();
            int[] shape = new int[in.length + 1];
            shape[0] = 2;
            System.arraycopy(in, 0, shape, 1, in.length);
            Tensor out = m.predict(Tensor.zeros(shape));
            assertThat(out.rows()).isEqualTo(2);
            SavedModel back = ModelFile.fromBytes("resaved", ModelFile.toBytes(m));
            assertThat(back.model().summary()).isEqualTo(m.model().summary());
        });
    }

    @Test
    void damagedOnnxFilesImportOrFailCleanly(@TempDir Path dir) throws Exception {
        long seed = MutationFuzzer.property("scratchnet.fuzz.seed", 20261201);
        int variants = (int) MutationFuzzer.property("scratchnet.fuzz.variants", 3000);
        List<byte[]> seeds = seeds();
        MutationFuzzer.Report whole = new MutationFuzzer(dir, "fuzz.onnx", OnnxFormatException.class)
                .run(seed, variants, seeds, importCheck());
        MutationFuzzer.Report part = new MutationFuzzer(dir, "fuzz.onnx", OnnxFormatException.class)
                .strategy(OnnxFuzzTest::damagePart).run(seed + 1, variants, seeds, importCheck());
        System.out.println("OnnxFuzzTest whole file: " + whole);
        System.out.println("OnnxFuzzTest one node or initializer: " + part);
        assertThat(whole.loaded()).isGreaterThan(variants / 100); // flips in the weights still import
        assertThat(whole.rejected()).isGreaterThan(variants / 4);
        assertThat(part.rejected()).isGreaterThan(variants / 4);
        Set<String> kinds = new TreeSet<>(whole.errorKinds());
        kinds.addAll(part.errorKinds());
        assertThat(kinds).hasSizeGreaterThan(25);
    }
}
