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
 * on all cores, then label handling), and the encoding into x (N, D), inside one process. Speeds
 * are the CSV file's bytes over the time (what a cached load stands for); a cached load also
 * gives the cache file's own bytes over its time. bench/load-csv.sh runs it in several processes
 * against numpy's loadtxt.
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
        double mb = bytes / 1e6;
        String cached = "";
        if (cache != null) { // the bytes a cached load reads are the cache file's, not the CSV's
            double cacheMb = Files.size(load.cacheFile(data)) / 1e6;
            cached = String.format(Locale.ROOT, " (cache file %.1f MB: %.0f MB/s of it)", cacheMb, cacheMb / load1);
        }
        out.println(String.format(Locale.ROOT, "load: %d rows, %.1f MB of CSV in %.3f s = %.0f MB/s%s;"
                + " encode x %s: %.3f s; load and encode: %.3f s = %.0f MB/s", d.size(), mb, load1, mb / load1, cached,
                d.x().shapeString(), encode, load1 + encode, mb / (load1 + encode)));
        out.flush();
        return 0;
    }
}
