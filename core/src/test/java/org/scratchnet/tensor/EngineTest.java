package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kernel selection in fresh JVMs: with and without the Vector API module, and the override. */
class EngineTest {
    private static String runEngine(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Engine.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("exit code of %s", cmd).isZero();
        return out;
    }

    @Test
    void fallsBackToScalarWithoutTheVectorModuleAndHonoursOverrides() throws Exception {
        assertThat(runEngine()).startsWith("kernels=scalar");
        assertThat(runEngine("--add-modules", "jdk.incubator.vector")).startsWith("kernels=vector");
        assertThat(runEngine("--add-modules", "jdk.incubator.vector", "-Dscratchnet.kernels=scalar"))
                .startsWith("kernels=scalar");
        assertThat(runEngine("-Dscratchnet.threads=3")).endsWith("threads=3");
    }

    @Test
    void rejectsUnknownKernelsAndBadThreadCounts() {
        assertThatThrownBy(() -> Engine.useKernels("gpu")).hasMessageContaining("unknown kernels 'gpu'");
        assertThatThrownBy(() -> Engine.setThreads(0)).hasMessageContaining(">= 1");
    }
}
