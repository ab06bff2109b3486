package org.scratchnet.onnx;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        String doc = Files.readString(Path.of("..", "docs", "onnx.md"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("a ```java block in docs/onnx.md").isTrue();
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Matcher printed = Pattern.compile("System\\.out\\.println\\(.*// (\\S+)\\s*$").matcher("");
        for (String line : block.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
            if (printed.reset(line).find()) {
                expected.add(printed.group(1));
            }
        }
        assertThat(expected).hasSize(3);
        Path src = dir.resolve("OnnxExample.java");
        Files.writeString(src, imports + "public class OnnxExample {\n public static void main(String[] args) throws Exception {\n"
                + body + "}\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("OnnxExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\\R")).containsExactlyElementsOf(expected);
    }
}
