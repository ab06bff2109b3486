package org.scratchnet.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchnet.cli.corpus.Corpus.data;
import static org.scratchnet.cli.corpus.Corpus.usage;
import static org.scratchnet.cli.corpus.CorpusFiles.GOOD_CSV;
import static org.scratchnet.cli.corpus.CorpusFiles.THREE_CLASSES;
import static org.scratchnet.cli.corpus.CorpusFiles.editHeader;
import static org.scratchnet.cli.corpus.CorpusFiles.gzip;
import static org.scratchnet.cli.corpus.CorpusFiles.images;
import static org.scratchnet.cli.corpus.CorpusFiles.labels;
import static org.scratchnet.cli.corpus.CorpusFiles.mnist;
import static org.scratchnet.cli.corpus.CorpusFiles.model2;
import static org.scratchnet.cli.corpus.CorpusFiles.model3;
import static org.scratchnet.cli.corpus.CorpusFiles.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input corpus (see the package documentation for the rules every case is held to). */
class BadInputCorpusTest {
    @TempDir
    static Path root;

    static final String CSV = "{d}/data.csv";
    static final String MISSING_ADVICE = ": fill such cells with --impute mean|median|most-frequent, or skip such rows "
            + "with --drop-missing";
    static final String[] TRAIN = {"train", "--data", "csv:{d}/data.csv", "--epochs", "1", "--save",
        "{d}/out.safetensors", "--metrics-out", "{d}/metrics.json"};
    static final String[] PREDICT = {"predict", "--model", "{d}/m.safetensors", "--output", "{d}/pred.csv"};
    static final String[] EVALUATE = {"evaluate", "--model", "{d}/m.safetensors", "--data", "csv:{d}/data.csv",
        "--metrics-out", "{d}/metrics.json"};
    static final String[] MNIST = {"example", "mnist", "--data", "{d}", "--epochs", "1", "--quiet", "--save",
        "{d}/out.safetensors"};

    static String[] with(String[] base, String... more) {
        String[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    static Corpus.Setup csv(String content) {
        return d -> text(d.resolve("data.csv"), content);
    }

    static Corpus.Setup model(byte[] bytes) {
        return d -> Files.write(d.resolve("m.safetensors"), bytes);
    }

    static Corpus.Setup both(Corpus.Setup a, Corpus.Setup b) {
        return d -> {
            a.write(d);
            b.write(d);
        };
    }

    /** The four good MNIST files, then {@code name} replaced by {@code bytes} (null = deleted). */
    static Corpus.Setup mnistWith(String name, byte[] bytes) {
        return d -> {
            mnist(d);
            Files.delete(d.resolve(name.replace(".gz", "")));
            if (bytes != null) {
                Files.write(d.resolve(name), bytes);
            }
        };
    }

    static byte[] m2(UnaryOperator<String> edit) throws Exception {
        return editHeader(model2(), edit);
    }

    static List<Corpus> csvCases() {
        return List.of(
            data("csv empty file", csv(""), CSV + ": expected a header or data rows, found an empty file", TRAIN),
            data("csv header only", csv("x1,x2,label\n"),
                    CSV + ": expected data rows after the header, found only the header (line 1)", TRAIN),
            data("csv ragged row", csv("x1,x2,label\n1,2,a\n3,b\n"), CSV + ":3: expected 3 fields, found 2", TRAIN),
            data("csv missing feature value", csv("x1,x2,label\n1,2,a\n3,,b\n"),
                    CSV + ":3:2: expected a value in column 'x2', found an empty field: fill such cells with --impute "
                            + "mean|median|most-frequent, or skip such rows with --drop-missing", TRAIN),
            data("csv NaN", csv("x1,x2,label\n1,2,a\nNaN,1,b\n"),
                    CSV + ":3:1: expected a value in column 'x1', found 'NaN' (a missing value): fill such cells with "
                            + "--impute mean|median|most-frequent, or skip such rows with --drop-missing", TRAIN),
            data("csv Inf", csv("x1,x2,label\n1,2,a\n1,-Infinity,b\n"),
                    CSV + ":3:2: expected a number in column 'x2', found '-Infinity' (NaN and infinity are not allowed)",
                    TRAIN),
            data("csv huge value", csv("x1,x2,label\n1,2,a\n1e39,1,b\n"),
                    CSV + ":3:1: expected a number in column 'x1', found '1e39' (outside the float range)", TRAIN),
            data("csv huge exponent label", csv("x1,x2,label\n1,2,0\n1,1,1e9999999999\n"),
                    CSV + ":3:3: expected a label in column 'label', found '1e9999999999' (a number with an exponent "
                            + "out of range)", TRAIN),
            data("csv unknown label column", csv(GOOD_CSV),
                    CSV + ": expected a label column named one of [x1, x2, label] or a 0-based index, found 'species'",
                    with(TRAIN, "--label", "species")),
            data("csv label index out of range", csv(GOOD_CSV),
                    CSV + ": expected a label column index in 0..2 (or -1..-3 from the end), found 5",
                    with(TRAIN, "--label", "5")),
            data("csv no label left", csv("x1,x2,label\n1,2,\n3,4,NA\n"),
                    CSV + ": expected rows with a label and features, found none left after skipping 2 row(s) with "
                            + "missing values", TRAIN),
            data("csv single class", csv("x1,x2,label\n1,2,a\n3,4,a\n"),
                    CSV + ": expected at least 2 classes in label column 'label', found only 'a' (use task regression?)",
                    TRAIN),
            data("csv unseen class at evaluate", both(model(bytes2()), csv("x1,x2,label\n1,2,a\n3,4,b\n5,6,c\n")),
                    CSV + ":4:3: expected one of the model's classes [a, b] in column 'label', found 'c'", EVALUATE),
            data("csv wrong column count for the model (evaluate)", both(model(bytes2()),
                    csv("x1,x2,x3,label\n1,2,3,a\n3,4,5,b\n")),
                    CSV + ": expected 2 feature columns (the model's input width) plus the label, found 3 features",
                    EVALUATE),
            data("csv wrong column count for the model (predict)", both(model(bytes2()),
                    csv("x1,x2,x3,x4\n1,2,3,4\n4,5,6,7\n")),
                    CSV + ":2: expected 2 features (the model's input width), found 4",
                    with(PREDICT, "--data", "csv:{d}/data.csv")),
            data("csv wrong column count besides --label (predict)", both(model(bytes2()),
                    csv("x1,x2,x3,label\n1,2,3,a\n4,5,6,b\n")),
                    CSV + ":2: expected 2 features (the model's input width) besides the label column 'label', found 3",
                    with(PREDICT, "--data", "csv:{d}/data.csv", "--label", "label")),
            data("csv BOM keeps columns right", csv("\uFEFFx1,x2,label\n1,2,a\n1,?,b\n"),
                    CSV + ":3:2: expected a value in column 'x2', found '?' (a missing value): fill such cells with "
                            + "--impute mean|median|most-frequent, or skip such rows with --drop-missing", TRAIN),
            data("csv CRLF keeps lines right", csv("x1,x2,label\r\n1,2,a\r\n3,b\r\n"),
                    CSV + ":3: expected 3 fields, found 2", TRAIN),
            data("csv lines ended by CR alone", csv("x1,x2,label\r1,2,a\r3,4,b\r"),
                    CSV + ": expected lines ending in LF or CRLF, found CR alone; convert the line ends,"
                            + " e.g. tr '\\r' '\\n' < FILE > NEW", TRAIN),
            data("csv quoted separator is one field", csv("x1,x2,label\n1,2,\"a,b\"\n3,4,b\n3,,b\n"),
                    CSV + ":4:2: expected a value in column 'x2', found an empty field"
                            + MISSING_ADVICE, TRAIN),
            data("csv unclosed quote", csv("x1,x2,label\n1,2,\"a\n3,4,b\n"),
                    CSV + ":2:3: expected a closing quote, found the end of the file", TRAIN),
            data("csv text after closing quote", csv("x1,x2,label\n1,2,\"a\"b\n"),
                    CSV + ":2:3: expected a separator after the closing quote, found 'b'", TRAIN),
            data("csv blank lines keep lines right", csv("x1,x2,label\n\n1,2,a\n\n\n3,,b\n"),
                    CSV + ":6:2: expected a value in column 'x2', found an empty field" + MISSING_ADVICE, TRAIN),
            data("csv duplicate header names", csv("x1,x1,label\n1,2,a\n3,4,b\n"),
                    CSV + ":1:2: expected unique column names, found 'x1' again (also column 1)", TRAIN),
            data("csv empty header name", csv("x1,,label\n1,2,a\n3,4,b\n"),
                    CSV + ":1:2: expected a column name, found an empty field", TRAIN),
            data("csv one column", csv("label\na\nb\n"),
                    CSV + ":2: expected at least 2 columns (features and a label), found 1", TRAIN),
            data("csv not UTF-8", d -> Files.write(d.resolve("data.csv"), new byte[] {'x', ',', 'y', '\n', '1', ',',
                    (byte) 0xE9, '\n'}), CSV + ": expected UTF-8 text, found invalid byte sequences", TRAIN),
            data("csv in UTF-16", d -> Files.write(d.resolve("data.csv"), "\uFEFFx,y\n1,a\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_16LE)), CSV + ": expected UTF-8 text, found UTF-16 (it starts"
                    + " with the byte-order mark FF FE); save the file as UTF-8", TRAIN),
            data("csv missing file", d -> { }, "{d}/nope.csv: expected a readable file, found none",
                    "train", "--data", "csv:{d}/nope.csv", "--save", "{d}/out.safetensors"),
            data("csv path is a directory", d -> Files.createDirectory(d.resolve("sub")), "{d}/sub: cannot read (…)",
                    "train", "--data", "csv:{d}/sub"),
            data("csv regression target not a number", csv("x1,x2,y\n1,2,3.5\n3,4,big\n"),
                    CSV + ":3:3: expected a numeric target for regression in column 'y', found 'big'",
                    with(TRAIN, "--task", "regression")),
            data("csv NaN at predict", both(model(bytes2()), csv("x1,x2\n1,2\nnan,3\n")),
                    CSV + ":3:1: expected a number in column 'x1', found 'nan' (NaN and infinity are not allowed)",
                    with(PREDICT, "--data", "csv:{d}/data.csv")));
    }

    static byte[] bytes2() {
        try {
            return model2();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Corpus> idxCases() throws Exception {
        String ti = "{d}/train-images-idx3-ubyte";
        String tl = "{d}/train-labels-idx1-ubyte";
        byte[] good = images(3, 28, 28);
        return List.of(
            data("idx bad magic", mnistWith("train-images-idx3-ubyte", labels(1, 2, 3)),
                    ti + ": byte 0 (magic): expected 0x00000803 (images), found 0x00000801 (labels)", MNIST),
            data("idx truncated", mnistWith("train-images-idx3-ubyte", Arrays.copyOf(good, 100)),
                    ti + ": byte 100 (file length): expected 2368 bytes (header 16 + [3, 28, 28] values), found 100 bytes",
                    MNIST),
            data("idx extra bytes", mnistWith("train-images-idx3-ubyte", Arrays.copyOf(good, good.length + 2)),
                    ti + ": byte 2368 (file length): expected 2368 bytes (header 16 + [3, 28, 28] values), found 2370 bytes",
                    MNIST),
            data("idx image and label counts differ", mnistWith("train-labels-idx1-ubyte", labels(1, 2)),
                    tl + ": byte 4 (item count): expected 3 labels (as many as train-images-idx3-ubyte has images), found 2",
                    MNIST),
            data("idx wrong image size", mnistWith("train-images-idx3-ubyte", images(3, 20, 20)),
                    ti + ": byte 8 (image size): expected 28 x 28 = 784 pixels (the 784-256-10 network's input), found "
                            + "400 pixels", MNIST),
            data("idx zero dimension", mnistWith("train-images-idx3-ubyte", CorpusFiles.idx(0x803, new int[] {3, 0, 28}, 0)),
                    ti + ": byte 8 (dimension 2): expected a positive size, found 0", MNIST),
            data("idx huge declared size", mnistWith("train-images-idx3-ubyte",
                    CorpusFiles.idx(0x803, new int[] {60000, 65536, 65536}, 0)),
                    ti + ": byte 8 (dimension 2): expected at most 2147483639 values in total, found dimensions "
                            + "[60000, 65536] (more than that)", MNIST),
            data("idx .gz that is not gzip", mnistWith("t10k-images-idx3-ubyte.gz", "not gzip at all".getBytes()),
                    "{d}/t10k-images-idx3-ubyte.gz: byte 0 (magic): expected 0x00000803 (images), found 0x6E6F7420",
                    MNIST),
            data("idx corrupt gzip", mnistWith("t10k-images-idx3-ubyte.gz", corruptGzip(images(2, 28, 28))),
                    "{d}/t10k-images-idx3-ubyte.gz: corrupt gzip data (Corrupt GZIP trailer)", MNIST),
            data("example mnist-cnn --plots under a file", both(d -> mnist(d), d -> CorpusFiles.text(d.resolve("afile"), "x")),
                    "cannot write plots to {d}/afile/p: {d}/afile/p: Not a directory",
                    "example", "mnist-cnn", "--data", "{d}", "--epochs", "1", "--quiet", "--plots", "{d}/afile/p"),
            data("idx truncated gzip", mnistWith("t10k-labels-idx1-ubyte.gz", Arrays.copyOf(gzip(labels(3, 4)), 15)),
                    "{d}/t10k-labels-idx1-ubyte.gz: gzip stream ends early (…)", MNIST),
            data("idx label out of range", mnistWith("train-labels-idx1-ubyte", labels(7, 12, 9)),
                    tl + ": byte 9 (label 2): expected a digit 0-9, found 12", MNIST),
            data("idx bad magic via train --data mnist:DIR", mnistWith("train-images-idx3-ubyte", labels(1, 2, 3)),
                    ti + ": byte 0 (magic): expected 0x00000803 (images), found 0x00000801 (labels)",
                    "train", "--data", "mnist:{d}", "--epochs", "1", "--save", "{d}/out.safetensors"),
            data("idx counts differ via evaluate --data mnist-test:DIR", both(mnistWith("t10k-labels-idx1-ubyte",
                    labels(1, 2, 3)), d -> Files.write(d.resolve("m.safetensors"), model2())),
                    "{d}/t10k-labels-idx1-ubyte: byte 4 (item count): expected 2 labels (as many as "
                            + "t10k-images-idx3-ubyte has images), found 3",
                    "evaluate", "--model", "{d}/m.safetensors", "--data", "mnist-test:{d}", "--metrics-out",
                    "{d}/metrics.json"),
            data("idx missing file", mnistWith("t10k-labels-idx1-ubyte", null),
                    "MNIST file t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz) not found in {d}: run "
                            + "`./scratchnet data fetch mnist` to download it, or point to a directory holding the four "
                            + "IDX files", MNIST));
    }

    /** A real gzip stream whose CRC-32 no longer matches the data (scrambled deflate data may still inflate). */
    static byte[] corruptGzip(byte[] raw) throws Exception {
        byte[] gz = gzip(raw);
        gz[gz.length - 8] ^= (byte) 0xFF;
        return gz;
    }

    static List<Corpus> modelCases() throws Exception {
        String m = "{d}/m.safetensors";
        byte[] good = model2();
        String[] predict = with(PREDICT, "--input", "1,2");
        return List.of(
            data("model truncated", model(Arrays.copyOf(good, 5)),
                    m + ": truncated: 5 bytes, expected at least 8 for the header length", predict),
            data("model data cut short", model(Arrays.copyOf(good, good.length - 4)),
                    m + ": tensor 'dense2.bias': data_offsets [64, 68] outside the data section [0, 64]", predict),
            data("model header length beyond the file", model(CorpusFiles.withLength(good, 100000)),
                    m + ": header length 100000 is impossible: expected 2..… (file has " + good.length + " bytes)", predict),
            data("model malformed JSON", model(m2(h -> h.replaceFirst("\\{\"__metadata__\":", "{\"__metadata__\" "))),
                    m + ": malformed JSON header at offset 16: expected ':', found '{'", predict),
            data("model unknown format version", model(m2(h -> h.replace("\"format_version\":\"1\"",
                    "\"format_version\":\"7\""))), m + ": format_version '7' is not supported (this build reads 1 and 2)", predict),
            data("model offsets out of range", model(m2(h -> h.replace("[64,68]", "[64,72]"))),
                    m + ": tensor 'dense2.bias': data_offsets [64, 72] outside the data section [0, 68]", predict),
            data("model offsets overlap", model(m2(h -> h.replace("[64,68]", "[60,64]"))),
                    m + ": tensor 'dense2.bias' data_offsets [60, 64] overlap tensor 'dense2.weight' [48, 64]", predict),
            data("model dtype not float32", model(m2(h -> h.replaceFirst("\"F32\"", "\"F16\""))),
                    m + ": tensor 'dense1.weight': dtype 'F16' is not supported (expected F32)", predict),
            data("model shape inconsistent with architecture", model(m2(h -> h.replace("\"shape\":[2,4]",
                    "\"shape\":[4,2]"))), m + ": tensor 'dense1.weight' has shape [4, 2], architecture expects [2, 4]",
                    predict),
            data("model unknown activation", model(m2(h -> h.replace("\\\"activation\\\":\\\"relu\\\"",
                    "\\\"activation\\\":\\\"swish\\\""))),
                    m + ": architecture layer 2 (relu1): unknown activation 'swish' (expected one of …)", predict),
            data("model missing", d -> { }, m + ": expected a model file, found none", predict),
            data("model is a CSV file", csv(GOOD_CSV), CSV + ": header length … is impossible: expected 2..…",
                    "predict", "--model", CSV, "--input", "1,2"),
            data("model for 3 inputs, data with 2 (predict)", both(model(model3()), csv("x1,x2\n1,2\n3,4\n")),
                    CSV + ":2: expected 3 features (the model's input width), found 2",
                    with(PREDICT, "--data", "csv:{d}/data.csv")),
            data("model for 3 inputs, data with 2 (evaluate)", both(model(model3()), csv(THREE_CLASSES)),
                    CSV + ": expected 3 feature columns (the model's input width) plus the label, found 2 features",
                    EVALUATE),
            usage("model for 3 inputs, --input with 2", model(model3()),
                    "--input row 1 has 2 values, the model expects 3 (rows look like \"1,1;1,-1\")", predict),
            data("model damaged at --init", both(model(Arrays.copyOf(good, 5)), csv(GOOD_CSV)),
                    m + ": truncated: 5 bytes, expected at least 8 for the header length",
                    with(TRAIN, "--init", m)));
    }

    static List<Corpus> all() throws Exception {
        List<Corpus> all = new ArrayList<>();
        all.addAll(csvCases());
        all.addAll(idxCases());
        all.addAll(modelCases());
        all.addAll(CommandLineCases.cases());
        all.addAll(TableCases.cases());
        all.addAll(BigFileCases.cases());
        all.addAll(OnnxCases.cases());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws Exception {
        List<Corpus> all = all();
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> c.check(root.resolve("case" + all.indexOf(c)))));
    }

    @Test
    void debugShowsTheStackTraceAndDoesNotLeakIntoLaterRuns() throws Exception {
        Path d = root.resolve("debug");
        Files.createDirectories(d);
        text(d.resolve("data.csv"), "x1,x2,label\n1,1e39,a\n2,3,b\n");
        String[] args = {"train", "--data", "csv:" + d.resolve("data.csv"), "--debug"};
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.scratchnet.cli.Main.run(args, new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("DataFormatException", "\tat org.scratchnet.data.CsvLoader")
                .endsWith("error: " + d.resolve("data.csv") + ":2:2: expected a number in column 'x2', found '1e39' "
                        + "(outside the float range)" + System.lineSeparator());
        // the same run without --debug is back to one line
        data("after --debug", dd -> { }, "{d}/data.csv:2:2: expected a number in column 'x2', found '1e39' (outside "
                + "the float range)",
                "train", "--data", "csv:{d}/data.csv").check(d);
    }

    /** Not an error: predict drops a label column unread, so a class the model never saw does not matter. */
    @Test
    void predictIgnoresTheLabelColumn() throws Exception {
        Path d = root.resolve("predict-labels");
        Files.createDirectories(d);
        Files.write(d.resolve("m.safetensors"), model2());
        text(d.resolve("data.csv"), "x1,x2,label\n1,2,a\n3,4,b\n5,6,never-seen\n");
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = org.scratchnet.cli.Main.run(new String[] {"predict", "--model", d.resolve("m.safetensors").toString(),
            "--data", "csv:" + d.resolve("data.csv")}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("(?m)^row,class,probability\n1,[ab],.*\n2,[ab],.*\n3,[ab],.*\n\\z");
    }

    @Test
    void corpusCoversEveryGroupWithAtLeast50Cases() throws Exception {
        assertThat(all()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(all().stream().map(Corpus::name)).doesNotHaveDuplicates();
        for (String group : List.of("csv ", "idx ", "model ", "cli ", "numerical ")) {
            assertThat(all()).as(group).anyMatch(c -> c.name().startsWith(group));
        }
        assertThat(all()).anyMatch(c -> c.exit() == 2).anyMatch(c -> c.exit() == 1);
    }
}
