package org.scratchnet.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scratchnet.cli.Main;

/**
 * One corpus case: how to make its files, the command line ({@code {d}} = the case's own
 * directory), the exit code and the expected stderr line. In the expected line {@code {d}}
 * stands for the directory and {@code …} for any text (offsets that depend on JSON layout).
 */
record Corpus(String name, Setup setup, int exit, String expected, String... args) {
    /** Writes the case's input files into its directory. */
    interface Setup {
        void write(Path dir) throws Exception;
    }

    static Corpus usage(String name, Setup setup, String expected, String... args) {
        return new Corpus(name, setup, 2, expected, args);
    }

    static Corpus data(String name, Setup setup, String expected, String... args) {
        return new Corpus(name, setup, 1, expected, args);
    }

    /** Runs the case in {@code dir} and checks every rule of the corpus. */
    void check(Path dir) throws Exception {
        Files.createDirectories(dir);
        setup.write(dir);
        Map<String, String> before = snapshot(dir);
        String d = dir.toString();
        String[] argv = Arrays.stream(args).map(a -> a.replace("{d}", d)).toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(argv, new PrintWriter(out, true), new PrintWriter(err, true));
        String e = err.toString();
        String context = name + ": " + String.join(" ", argv) + "\nstderr: " + e + "\nstdout: " + out;
        assertThat(e.lines().count()).as("one line on stderr; %s", context).isEqualTo(1);
        String line = e.strip();
        assertThat(line).as(context).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(line).as(context).matches(template(expected.replace("{d}", d)));
        assertThat(code).as("exit code; %s", context).isEqualTo(exit);
        assertThat(snapshot(dir)).as("files after the run (nothing created or changed); %s", context).isEqualTo(before);
    }

    /** "error: " + the expected text as a regex: literal except … (any text). */
    private static String template(String expected) {
        List<String> parts = new ArrayList<>();
        for (String p : expected.split("…", -1)) {
            parts.add(Pattern.quote(p));
        }
        return Pattern.quote("error: ") + String.join(".*", parts);
    }

    /** Every file under {@code dir} (relative name → content hash and size). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String key = dir.relativize(p).toString();
                m.put(key, Files.isRegularFile(p) ? Arrays.hashCode(Files.readAllBytes(p)) + "/" + Files.size(p) : "dir");
            }
        }
        return m;
    }
}
