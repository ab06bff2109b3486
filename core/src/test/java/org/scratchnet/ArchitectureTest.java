package org.scratchnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps kernels ← layers ← training loop one-directional: each package imports only those it may. */
class ArchitectureTest {
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "tensor", Set.of(),
            "init", Set.of("tensor"),
            "activation", Set.of("tensor"),
            "loss", Set.of("tensor"),
            "layer", Set.of("tensor", "activation", "init"),
            "optim", Set.of("tensor", "layer"),
            "model", Set.of("tensor", "activation", "init", "layer"),
            "data", Set.of("tensor", "init"),
            "train", Set.of("tensor", "activation", "init", "layer", "loss", "optim", "model", "data"),
            "io", Set.of("tensor", "activation", "init", "layer", "loss", "optim", "model", "data"));

    @Test
    void packagesImportOnlyWhatTheyMay() throws IOException {
        Path root = Path.of("src/main/java/org/scratchnet");
        Pattern imp = Pattern.compile("org\\.scratchnet\\.(\\w+)\\.");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(p).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s is listed in ArchitectureTest", pkg).isNotNull();
                files++;
                String src = Files.readString(p);
                Matcher m = imp.matcher(src);
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(p + " uses org.scratchnet." + target);
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(20);
        assertThat(violations).isEmpty();
    }
}
