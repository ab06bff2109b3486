package org.scratchnet.cli.onnx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scratchnet.cli.AtomicFiles;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.train.Network;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scratchnet export}: a saved model as an ONNX file whose output is what predict reports. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a saved model as ONNX (standardizer, layers and output head; the output equals predict's probabilities).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE", description = "A model saved by train or import.")
    Path modelFile;

    @Option(names = "--onnx", required = true, paramLabel = "FILE.onnx", description = "The ONNX file to write.")
    Path onnxFile;

    @Option(names = "--opset", defaultValue = "" + OnnxExport.DEFAULT_OPSET,
            description = "ONNX opset to write, " + OnnxExport.MIN_OPSET + " to " + OnnxExport.MAX_OPSET + " (default: ${DEFAULT-VALUE}).")
    int opset;

    @Override
    public Integer call() {
        if (opset < OnnxExport.MIN_OPSET || opset > OnnxExport.MAX_OPSET) {
            throw Checks.usage("--opset " + opset + ": expected " + OnnxExport.MIN_OPSET + " to " + OnnxExport.MAX_OPSET);
        }
        Checks.writableTarget("--onnx", onnxFile);
        SavedModel saved = ModelFile.load(modelFile);
        byte[] bytes = OnnxExport.toBytes(saved, opset);
        AtomicFiles.writeOrFail(onnxFile, o -> o.write(bytes));
        PrintWriter out = spec.commandLine().getOut();
        out.println("exported " + modelFile + " (" + Network.describe(saved.model()) + ") to " + onnxFile + ": opset "
                + opset + ", " + bytes.length + " bytes");
        out.flush();
        return 0;
    }
}
