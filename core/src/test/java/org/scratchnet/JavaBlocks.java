package org.scratchnet;

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

/**
 * Runs the first {@code ```java} block of a Markdown page as written: its imports stay imports,
 * the rest becomes a main method (which may throw), and each println line's trailing
 * {@code // value} comment is what it must print. Shared by the tests that keep the README's and
 * the docs' Java examples honest (the onnx module reaches it through core's test-jar).
 */
public final class JavaBlocks {
    /** What the block's comments expect, what it printed, and the compiler's complaints (empty when it compiled). */
    public record Run(List<String> expected, List<String> printed, String compilerOutput) {
    }

    private JavaBlocks() {
    }

    /** Compiles the block of {@code markdown} as class {@code name} in {@code dir} against {@code classpath} and runs it. */
    public static Run run(Path markdown, String name, Path dir, String classpath) throws Exception {
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(markdown));
        if (!block.find()) {
            throw new AssertionError("no ```java block in " + markdown);
        }
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Matcher printed = Pattern.compile("System\\.out\\.println\\(.*// (\\S+)\\s*$").matcher("");
        for (String line : block.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
            if (printed.reset(line).find()) {
                expected.add(printed.group(1));
            }
        }
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, imports + "public class " + name + " {\n public static void main(String[] args) throws Exception {\n"
                + body + "}\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", classpath, "-d", dir.toString(), src.toString());
        if (rc != 0) {
            return new Run(expected, List.of(), diagnostics.toString(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, JavaBlocks.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return new Run(expected, List.of(out.toString(StandardCharsets.UTF_8).strip().split("\\R")), "");
    }
}
