package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every layer type there is. A new layer type is added to {@link #ALL} and nowhere else. */
public final class LayerTypes {
    /** All types, in the order help texts list them. */
    public static final List<LayerType> ALL = List.of(Dense.TYPE, ActivationLayer.TYPE, Dropout.TYPE, Flatten.TYPE,
            Conv2D.TYPE, MaxPool2D.TYPE, AvgPool2D.TYPE, GlobalAvgPool.TYPE, BatchNorm.TYPE, Features.TYPE);

    private LayerTypes() {
    }

    /** The type a model file names, or null. */
    public static LayerType byName(String name) {
        for (LayerType t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The type a network-spec word starts (case-insensitive), or null. */
    public static LayerType byToken(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('-', '_');
        for (LayerType t : ALL) {
            if (t.tokens().contains(w)) {
                return t;
            }
        }
        return null;
    }

    /** The type names, for messages. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        ALL.forEach(t -> out.add(t.name()));
        return out;
    }

    /** "dense UNITS [nobias]; relu|tanh|...; dropout P; flatten", for help and errors. */
    public static String usage() {
        List<String> out = new ArrayList<>();
        ALL.forEach(t -> out.add(t.usage()));
        return String.join("; ", out);
    }

    /** The type of {@code layer} (every layer's {@link Layer#type} names one of {@link #ALL}). */
    public static LayerType of(Layer layer) {
        LayerType t = byName(layer.type());
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' has type '" + layer.type()
                    + "', which is not one of " + names());
        }
        return t;
    }
}
