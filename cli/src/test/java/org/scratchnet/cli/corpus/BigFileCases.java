package org.scratchnet.cli.corpus;

import static org.scratchnet.cli.corpus.BadInputCorpusTest.CSV;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.TRAIN;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.both;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.csv;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.with;
import static org.scratchnet.cli.corpus.Corpus.data;
import static org.scratchnet.cli.corpus.Corpus.usage;
import static org.scratchnet.cli.corpus.CorpusFiles.GOOD_CSV;
import static org.scratchnet.cli.corpus.CorpusFiles.text;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import org.scratchnet.cli.Main;

/**
 * The corpus' cases for big-file options: the CSV cache (damaged, stale, a directory that cannot
 * be one) and the row limit. A damaged or stale cache is never trusted: the run reads the CSV
 * again, so its data error is the one reported, and the old cache file stays as it was.
 */
final class BigFileCases {
    /** GOOD_CSV with a row whose third field is missing on line 4. */
    static final String SHORT_ROW = "x1,x2,label\n0.5,1.0,a\n-0.3,0.2,b\n1.5,-1.0\n0.1,0.9,b\n";

    private BigFileCases() {
    }

    /** A cache of GOOD_CSV made by a real run (data.csv.sncache beside it), then data.csv replaced by {@code now}. */
    static Corpus.Setup staleCache(String now) {
        return d -> {
            text(d.resolve("data.csv"), GOOD_CSV);
            int code = Main.run(new String[] {"train", "--data", "csv:" + d.resolve("data.csv"), "--epochs", "1", "--quiet",
                "--cache"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            if (code != 0 || !Files.exists(d.resolve("data.csv.sncache"))) {
                throw new IllegalStateException("corpus setup: the cache was not written");
            }
            text(d.resolve("data.csv"), now);
        };
    }

    static List<Corpus> cases() {
        return List.of(
            data("cache: stale cache, the changed CSV is read", staleCache(SHORT_ROW),
                    CSV + ":4: expected 3 fields, found 2", with(TRAIN, "--cache")),
            data("cache: damaged cache, the CSV is read", both(csv(SHORT_ROW),
                    d -> Files.write(d.resolve("data.csv.sncache"), "SNCSV001 not really a cache".getBytes())),
                    CSV + ":4: expected 3 fields, found 2", with(TRAIN, "--cache")),
            usage("cache: directory under a file", both(csv(GOOD_CSV), d -> text(d.resolve("afile"), "x")),
                    "--cache: cannot use {d}/afile/c as a directory: {d}/afile is a file",
                    with(TRAIN, "--cache={d}/afile/c")),
            usage("cache: on built-in data", d -> { }, "--max-rows and --cache apply to csv:PATH data",
                    "train", "--data", "xor", "--cache"),
            usage("max-rows: zero", csv(GOOD_CSV), "--max-rows must be >= 1, got 0",
                    with(TRAIN, "--max-rows", "0")),
            data("max-rows: an error within the rows read is reported", csv(SHORT_ROW),
                    CSV + ":4: expected 3 fields, found 2", with(TRAIN, "--max-rows", "3")),
            data("max-rows: evaluate, an error within the rows read", both(TableCases.goodModel(),
                    csv(SHORT_ROW)), CSV + ":4: expected 3 fields, found 2",
                    "evaluate", "--model", "{d}/m.safetensors", "--data", "csv:{d}/data.csv", "--max-rows", "5"),
            usage("stream: on built-in data", d -> { }, "--stream applies to csv:PATH data", "train", "--data", "xor",
                    "--stream"),
            usage("stream: with --patience", csv(GOOD_CSV), "--stream trains in one pass per epoch without the whole"
                    + " table: --init, --patience and --lr-schedule are not available with it",
                    with(TRAIN, "--stream", "--patience", "5")),
            usage("stream: --impute median", csv("x1,x2,label\n1,NA,a\n2,3,b\n"), "--impute median needs each whole"
                    + " column at once; with --stream use --impute mean or most-frequent",
                    with(TRAIN, "--stream", "--impute", "median")),
            data("stream: a column of numbers and text", csv("x1,x2,label\n1,2,a\n2,red,b\n3,4,a\n"), CSV
                    + ": column 'x2' holds numbers and text; with --stream name it with --categorical x2 (or train"
                    + " without --stream)", with(TRAIN, "--stream")),
            data("stream: a ragged row names its line", csv(SHORT_ROW), CSV + ":4: expected 3 fields, found 2",
                    with(TRAIN, "--stream")),
            usage("stream: evaluate on built-in data", TableCases.goodModel(), "--stream applies to csv:PATH data and"
                    + " models trained on CSV tables (with column rules)",
                    "evaluate", "--model", "{d}/m.safetensors", "--data", "xor", "--stream"));
    }
}
