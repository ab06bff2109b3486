package org.scratchnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench kernels --runs N}: runs the kernel table in N separate JVMs, one after the other,
 * started with this JVM's own command, options and class path, then prints each run's rows and the
 * min, median and max of every figure. Within one process the measurements repeat the code the
 * JIT compiled once; across processes they show whether every start gets the same code.
 */
final class KernelRuns {
    private KernelRuns() {
    }

    static int run(PrintWriter out, int runs, String... benchArgs) {
        // row label ("vector   1") -> one array of the three figures per run
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            List<String> lines = child(benchArgs);
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 8 && f[3].equals("GF") && f[5].equals("GF") && f[7].equals("GF")) {
                    String label = String.format(Locale.ROOT, "%-8s %-8s", f[0], f[1]);
                    rows.computeIfAbsent(label, x -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(f[2]), Double.parseDouble(f[4]), Double.parseDouble(f[6])});
                    out.printf(Locale.ROOT, "run %d: %s%n", r, line.trim());
                } else if (r == 1 && line.startsWith("float32")) {
                    out.println(line);
                }
            }
            out.flush();
        }
        out.printf(Locale.ROOT, "%d processes, GFLOP/s min / median / max:%n", runs);
        out.printf(Locale.ROOT, "%-17s %-20s %-20s %-20s%n", "kernels  threads", "x@w", "xT@dZ", "dZ@wT");
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-17s", e.getKey()));
            for (int c = 0; c < 3; c++) {
                double[] v = new double[e.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = e.getValue().get(i)[c];
                }
                Arrays.sort(v);
                line.append(String.format(Locale.ROOT, " %-20s",
                        String.format(Locale.ROOT, "%.1f/%.1f/%.1f", v[0], median(v), v[v.length - 1])));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
        return 0;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // this JVM's command line with "bench kernels ARGS --runs 1" as the program arguments
    private static List<String> child(String... benchArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-agentlib:jdwp")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "kernels"));
        cmd.addAll(List.of(benchArgs));
        cmd.addAll(List.of("--runs", "1"));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new Errors.UserException("bench kernels: a measuring process exited with code " + code, 1);
            }
            return lines;
        } catch (IOException e) {
            throw new Errors.UserException("bench kernels: cannot start a measuring process: " + e.getMessage(), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Errors.UserException("bench kernels: interrupted", 1);
        }
    }
}
