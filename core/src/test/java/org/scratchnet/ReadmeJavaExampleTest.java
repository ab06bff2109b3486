package org.scratchnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it from Java" block, compiled and run as written: its imports stay imports,
 * the rest becomes a main method, and what it prints must equal the {@code // value} comments
 * on its println lines. Keeps the README from drifting away from the API.
 */
class ReadmeJavaExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeJavaExampleCompilesRunsAndPrintsWhatItsCommentsSay() throws Exception {
        JavaBlocks.Run run = JavaBlocks.run(Path.of("..", "README.md"), "ReadmeExample", dir,
                Path.of("target", "classes").toString());
        assertThat(run.expected()).as("println lines with expected values").hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.compilerOutput()).isEmpty();
        assertThat(run.printed()).containsExactlyElementsOf(run.expected());
    }
}
