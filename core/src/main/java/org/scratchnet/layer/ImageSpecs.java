package org.scratchnet.layer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Network-spec words and configuration values of the image layers: sizes per axis written
 * {@code 3} or {@code 3x5} (height x width), pads {@code 1}, {@code 1x2} or per side
 * {@code T:B:L:R}, and the config lists {@code [kH, kW]}, {@code [sH, sW]}, {@code [top, bottom, left, right]}.
 */
final class ImageSpecs {
    /** Largest kernel, stride or pad a spec or model file may ask for. */
    static final int MAX_WINDOW = 1 << 12;
    static final int MAX_FILTERS = 1 << 16;

    private ImageSpecs() {
    }

    /** "3" → [3, 3]; "3x5" → [3, 5]. */
    static List<Integer> pair(String word, String what, String text, int min) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (p.length == 1 || p.length == 2) {
            try {
                int a = Integer.parseInt(p[0]), b = Integer.parseInt(p[p.length - 1]);
                if (a >= min && b >= min && a <= MAX_WINDOW && b <= MAX_WINDOW) {
                    return ImageShapes.list(a, b);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(word + ": " + what + " must be N or HxW with integers in " + min + ".."
                + MAX_WINDOW + ", found '" + text + "'");
    }

    /** "1" → [1, 1, 1, 1]; "1x2" → [1, 1, 2, 2]; "0:1:0:1" → per side; "valid" → zeros; "same" → total k − 1, extra at the bottom/right. */
    static List<Integer> pads(String word, String text, List<Integer> kernel, List<Integer> stride) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.equals("valid")) {
            return ImageShapes.list(0, 0, 0, 0);
        }
        if (t.equals("same")) {
            if (stride.get(0) != 1 || stride.get(1) != 1) {
                throw new IllegalArgumentException(word + ": pad same needs stride 1 (as PyTorch); give the pads instead");
            }
            int th = kernel.get(0) - 1, tw = kernel.get(1) - 1;
            return ImageShapes.list(th / 2, th - th / 2, tw / 2, tw - tw / 2);
        }
        if (t.contains(":")) {
            String[] p = t.split(":", -1);
            if (p.length == 4) {
                List<Integer> out = new ArrayList<>();
                for (String s : p) {
                    Integer v = nonNegative(s);
                    if (v == null) {
                        break;
                    }
                    out.add(v);
                }
                if (out.size() == 4) {
                    return out;
                }
            }
        } else {
            String[] p = t.split("x", -1);
            if (p.length <= 2) {
                Integer a = nonNegative(p[0]), b = nonNegative(p[p.length - 1]);
                if (a != null && b != null) {
                    return ImageShapes.list(a, a, b, b);
                }
            }
        }
        throw new IllegalArgumentException(word + ": pad must be P, PHxPW, TOP:BOTTOM:LEFT:RIGHT (integers in 0.."
                + MAX_WINDOW + "), same or valid, found '" + text + "'");
    }

    private static Integer nonNegative(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 0 && v <= MAX_WINDOW ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads "stride S", "pad P" and flags after the positional words; returns the unknown words' complaint or fills {@code out}. */
    static Map<String, String> options(String word, List<String> args, int from, List<String> flags, String usage) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = from; i < args.size(); i++) {
            String a = args.get(i).toLowerCase(java.util.Locale.ROOT);
            if ((a.equals("stride") || a.equals("pad")) && i + 1 < args.size() && !out.containsKey(a)) {
                out.put(a, args.get(++i));
            } else if (flags.contains(a) && !out.containsKey(a)) {
                out.put(a, "true");
            } else {
                throw new IllegalArgumentException("unexpected '" + args.get(i) + "': expected '" + usage + "'");
            }
        }
        return out;
    }

    /** A list of {@code size} integers in [min, MAX_WINDOW] under {@code key}, from code or a model file. */
    static int[] ints(Map<String, ?> config, String key, int size, int min) {
        Object v = config.get(key);
        if (v instanceof List<?> l && l.size() == size) {
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                if (!(l.get(i) instanceof Number n)) {
                    out = null;
                    break;
                }
                BigDecimal b = new BigDecimal(n.toString());
                if (b.stripTrailingZeros().scale() > 0 || b.compareTo(BigDecimal.valueOf(min)) < 0
                        || b.compareTo(BigDecimal.valueOf(MAX_WINDOW)) > 0) {
                    out = null;
                    break;
                }
                out[i] = b.intValueExact();
            }
            if (out != null) {
                return out;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\": expected a list of " + size + " integers in " + min + ".."
                + MAX_WINDOW + ", found " + Configs.describe(v));
    }

    /** "3x3", or "3" when square. */
    static String axes(List<?> pair) {
        return pair.get(0) + "x" + pair.get(1);
    }
}
