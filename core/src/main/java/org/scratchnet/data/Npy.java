package org.scratchnet.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scratchnet.tensor.Tensor;

/**
 * NumPy {@code .npy} arrays of float32 (what {@code np.save} writes for a float32 array): a
 * tensor of any rank, batch first, e.g. images (N, C, H, W). Format versions 1.0 to 3.0,
 * little-endian {@code <f4} (also {@code <f8}, converted), C order. Problems are one-line
 * {@link DataFormatException}s naming the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads an array of rank ≥ 1 as a tensor of the same shape. */
    public static Tensor read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(file, "no such file");
        } catch (IOException e) {
            throw fail(file, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), b);
    }

    /** Parses the bytes of a .npy file; {@code source} names it in errors. */
    public static Tensor parse(String source, byte[] b) {
        if (b.length < 10 || !startsWithMagic(b)) {
            throw new DataFormatException(source + ": not a NumPy .npy file (expected the \\x93NUMPY magic)");
        }
        int major = b[6];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new DataFormatException(source + ": truncated .npy header");
            }
            headerLen = buf.getInt(8) & 0xFFFFFFFFL;
            start = 12;
        } else {
            throw new DataFormatException(source + ": .npy format version " + major + " is not supported (expected 1 to 3)");
        }
        if (start + headerLen > b.length) {
            throw new DataFormatException(source + ": .npy header of " + headerLen + " bytes is longer than the file (" + b.length + " bytes)");
        }
        String header = new String(b, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(source, DESCR, header, "descr");
        String order = find(source, ORDER, header, "fortran_order");
        String shapeText = find(source, SHAPE, header, "shape");
        if (order.equals("True")) {
            throw new DataFormatException(source + ": the array is in Fortran order; save it with np.ascontiguousarray first");
        }
        int width = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new DataFormatException(source + ": dtype '" + descr + "' is not supported: expected float32 ('<f4')"
                    + " or float64 ('<f8'); convert with a.astype(np.float32)");
        };
        int[] shape = shape(source, shapeText);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        long data = b.length - start - headerLen;
        if (data != count * width) {
            throw new DataFormatException(source + ": shape " + java.util.Arrays.toString(shape) + " needs " + count * width
                    + " bytes of data, the file has " + data);
        }
        float[] v = new float[(int) count];
        ByteBuffer d = ByteBuffer.wrap(b, (int) (start + headerLen), (int) data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            v[i] = width == 4 ? d.getFloat() : (float) d.getDouble();
        }
        return Tensor.of(v, shape);
    }

    /** Writes {@code t} as a float32 .npy array of its shape (version 1.0). */
    public static byte[] toBytes(Tensor t) {
        StringBuilder shape = new StringBuilder();
        for (int d : t.shape()) {
            shape.append(d).append(", ");
        }
        String s = t.rank() == 1 ? shape.toString().trim() : shape.substring(0, Math.max(0, shape.length() - 2));
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + s + "), }");
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(h.length() & 0xFF);
        out.write(h.length() >> 8);
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer d = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : t.data()) {
            d.putFloat(f);
        }
        out.writeBytes(d.array());
        return out.toByteArray();
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String find(String source, Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(source + ": .npy header has no '" + key + "': "
                    + DataFormatException.quote(header.strip()));
        }
        return m.group(1);
    }

    private static int[] shape(String source, String text) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int d = Integer.parseInt(p);
                if (d < 1) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new DataFormatException(source + ": .npy shape (" + text + ") has " + DataFormatException.quote(p)
                        + ", expected sizes of at least 1");
            }
        }
        if (dims.isEmpty()) {
            throw new DataFormatException(source + ": the array is a scalar; expected a batch of samples (rank 1 or more)");
        }
        long count = 1;
        for (int d : dims) {
            count *= Math.max(d, 1);
            if (count > Integer.MAX_VALUE - 16) {
                throw new DataFormatException(source + ": shape (" + text.trim() + ") is too large");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static DataFormatException fail(Path file, String message) {
        return new DataFormatException(file + ": " + message);
    }
}
