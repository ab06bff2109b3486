package org.scratchnet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.scratchnet.io.Json;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Tensor;

/**
 * The page in a real browser: {@code src/test/browser/playground-test.mjs} drives headless
 * Debian chromium through playwright-core against a server on a free loopback port (see that
 * script for the steps). Screenshots, the downloaded files and {@code results.json} (updates and
 * steps per second) land in {@code target/browser/}. Skipped where chromium or the npm package is
 * missing, except in CI (CI=true), where {@code .ci/run} installs both and a skip would hide a
 * failure.
 */
class PlaygroundBrowserTest {
    static final Path SCRIPT_DIR = Path.of("src/test/browser");
    static final Path OUT = Path.of("target/browser");

    @Test
    void pageLearnsSpiralAndItsDownloadedModelPredictsTheSame() throws Exception {
        boolean ready = Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(ready, "chromium or playwright-core missing: bash .ci/run installs them");
        }
        int threads = Engine.threads();
        Engine.setThreads(1); // as scratchnet playground runs it: one thread per page
        try (PlaygroundServer server = PlaygroundServer.start("127.0.0.1", 0)) {
            Files.createDirectories(OUT);
            Process p = new ProcessBuilder("node", "playground-test.mjs", server.url(), OUT.toAbsolutePath().toString())
                    .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
            String log;
            boolean done = p.waitFor(150, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            log = new String(p.getInputStream().readAllBytes());
            System.out.println(log.strip());
            assertThat(done).as("browser test finished within 150 s").isTrue();
            assertThat(p.exitValue()).as(log).isZero();
        } finally {
            Engine.setThreads(threads);
        }
        Map<?, ?> results = (Map<?, ?>) Json.parse(Files.readString(OUT.resolve("results.json")));
        assertThat(((Number) results.get("updatesPerSecond")).doubleValue()).isGreaterThanOrEqualTo(20);
        assertThat(((Number) results.get("stepsPerSecond")).doubleValue()).isGreaterThanOrEqualTo(1000);

        // the downloaded file is a model file whose predictions are the page's
        SavedModel saved = ModelFile.load(OUT.resolve("playground.safetensors"));
        assertThat(saved.model().inputWidth()).isEqualTo(2); // raw x1, x2: the features are inside
        for (Object o : (List<?>) results.get("samples")) {
            Map<?, ?> s = (Map<?, ?>) o;
            float x1 = ((Number) s.get("x1")).floatValue(), x2 = ((Number) s.get("x2")).floatValue();
            Tensor in = Tensor.of(new float[] {x1, x2}, 1, 2);
            assertThat((double) saved.predict(in).get(0)).isCloseTo(((Number) s.get("value")).doubleValue(), within(1e-6));
        }
    }
}
