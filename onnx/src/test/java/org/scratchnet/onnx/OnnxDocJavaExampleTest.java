package org.scratchnet.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.JavaBlocks;

/**
 * docs/onnx.md's Java block (export, then ONNX Runtime), compiled against this module's test
 * class path and run as written: what it prints must equal the {@code // value} comments on its
 * println lines.
 */
class OnnxDocJavaExampleTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void watch() {
        Ort.watchTemp();
    }

    @AfterAll
    static void clean() {
        Ort.cleanTemp();
    }

    @Test
    void docsJavaExampleCompilesRunsAndPrintsWhatItsCommentsSay() throws Exception {
        JavaBlocks.Run run = JavaBlocks.run(Path.of("..", "docs", "onnx.md"), "OnnxExample", dir,
                System.getProperty("java.class.path"));
        assertThat(run.expected()).hasSize(3);
        assertThat(run.compilerOutput()).isEmpty();
        assertThat(run.printed()).containsExactlyElementsOf(run.expected());
    }
}
