package org.scratchnet.cli.corpus;

import static org.scratchnet.cli.corpus.BadInputCorpusTest.model;
import static org.scratchnet.cli.corpus.Corpus.data;
import static org.scratchnet.cli.corpus.Corpus.usage;
import static org.scratchnet.cli.corpus.CorpusFiles.model2;
import static org.scratchnet.cli.corpus.CorpusFiles.text;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.scratchnet.data.Npy;
import org.scratchnet.io.ModelFile;
import org.scratchnet.onnx.OnnxExport;
import org.scratchnet.tensor.Tensor;

/** The corpus' ONNX cases: export options, damaged or unsupported ONNX files for import, and predict's .npy input. */
final class OnnxCases {
    private static final String[] IMPORT = {"import", "--onnx", "{d}/m.onnx", "--save", "{d}/out.safetensors"};

    private OnnxCases() {
    }

    /** The export of the corpus' 2 → 4 relu → 1 sigmoid model, edited. */
    static byte[] onnx(UnaryOperator<ModelProto> edit) throws Exception {
        ModelProto m = ModelProto.parseFrom(OnnxExport.toBytes(ModelFile.fromBytes("m", model2()), 17));
        return edit.apply(m).toByteArray();
    }

    /** A one-node graph: input [N, 2] → op → output. */
    static ModelProto single(NodeProto.Builder node, TensorProto... weights) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(value("x", 2)).addOutput(value("y", 3))
                .addNode(node.addOutput("y"));
        Arrays.stream(weights).forEach(g::addInitializer);
        return ModelProto.newBuilder().setIrVersion(8).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).build();
    }

    private static ValueInfoProto value(String name, int d) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        s.addDimBuilder().setDimParam("N");
        s.addDimBuilder().setDimValue(d);
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))).build();
    }

    private static Corpus.Setup file(byte[] bytes) {
        return d -> Files.write(d.resolve("m.onnx"), bytes);
    }

    static List<Corpus> cases() throws Exception {
        byte[] good = onnx(m -> m);
        TensorProto w = TensorProto.newBuilder().setName("w").setDataType(1).addDims(3).addDims(3)
                .addAllFloatData(List.of(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f)).build();
        Corpus.Setup npyModel = both(model(model2()), d -> Files.write(d.resolve("x.npy"), Npy.toBytes(Tensor.zeros(3, 5))));
        String[] predictNpy = {"predict", "--model", "{d}/m.safetensors", "--data", "npy:{d}/x.npy", "--output", "{d}/p.npy"};
        return List.of(
            usage("onnx export opset out of range", model(model2()), "--opset 5: expected 9 to 17",
                    "export", "--model", "{d}/m.safetensors", "--onnx", "{d}/m.onnx", "--opset", "5"),
            data("onnx export to a missing directory", model(model2()), "--onnx {d}/no/m.onnx: directory {d}/no does not exist",
                    "export", "--model", "{d}/m.safetensors", "--onnx", "{d}/no/m.onnx"),
            data("onnx import missing file", d -> { }, "{d}/m.onnx: no such file", IMPORT),
            data("onnx import truncated", file(Arrays.copyOf(good, good.length / 2)),
                    "{d}/m.onnx: not an ONNX model (the protobuf does not parse: …)", IMPORT),
            data("onnx import a CSV file", d -> text(d.resolve("m.onnx"), "x1,x2,label\n1,2,a\n"),
                    "{d}/m.onnx: not an ONNX model (…)", IMPORT),
            data("onnx import opset too new", file(onnx(m -> m.toBuilder().setOpsetImport(0,
                    OperatorSetIdProto.newBuilder().setVersion(18)).build())),
                    "{d}/m.onnx: opset 18 is not supported: expected 6 to 17 (re-export with an opset in that range)", IMPORT),
            data("onnx import unsupported op", file(single(NodeProto.newBuilder().setName("elu1").setOpType("Elu")
                    .addInput("x")).toByteArray()),
                    "{d}/m.onnx: node 'elu1' (Elu): operator Elu is not supported; supported: Gemm, MatMul (+ Add as its bias), …",
                    IMPORT),
            data("onnx import weight does not fit", file(single(NodeProto.newBuilder().setName("fc").setOpType("Gemm")
                    .addInput("x").addInput("w"), w).toByteArray()),
                    "{d}/m.onnx: node 'fc' (Gemm): weight [3, 3] (inputs x units) does not fit input [N, 2]", IMPORT),
            data("onnx import branching graph", file(onnx(m -> {
                GraphProto.Builder g = m.getGraph().toBuilder();
                g.addNode(NodeProto.newBuilder().setName("extra").setOpType("Relu").addInput("input").addOutput("unused"));
                return m.toBuilder().setGraph(g).build();
            })), "{d}/m.onnx: tensor 'input' feeds 2 nodes (…): only a chain of nodes from input to output is supported",
                    IMPORT),
            data("onnx import bad class names", file(onnx(m -> m.toBuilder().addMetadataProps(StringStringEntryProto
                    .newBuilder().setKey("class_names").setValue("a,b")).build())),
                    "{d}/m.onnx: metadata_props class_names is not valid JSON …", IMPORT),
            data("onnx import save to a missing directory", file(good),
                    "--save {d}/no/m.safetensors: directory {d}/no does not exist",
                    "import", "--onnx", "{d}/m.onnx", "--save", "{d}/no/m.safetensors"),
            data("npy not a numpy file", both(model(model2()), d -> text(d.resolve("x.npy"), "1,2\n")),
                    "{d}/x.npy: not a NumPy .npy file (expected the \\x93NUMPY magic)", predictNpy),
            data("npy samples do not fit", npyModel,
                    "{d}/x.npy: array of shape [3, 5] has samples of shape [5], the model expects [2] (batch first)", predictNpy),
            data("npy integer array", both(model(model2()), d -> {
                byte[] b = Npy.toBytes(Tensor.zeros(1, 2));
                String h = new String(b, 10, b.length - 18, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f4", "<i4");
                System.arraycopy(h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 10, h.length());
                Files.write(d.resolve("x.npy"), b);
            }), "{d}/x.npy: dtype '<i4' is not supported: expected float32 ('<f4') or float64 ('<f8'); convert with "
                    + "a.astype(np.float32)", predictNpy));
    }

    private static Corpus.Setup both(Corpus.Setup a, Corpus.Setup b) {
        return BadInputCorpusTest.both(a, b);
    }
}
