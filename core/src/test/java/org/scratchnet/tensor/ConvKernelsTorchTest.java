package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.ConvTestSupport.Path;

/**
 * Pooling, global average pooling, convolution and batch norm against values PyTorch 1.13
 * computed once in double ({@code fixtures/make_conv_kernels_torch.py}, output checked in as
 * {@code fixtures/conv_kernels_torch.txt}), in both kernel paths: outputs and input gradients for
 * the loss Σ y·r, max/avg pooling with symmetric, one-sided and stride-not-dividing pads and
 * {@code count_include_pad} both ways, widths 63 and 65 so the vector pools run their edges.
 * Match: relative 1e-5 with an absolute floor of 1e-6.
 */
class ConvKernelsTorchTest {
    /** One fixture case: its parameters and named tensors (values as float, shapes kept). */
    record Case(String name, Map<String, String> params, Map<String, float[]> t, Map<String, int[]> shapes) {
        int p(String key) {
            return Integer.parseInt(params.get(key));
        }

        float f(String key) {
            return Float.parseFloat(params.get(key));
        }
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ConvKernelsTorchTest.class.getResourceAsStream("/fixtures/conv_kernels_torch.txt"), StandardCharsets.UTF_8))) {
            Case cur = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                if (f[0].equals("case")) {
                    Map<String, String> params = new LinkedHashMap<>();
                    for (int i = 2; i < f.length; i++) {
                        String[] kv = f[i].split("=");
                        params.put(kv[0], kv[1]);
                    }
                    cur = new Case(f[1], params, new LinkedHashMap<>(), new LinkedHashMap<>());
                    out.add(cur);
                    continue;
                }
                String[] dims = f[1].split(",");
                int[] shape = new int[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = Integer.parseInt(dims[i]);
                }
                float[] v = new float[f.length - 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Double.parseDouble(f[i + 2]);
                }
                cur.t().put(f[0], v);
                cur.shapes().put(f[0], shape);
            }
        }
        return out;
    }

    private static void close(String what, float[] got, float[] want) {
        assertThat(got.length).as(what + " length").isGreaterThanOrEqualTo(want.length);
        for (int i = 0; i < want.length; i++) {
            double tol = Math.max(1e-5 * Math.abs(want[i]), 1e-6);
            assertThat((double) got[i]).as("%s[%d]", what, i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(tol));
        }
    }

    private static ConvGeometry geometry(Case c, int[] xs) {
        return new ConvGeometry(xs[1], xs[2], xs[3], c.p("kh"), c.p("kw"), c.p("sh"), c.p("sw"),
                c.p("top"), c.p("bottom"), c.p("left"), c.p("right"));
    }

    @Test
    void everyKernelMatchesPyTorch() throws IOException {
        int checked = 0;
        for (Case c : cases()) {
            for (Path path : ConvTestSupport.paths()) {
                String what = c.name() + " " + path;
                String kind = c.params().get("kind");
                float[] x = c.t().get("x"), r = c.t().get("r");
                int[] xs = c.shapes().get("x");
                int n = xs[0];
                float[] y = new float[c.t().get("y").length];
                float[] dx = new float[x.length];
                java.util.Arrays.fill(dx, Float.NaN); // every input gradient must be written
                switch (kind) {
                    case "max": {
                        ConvGeometry g = geometry(c, xs);
                        int[] arg = new int[y.length];
                        PoolKernels.maxPool(path.windows(), x, n, g, y, arg);
                        PoolKernels.maxPoolBackward(path.windows(), r, arg, n, g, dx);
                        break;
                    }
                    case "avg": {
                        ConvGeometry g = geometry(c, xs);
                        boolean include = c.p("include") == 1;
                        PoolKernels.avgPool(path.windows(), x, n, g, include, y);
                        PoolKernels.avgPoolBackward(path.windows(), r, n, g, include, dx);
                        break;
                    }
                    case "gap": {
                        int planes = xs[0] * xs[1], plane = xs[2] * xs[3];
                        PoolKernels.globalAvgPool(path.windows(), x, planes, plane, y);
                        PoolKernels.globalAvgPoolBackward(r, planes, plane, dx);
                        break;
                    }
                    case "conv": {
                        ConvGeometry g = geometry(c, xs);
                        Conv2dKernel conv = new Conv2dKernel(g, c.p("o"), path.products(), path.windows());
                        float[] w = c.t().get("w"), b = c.t().get("b");
                        conv.forward(x, n, w, b, y);
                        float[] dW = new float[w.length], dB = new float[b.length];
                        java.util.Arrays.fill(dW, Float.NaN); // not accumulating: overwritten
                        java.util.Arrays.fill(dB, Float.NaN);
                        conv.backward(r, n, w, dW, dB, dx, false);
                        close(what + " dw", dW, c.t().get("dw"));
                        close(what + " db", dB, c.t().get("db"));
                        break;
                    }
                    case "bn": {
                        int ch = xs[1], s = xs.length == 4 ? xs[2] * xs[3] : 1;
                        float[] mean = new float[ch], var = new float[ch];
                        float eps = c.f("eps");
                        BatchNormKernels.stats(x, n, ch, s, mean, var);
                        BatchNormKernels.normalize(x, n, ch, s, mean, var, eps, c.t().get("gamma"), c.t().get("beta"), y);
                        float[] dG = new float[ch], dBeta = new float[ch];
                        BatchNormKernels.backward(x, r, n, ch, s, mean, var, eps, c.t().get("gamma"), dG, dBeta, dx);
                        close(what + " dgamma", dG, c.t().get("dgamma"));
                        close(what + " dbeta", dBeta, c.t().get("dbeta"));
                        float[] rm = c.t().get("run_mean0").clone(), rv = c.t().get("run_var0").clone();
                        BatchNormKernels.updateRunning(rm, rv, mean, var, ch, (long) n * s, c.f("momentum"));
                        close(what + " running mean", rm, c.t().get("run_mean"));
                        close(what + " running var", rv, c.t().get("run_var"));
                        break;
                    }
                    default:
                        throw new AssertionError("unknown kind " + kind);
                }
                close(what + " y", y, c.t().get("y"));
                close(what + " dx", dx, c.t().get("dx"));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15 * ConvTestSupport.paths().size());
    }
}
