package org.scratchnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
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
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a ```java block in README.md").isTrue();
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Matcher printed = Pattern.compile("System\\.out\\.println\\(.*// (\\S+)\\s*$").matcher("");
        for (String line : block.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
            if (printed.reset(line).find()) {
                expected.add(printed.group(1));
            }
        }
        assertThat(expected).as("println lines with expected values").hasSizeGreaterThanOrEqualTo(3);
        Path src = dir.resolve("ReadmeExample.java");
        Files.writeString(src, imports + "public class ReadmeExample {\n public static void main(String[] args) {\n"
                + body + "}\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", Path.of("target", "classes").toString(),
                "-d", dir.toString(), src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\\R")).containsExactlyElementsOf(expected);
    }
}
