package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.scratchnet.tensor.Tensor;

/**
 * float32 tensors to and from ONNX {@code TensorProto}s. Values go in {@code raw_data} as
 * little-endian floats (what PyTorch writes); reading also accepts {@code float_data}, and int64
 * tensors (shapes, ratios) as longs.
 */
final class OnnxTensors {
    /** Largest tensor read: one float array must fit in a Java array. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    private OnnxTensors() {
    }

    /** An initializer named {@code name} holding {@code values} with shape {@code dims}. */
    static TensorProto floats(String name, float[] values, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(b.array()));
        for (int d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** An int64 initializer (shapes, indices). */
    static TensorProto longs(String name, long[] values, int... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        for (long v : values) {
            t.addInt64Data(v);
        }
        for (int d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** The dims of {@code t}, checked to be non-negative and to fit an int; {@code where} prefixes errors. */
    static int[] dims(String where, TensorProto t) {
        int[] out = new int[t.getDimsCount()];
        long count = 1;
        for (int i = 0; i < out.length; i++) {
            long d = t.getDims(i);
            if (d < 0 || d > MAX_VALUES) {
                throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has dimension " + d);
            }
            count *= Math.max(d, 1);
            if (count > MAX_VALUES) {
                throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' of shape "
                        + Arrays.toString(t.getDimsList().toArray()) + " is too large");
            }
            out[i] = (int) d;
        }
        return out;
    }

    static int count(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The values of a float tensor as a {@link Tensor} of its own shape (a scalar becomes shape [1]). */
    static Tensor toTensor(String where, TensorProto t) {
        int[] dims = dims(where, t);
        int n = count(dims);
        float[] v;
        // sizes are checked against the data present before anything is allocated, so a forged shape costs nothing
        if (t.getDataType() == TensorProto.DataType.FLOAT.getNumber()) {
            if (t.hasRawData() && !t.getRawData().isEmpty()) {
                ByteString raw = t.getRawData();
                if (raw.size() != 4L * n) {
                    throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has " + raw.size()
                            + " bytes of data, its shape " + Arrays.toString(dims) + " needs " + 4L * n);
                }
                v = new float[n];
                raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            } else {
                requireCount(where, t, t.getFloatDataCount(), n, dims);
                v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = t.getFloatData(i);
                }
            }
        } else if (t.getDataType() == TensorProto.DataType.DOUBLE.getNumber() && !t.hasRawData()) {
            requireCount(where, t, t.getDoubleDataCount(), n, dims);
            v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) t.getDoubleData(i);
            }
        } else {
            throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has data type "
                    + typeName(t.getDataType()) + ", expected FLOAT");
        }
        return Tensor.of(v, dims.length == 0 ? new int[] {1} : dims);
    }

    /** The values of an int64 tensor (Reshape's shape, Dropout's ratio is float). */
    static long[] toLongs(String where, TensorProto t) {
        int n = count(dims(where, t));
        if (t.getDataType() != TensorProto.DataType.INT64.getNumber()) {
            throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has data type "
                    + typeName(t.getDataType()) + ", expected INT64");
        }
        long[] v;
        if (t.hasRawData() && !t.getRawData().isEmpty()) {
            if (t.getRawData().size() != 8L * n) {
                throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has "
                        + t.getRawData().size() + " bytes of data, expected " + 8L * n);
            }
            v = new long[n];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
        } else {
            requireCount(where, t, t.getInt64DataCount(), n, new int[] {n});
            v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = t.getInt64Data(i);
            }
        }
        return v;
    }

    private static void requireCount(String where, TensorProto t, int found, int n, int[] dims) {
        if (found != n) {
            throw new IllegalArgumentException(where + ": tensor '" + t.getName() + "' has " + found
                    + " values, its shape " + Arrays.toString(dims) + " needs " + n);
        }
    }

    static String typeName(int type) {
        TensorProto.DataType d = TensorProto.DataType.forNumber(type);
        return d == null ? Integer.toString(type) : d.name();
    }
}
