package org.scratchnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scratchnet.tensor.Tensor;

/**
 * MNIST from a directory holding the four IDX files, raw or gzip-compressed
 * ({@code train-images-idx3-ubyte} or {@code train-images-idx3-ubyte.gz}, and so on). This
 * class only reads files; it never touches the network. {@code ./scratchnet data fetch mnist}
 * downloads and verifies the files.
 *
 * <p>The result is x (N, 784) with pixels scaled to [0, 1] and then, when {@code normalize} is
 * set, standardized with the training set's mean 0.1307 and standard deviation 0.3081 (the
 * PyTorch tutorial's {@code transforms.Normalize}); y (N, 10) is one-hot.
 */
public final class Mnist {
    /** The command that downloads the files, quoted in the message for a missing file. */
    public static final String FETCH_COMMAND = "./scratchnet data fetch mnist";
    /** The tutorial's normalization: mean and standard deviation of the training pixels in [0, 1]. */
    public static final float MEAN = 0.1307f;
    public static final float STD = 0.3081f;
    public static final int CLASSES = 10;
    /** The four file names, without {@code .gz}: train images, train labels, test images, test labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private Mnist() {
    }

    /** The 60,000 training images (the first {@code limit} of them when limit &gt; 0). */
    public static Dataset train(Path dir, int limit, boolean normalize) {
        return load(dir, FILES.get(0), FILES.get(1), limit, normalize, false);
    }

    /** The 10,000 test images (the first {@code limit} of them when limit &gt; 0). */
    public static Dataset test(Path dir, int limit, boolean normalize) {
        return load(dir, FILES.get(2), FILES.get(3), limit, normalize, false);
    }

    /**
     * As {@link #train(Path, int, boolean)}, with the pixels kept as bytes until a batch needs them
     * ({@link Dataset#compact}): 47 MB instead of 188 MB for all 60,000; batches get the same floats.
     */
    public static Dataset trainCompact(Path dir, int limit, boolean normalize) {
        return load(dir, FILES.get(0), FILES.get(1), limit, normalize, true);
    }

    /** As {@link #test(Path, int, boolean)}, compact (see {@link #trainCompact}). */
    public static Dataset testCompact(Path dir, int limit, boolean normalize) {
        return load(dir, FILES.get(2), FILES.get(3), limit, normalize, true);
    }

    /** Where a file is: {@code dir/name} if present, else {@code dir/name.gz}; a clear error if neither. */
    public static Path locate(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataFormatException("MNIST file " + name + " (or " + name + ".gz) not found in " + dir
                + ": run `" + FETCH_COMMAND + "` to download it, or point to a directory holding the four IDX files");
    }

    /** True when all four files are present in {@code dir} (raw or .gz). */
    public static boolean isPresent(Path dir) {
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) {
                return false;
            }
        }
        return true;
    }

    private static Dataset load(Path dir, String imagesName, String labelsName, int limit, boolean normalize,
            boolean compact) {
        Path imagesFile = locate(dir, imagesName);
        Path labelsFile = locate(dir, labelsName);
        MnistIdx labels = MnistIdx.read(labelsFile, MnistIdx.LABELS_MAGIC);
        MnistIdx images = MnistIdx.read(imagesFile, MnistIdx.IMAGES_MAGIC);
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labelsFile.toString(), 4, "item count",
                    images.count() + " labels (as many as " + imagesFile.getFileName() + " has images)",
                    Integer.toString(labels.count()));
        }
        if (!compact) {
            return toDataset(images, labels, labelsFile.toString(), limit, normalize);
        }
        int[] dims = images.dims();
        int n = limit > 0 ? Math.min(limit, images.count()) : images.count();
        int d = dims[1] * dims[2];
        byte[] px = n == images.count() ? images.data() : java.util.Arrays.copyOf(images.data(), n * d);
        Tensor y = oneHot(labels, labelsFile.toString(), n);
        return Dataset.compact(new ByteRows(px, n, new int[] {d}, pixelTable(normalize)), y, classNames());
    }

    /**
     * Images (N, rows, cols) and labels (N) as a dataset of the first {@code limit} items
     * (all when limit ≤ 0 or larger than N). Labels must be digits 0-9.
     */
    public static Dataset toDataset(MnistIdx images, MnistIdx labels, String labelsName, int limit, boolean normalize) {
        int[] dims = images.dims();
        int n = limit > 0 ? Math.min(limit, images.count()) : images.count();
        int d = dims[1] * dims[2];
        float[] table = pixelTable(normalize);
        byte[] px = images.data();
        float[] x = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < x.length; i++) {
            x[i] = table[px[i] & 0xFF];
        }
        return new Dataset(Tensor.of(x, n, d), oneHot(labels, labelsName, n), classNames());
    }

    /** Labels as one-hot rows (n, 10), the first n of them; every label (not only the first n) must be 0-9. */
    private static Tensor oneHot(MnistIdx labels, String labelsName, int n) {
        byte[] lab = labels.data();
        float[] y = new float[n * CLASSES];
        for (int i = 0; i < lab.length; i++) {
            int label = lab[i] & 0xFF;
            if (label >= CLASSES) {
                throw new IdxFormatException(labelsName, 8L + i, "label " + (i + 1), "a digit 0-9",
                        Integer.toString(label));
            }
            if (i < n) {
                y[i * CLASSES + label] = 1f;
            }
        }
        return Tensor.of(y, n, CLASSES);
    }

    private static List<String> classNames() {
        List<String> names = new ArrayList<>(CLASSES);
        for (int c = 0; c < CLASSES; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** Value of each byte 0..255: b/255, then (v - MEAN)/STD when normalizing, in float as PyTorch. */
    static float[] pixelTable(boolean normalize) {
        float[] t = new float[256];
        for (int b = 0; b < 256; b++) {
            float v = b / 255f;
            t[b] = normalize ? (v - MEAN) / STD : v;
        }
        return t;
    }
}
