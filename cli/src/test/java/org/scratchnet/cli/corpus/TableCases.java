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
import java.util.List;
import org.scratchnet.cli.Main;

/** The corpus' cases for column options and for files read by a model's column rules. */
final class TableCases {
    /** Columns id, size, color (text), kind (label): what {@link #tableModel} trains on. */
    static final String TABLE = "id,size,color,kind\nr1,1.5,red,a\nr2,0.5,blue,b\nr3,2.0,red,a\nr4,0.2,blue,b\n";

    private TableCases() {
    }

    /** A model with column rules (size; color one-hot; label kind) in m.safetensors, and data.csv. */
    static Corpus.Setup tableModel(String data) {
        return d -> {
            text(d.resolve("train.csv"), TABLE);
            int code = Main.run(new String[] {"train", "--data", "csv:" + d.resolve("train.csv"), "--drop", "id",
                "--label", "kind", "--epochs", "1", "--quiet", "--save", d.resolve("m.safetensors").toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            if (code != 0) {
                throw new IllegalStateException("corpus setup: training the table model failed");
            }
            text(d.resolve("data.csv"), data);
        };
    }

    /** GOOD_CSV as data.csv and a model trained on it (with its optimizer state) in m.safetensors. */
    static Corpus.Setup goodModel() {
        return d -> {
            text(d.resolve("data.csv"), GOOD_CSV);
            int code = Main.run(new String[] {"train", "--data", "csv:" + d.resolve("data.csv"), "--epochs", "1",
                "--quiet", "--save", d.resolve("m.safetensors").toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            if (code != 0) {
                throw new IllegalStateException("corpus setup: training the model failed");
            }
        };
    }

    static List<Corpus> cases() {
        Corpus.Setup good = csv(GOOD_CSV);
        String[] predict = {"predict", "--model", "{d}/m.safetensors", "--output", "{d}/pred.csv"};
        return List.of(
            usage("columns unknown feature", good, "--features: no column 'x9' in " + CSV
                    + "; the header has: x1, x2, label", with(TRAIN, "--features", "x1,x9")),
            usage("columns unknown drop", good, "--drop: no column 'nmae' in " + CSV + "; the header has: x1, x2, label",
                    with(TRAIN, "--drop", "nmae")),
            usage("columns feature is the label", good, "--features: column 'label' is the label; choose the label with "
                    + "--label", with(TRAIN, "--features", "x1,label")),
            usage("columns drop every feature", good, "--drop: no feature column left (the header has: x1, x2, label)",
                    with(TRAIN, "--drop", "x1,x2")),
            usage("columns empty name in a list", good, "--features must be comma-separated column names or 0-based "
                    + "indices, got 'x1,'", with(TRAIN, "--features", "x1,")),
            usage("columns features and drop", good, "--features and --drop: give one of them, not both",
                    with(TRAIN, "--features", "x1", "--drop", "x2")),
            usage("columns categorical not a feature", good, "--categorical: column 'label' is not a feature",
                    with(TRAIN, "--categorical", "label")),
            usage("columns unknown imputation", good, "--impute must be one of mean, median, most-frequent, got 'mode'",
                    with(TRAIN, "--impute", "mode")),
            usage("columns impute and drop-missing", good, "--impute and --drop-missing: give one of them, not both",
                    with(TRAIN, "--impute", "mean", "--drop-missing")),
            usage("columns options on a built-in", d -> { }, "--features, --drop, --categorical, --impute and "
                    + "--drop-missing apply to csv:PATH data", "train", "--data", "xor", "--drop-missing"),
            usage("columns options with --init", tableModel(TABLE), "--init reads the CSV by the model's column rules; "
                    + "drop --features/--drop/--categorical/--impute/--drop-missing",
                    "train", "--data", "csv:{d}/data.csv", "--init", "{d}/m.safetensors", "--drop", "id"),
            data("columns category column all missing", csv("x1,x2,label\n1,NA,a\n2,,b\n"),
                    CSV + ": column 'x2' has no values (every cell is missing): drop it with --drop",
                    with(TRAIN, "--impute", "mean", "--categorical", "x2")),
            usage("optim negative weight decay", good, "--weight-decay must be a number >= 0, got -1.0",
                    with(TRAIN, "--weight-decay", "-1")),
            usage("optim negative clip norm", good, "--clip-norm must be a number >= 0, got -2.0",
                    with(TRAIN, "--clip-norm", "-2")),
            data("rules: feature column missing at evaluate", tableModel("kind,size\na,1\n"), CSV
                    + ":1: expected a column named 'color' (a feature of the model), found columns: kind, size",
                    "evaluate", "--model", "{d}/m.safetensors", "--data", "csv:{d}/data.csv", "--metrics-out",
                    "{d}/metrics.json"),
            data("rules: label column missing at evaluate", tableModel("size,color\n1,red\n"), CSV
                    + ":1: expected the label column 'kind', found columns: size, color",
                    "evaluate", "--model", "{d}/m.safetensors", "--data", "csv:{d}/data.csv"),
            data("rules: no header and the wrong width", tableModel("1,red,a\n"), CSV + ":1: expected 4 columns (as the"
                    + " training file, label 'kind' at index 3) or 2 (the features alone), found 3",
                    with(predict, "--data", "csv:{d}/data.csv")),
            data("rules: text in a number column", tableModel("size,color\nbig,red\n"), CSV
                    + ":2:1: expected a number in column 'size', found 'big'", with(predict, "--data", "csv:{d}/data.csv")),
            usage("rules: --input row width", tableModel(TABLE), "--input row 1 has 1 values, the model expects 2 "
                    + "(size, color)", with(predict, "--input", "1.5")),
            usage("rules: --input text in a number column", tableModel(TABLE), "--input:1:1: expected a number in column "
                    + "'size', found 'big'", with(predict, "--input", "big,red")));
    }
}
