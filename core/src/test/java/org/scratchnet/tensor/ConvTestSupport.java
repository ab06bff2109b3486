package org.scratchnet.tensor;

import java.util.ArrayList;
import java.util.List;
import org.scratchnet.init.Rng;

/** The two kernel paths and the direct-definition references the convolution tests compare against. */
final class ConvTestSupport {
    /** One implementation pair: the product kernels and the window kernels. */
    record Path(String name, Kernels products, ConvKernels windows) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ConvTestSupport() {
    }

    /** Scalar always; vector (with the small-size shortcut off, so vector code runs on every shape) when present. */
    static List<Path> paths() {
        List<Path> p = new ArrayList<>();
        p.add(new Path("scalar", new ScalarKernels(), new ScalarConvKernels()));
        if (Engine.vectorAvailable()) {
            p.add(new Path("vector", new VectorKernels(0, 0), new VectorConvKernels()));
        }
        return p;
    }

    static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    /** x(n, c, ih, iw) with zero outside the image, as the convolution sees it. */
    static double at(float[] x, ConvGeometry g, int n, int c, int ih, int iw) {
        if (ih < 0 || ih >= g.h || iw < 0 || iw >= g.w) {
            return 0;
        }
        return x[((n * g.c + c) * g.h + ih) * g.w + iw];
    }

    /** y (N,O,OH,OW) straight from the definition, in double. */
    static double[] convDirect(float[] x, int n, ConvGeometry g, float[] w, float[] b, int o) {
        double[] y = new double[n * o * g.outPlane()];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < o; f++) {
                for (int oh = 0; oh < g.oh; oh++) {
                    for (int ow = 0; ow < g.ow; ow++) {
                        double s = b == null ? 0 : b[f];
                        for (int c = 0; c < g.c; c++) {
                            for (int p = 0; p < g.kh; p++) {
                                for (int q = 0; q < g.kw; q++) {
                                    s += w[((f * g.c + c) * g.kh + p) * g.kw + q]
                                            * at(x, g, i, c, oh * g.sh - g.padTop + p, ow * g.sw - g.padLeft + q);
                                }
                            }
                        }
                        y[((i * o + f) * g.oh + oh) * g.ow + ow] = s;
                    }
                }
            }
        }
        return y;
    }

    /** Σ y·r in double: a loss whose gradient with respect to y is r. */
    static double dot(double[] y, float[] r) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * r[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
