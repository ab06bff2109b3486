package org.scratchnet.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.scratchnet.tensor.Tensor;

/**
 * Runs an ONNX file in ONNX Runtime (one thread) on one float input. ONNX Runtime unpacks its
 * native library into an {@code onnxruntime-java*} folder in the temp directory and leaves the
 * folder behind, empty: {@link #cleanTemp} removes the ones this JVM made. Shared with the cli
 * module's tests through this module's test-jar.
 */
public final class Ort {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Set<Path> BEFORE = ortFolders();

    private Ort() {
    }

    /** Notes the temp folders present now; call before ONNX Runtime loads when it is not loaded through {@link #run}. */
    public static void watchTemp() {
        // loading this class records BEFORE
    }

    /** x (N, ...sample) through the model's one input; returns its first output with ORT's shape. */
    public static Tensor run(Path model, Tensor x) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            try (OrtSession s = env.createSession(model.toString(), o)) {
                long[] shape = new long[x.rank()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = x.dim(i);
                }
                try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()), shape);
                     OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), in))) {
                    OnnxTensor out = (OnnxTensor) r.get(0);
                    long[] os = out.getInfo().getShape();
                    FloatBuffer fb = out.getFloatBuffer();
                    float[] v = new float[fb.remaining()];
                    fb.get(v);
                    int[] dims = new int[os.length];
                    for (int i = 0; i < os.length; i++) {
                        dims[i] = (int) os[i];
                    }
                    return Tensor.of(v, dims);
                }
            }
        }
    }

    /**
     * Deletes the onnxruntime-java* folders that appeared in the temp directory since this class
     * loaded. ONNX Runtime asks for its unpacked libraries and their folder to be deleted at exit,
     * folder first, so the folder is left behind; the loaded libraries can go now (Linux keeps a
     * deleted library mapped), and then the folder.
     */
    public static void cleanTemp() {
        for (Path p : ortFolders()) {
            if (!BEFORE.contains(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : (Iterable<Path>) s::iterator) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a system that keeps loaded libraries locked: ONNX Runtime's own exit hook removes them
                }
            }
        }
    }

    private static Set<Path> ortFolders() {
        Set<Path> out = new HashSet<>();
        try (Stream<Path> s = Files.list(TMP)) {
            s.filter(p -> p.getFileName().toString().startsWith("onnxruntime-java") && Files.isDirectory(p)).forEach(out::add);
        } catch (IOException e) {
            // no temp listing: nothing to clean
        }
        return out;
    }

    /**
     * Largest |a - b| / max(1, |b|) over two tensors of the same size (shapes may differ by
     * trailing 1s): an absolute difference for values up to 1, relative above (a regression
     * output of 3000 has float steps of 2.4e-4).
     */
    public static double maxDiff(Tensor a, Tensor b) {
        if (a.size() != b.size()) {
            throw new AssertionError("sizes differ: " + a.shapeString() + " vs " + b.shapeString());
        }
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs((double) a.data()[i] - b.data()[i]) / Math.max(1, Math.abs((double) b.data()[i])));
            if (Float.isNaN(a.data()[i]) != Float.isNaN(b.data()[i])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return m;
    }
}
