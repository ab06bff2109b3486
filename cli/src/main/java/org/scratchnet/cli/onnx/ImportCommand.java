package org.scratchnet.cli.onnx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scratchnet.cli.AtomicFiles;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.train.Network;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.onnx.OnnxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scratchnet import}: an ONNX model (e.g. from torch.onnx.export) as a scratchnet model file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read an ONNX model (opsets " + OnnxImport.MIN_OPSET + " to " + OnnxImport.MAX_OPSET
                + ", a chain of supported operators) and save it as a scratchnet model file.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--onnx", required = true, paramLabel = "FILE.onnx", description = "The ONNX model to read.")
    Path onnxFile;

    @Option(names = "--save", required = true, paramLabel = "MODEL_FILE", description = "Where to save the scratchnet model.")
    Path saveFile;

    @Override
    public Integer call() {
        Checks.writableTarget("--save", saveFile);
        SavedModel saved = OnnxImport.read(onnxFile);
        byte[] bytes = ModelFile.toBytes(saved);
        AtomicFiles.writeOrFail(saveFile, o -> o.write(bytes));
        PrintWriter out = spec.commandLine().getOut();
        out.println("imported " + onnxFile + " (" + Network.describe(saved.model()) + ", loss " + saved.loss() + ", "
                + saved.task().id() + (saved.standardizer() == null ? "" : ", standardized inputs")
                + (saved.classNames().isEmpty() ? "" : ", classes " + saved.classNames()) + ") to " + saveFile);
        out.flush();
        return 0;
    }
}
