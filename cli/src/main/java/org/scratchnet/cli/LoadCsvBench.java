package org.scratchnet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.LoadOptions;
import org.scratchnet.data.TableOptions;
import org.scratchnet.data.TableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scratchnet bench load-csv}: times reading one CSV file as {@code train} reads it (parse
 * on all cores, then label handling), and the encoding into x (N, D), inside one process.
 * bench/load-csv.sh runs it in several processes against numpy's loadtxt.
 */
@Command(name = "load-csv", mixinStandardHelpOptions = true,
        description = "Time reading a CSV table (parse, then encode) in this process.")
public final class LoadCsvBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "The CSV file.")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR", description = "Read through the binary cache in DIR.")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long bytes = Files.size(data);
        LoadOptions load = new LoadOptions().cache(cache);
        long t0 = System.nanoTime();
        TableReader t = TableReader.read(data, new TableOptions(), load, n -> { });
        long t1 = System.nanoTime();
        ColumnRules rules = t.fit(null);
        Dataset d = t.dataset(rules, n -> { });
        long t2 = System.nanoTime();
        double load1 = (t1 - t0) / 1e9, encode = (t2 - t1) / 1e9;
        out.println(String.format(Locale.ROOT, "load: %d rows, %.1f MB in %.3f s = %.0f MB/s%s; encode x %s: %.3f s",
                d.size(), bytes / 1e6, load1, bytes / 1e6 / load1, cache == null ? "" : " (cache " + cache + ")",
                d.x().shapeString(), encode));
        out.flush();
        return 0;
    }
}
