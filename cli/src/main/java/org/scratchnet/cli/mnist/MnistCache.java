package org.scratchnet.cli.mnist;

import java.nio.file.Path;

/** Where MNIST lives by default: {@code $XDG_CACHE_HOME/scratchnet/mnist}, else {@code ~/.cache/scratchnet/mnist}. */
public final class MnistCache {
    private MnistCache() {
    }

    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("scratchnet").resolve("mnist");
    }

    /** Accepts {@code DIR} or {@code mnist:DIR} (the form the train/evaluate commands use); null = default. */
    public static Path parse(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("mnist")) {
            return defaultDir();
        }
        return Path.of(spec.startsWith("mnist:") ? spec.substring("mnist:".length()) : spec);
    }
}
