package org.scratchnet.cli.corpus;

import static org.scratchnet.cli.corpus.BadInputCorpusTest.PREDICT;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.TRAIN;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.both;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.bytes2;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.csv;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.model;
import static org.scratchnet.cli.corpus.BadInputCorpusTest.with;
import static org.scratchnet.cli.corpus.Corpus.data;
import static org.scratchnet.cli.corpus.Corpus.usage;
import static org.scratchnet.cli.corpus.CorpusFiles.GOOD_CSV;
import static org.scratchnet.cli.corpus.CorpusFiles.THREE_CLASSES;
import static org.scratchnet.cli.corpus.CorpusFiles.text;

import java.nio.file.Files;
import java.util.List;

/** The corpus' command-line cases (bad options, loss/output/data that do not fit) and the divergence case. */
final class CommandLineCases {
    private CommandLineCases() {
    }

    static List<Corpus> cases() {
        Corpus.Setup good = csv(GOOD_CSV);
        Corpus.Setup goodWithOldModel = both(good, d -> text(d.resolve("out.safetensors"), "previous model"));
        return List.of(
            usage("cli negative lr", goodWithOldModel, "--lr must be a positive number, got -1.0", with(TRAIN, "--lr", "-1")),
            usage("cli net unknown layer", good, "--net: 'rleu': unknown layer 'rleu' (expected dense UNITS [nobias]; …",
                    with(TRAIN, "--net", "dense 8, rleu")),
            usage("cli net bad dropout", good, "--net: 'dropout 2': dropout: expected a number in [0, 1), found '2'",
                    with(TRAIN, "--net", "dense 8, dropout 2")),
            usage("cli net conv bad kernel", good, "--net: 'conv 8 0': conv: kernel must be N or HxW with integers in 1..4096, found '0'",
                    with(TRAIN, "--net", "conv 8 0")),
            usage("cli net conv same with stride", good,
                    "--net: 'conv 8 3 stride 2 pad same': conv: pad same needs stride 1 (as PyTorch); give the pads instead",
                    with(TRAIN, "--net", "conv 8 3 stride 2 pad same")),
            usage("cli net conv bad pad", good, "--net: 'conv 8 3 pad 1x': conv: pad must be P, PHxPW, TOP:BOTTOM:LEFT:RIGHT …",
                    with(TRAIN, "--net", "conv 8 3 pad 1x")),
            usage("cli net conv on rows", good, "--net: 'conv 8 3' after the input: input is [N, 2], expected images [N, C, H, W]",
                    with(TRAIN, "--net", "conv 8 3")),
            usage("cli net conv unknown word", good, "--net: 'conv 8 3 bias': unexpected 'bias': expected 'conv FILTERS KERNEL …",
                    with(TRAIN, "--net", "conv 8 3 bias")),
            usage("cli net batchnorm eps", good, "--net: 'batchnorm eps 0': batchnorm eps: expected a number in (0, 1), found '0'",
                    with(TRAIN, "--net", "dense 4, batchnorm eps 0")),
            usage("cli net empty entry", good, "--net: entry 2 is empty: write layers as 'dense 64, relu, ...'",
                    with(TRAIN, "--net", "dense 8,,relu")),
            usage("cli net and hidden", good, "give --net or --layers/--hidden, not both",
                    with(TRAIN, "--net", "dense 8", "--hidden", "4")),
            usage("cli zero lr", good, "--lr must be a positive number, got 0.0", with(TRAIN, "--lr", "0")),
            usage("cli zero epochs", goodWithOldModel, "--epochs must be >= 1, got 0",
                    "train", "--data", "csv:{d}/data.csv", "--epochs", "0", "--save", "{d}/out.safetensors"),
            usage("cli negative epochs", good, "--epochs must be >= 1, got -3",
                    "train", "--data", "csv:{d}/data.csv", "--epochs", "-3", "--save", "{d}/out.safetensors"),
            usage("cli negative batch size", good, "--batch-size must be >= 0, got -1", with(TRAIN, "--batch-size", "-1")),
            usage("cli epochs not a number", good,
                    "Invalid value for option '--epochs': 'abc' is not an int (see 'scratchnet train --help')",
                    with(TRAIN, "--epochs", "abc")),
            usage("cli unknown activation", good, "--activation: unknown activation 'swish': expected one of …",
                    with(TRAIN, "--activation", "swish")),
            usage("cli unknown loss", good, "--loss: unknown loss 'foo': expected one of …", with(TRAIN, "--loss", "foo")),
            usage("cli unknown optimizer", good, "--optimizer must be one of sgd, adam, adamw, rmsprop, got 'adagrad'",
                    with(TRAIN, "--optimizer", "adagrad")),
            usage("cli mistyped command", d -> { }, "Unmatched argument at index 0: 'trian'; did you mean 'train'? (see "
                    + "'scratchnet --help')", "trian"),
            usage("cli mistyped option", good, "Unknown options: '--epoch', '5'; did you mean '--epochs'? (see "
                    + "'scratchnet train --help')", "train", "--data", "csv:{d}/data.csv", "--epoch", "5"),
            usage("cli momentum for adam", good, "--momentum applies to sgd and rmsprop; adam has its own moments",
                    with(TRAIN, "--optimizer", "adam", "--momentum", "0.9")),
            usage("cli unknown lr schedule", good, "--lr-schedule: …", with(TRAIN, "--lr-schedule", "linear")),
            usage("cli lr schedule without its numbers", good, "--lr-schedule: …step:EVERY:FACTOR…",
                    with(TRAIN, "--lr-schedule", "step:10")),
            usage("cli weight decay on a resumed optimizer", TableCases.goodModel(), "--init resumes the saved optimizer "
                    + "with its settings; to change --weight-decay or --clip-norm, also give --optimizer NAME (a fresh "
                    + "optimizer)", "train", "--data", "csv:{d}/data.csv", "--init", "{d}/m.safetensors", "--clip-norm", "1"),
            usage("cli --layers input inconsistent with data", good, "--layers must start with the data's 2 features "
                    + "and end with its 1 output(s), e.g. 2,16,1; got 3,16,1", with(TRAIN, "--layers", "3,16,1")),
            usage("cli --layers output inconsistent with data", good, "--layers must start with the data's 2 features "
                    + "and end with its 1 output(s), e.g. 2,16,1; got 2,16,3", with(TRAIN, "--layers", "2,16,3")),
            usage("cli hidden wider than a model file holds", good, "--hidden values must be <= 1048576 (the widest "
                    + "layer a model file holds), got '2000000'", with(TRAIN, "--hidden", "2000000")),
            usage("cli too many samples", d -> { }, "--data moons: moons: at most 10000000 samples, got 2000000000",
                    "train", "--data", "moons", "--samples", "2000000000"),
            usage("cli too many spiral arms", d -> { }, "--data spiral:5000: spiral: at most 1000 classes, got 5000",
                    "train", "--data", "spiral:5000", "--samples", "6000"),
            usage("cli weight init not a number", good, "--weight-init: initializer 'normal:abc': expected a number "
                    + "after 'normal:', found 'abc'", with(TRAIN, "--weight-init", "normal:abc")),
            usage("cli zero hidden width", good, "--hidden values must be >= 1, got '0'", with(TRAIN, "--hidden", "0")),
            usage("cli BCE on 3 classes", csv(THREE_CLASSES), "--loss bce fits 2 classes (one output); the data has 3 "
                    + "classes: use softmax_ce (or cce with --output softmax)", with(TRAIN, "--loss", "bce")),
            usage("cli softmax CE on 2 classes", good, "--loss softmax_ce needs one output per class; the data has 2 "
                    + "classes (one 0/1 output): use bce (or bce_logits)", with(TRAIN, "--loss", "softmax_ce")),
            usage("cli logits loss behind a sigmoid", csv(THREE_CLASSES), "--loss softmax_ce expects --output identity, "
                    + "got --output sigmoid (this loss applies the softmax itself)",
                    with(TRAIN, "--loss", "softmax_ce", "--output", "sigmoid")),
            usage("cli classification loss on a regression target", csv("x1,x2,y\n1,2,0.5\n3,4,1.5\n"),
                    "--loss bce is for classes; the data has a regression target: use mse, sse, half_se or huber",
                    with(TRAIN, "--task", "regression", "--loss", "bce")),
            data("cli unwritable --save", good, "--save {d}/no/such/m.safetensors: directory {d}/no/such does not exist",
                    "train", "--data", "csv:{d}/data.csv", "--save", "{d}/no/such/m.safetensors"),
            data("cli --save is a directory", both(good, d -> Files.createDirectory(d.resolve("sub"))),
                    "--save {d}/sub: expected a file name, found a directory",
                    "train", "--data", "csv:{d}/data.csv", "--save", "{d}/sub"),
            data("cli unwritable --metrics-out", good, "--metrics-out {d}/no/m.json: directory {d}/no does not exist",
                    "train", "--data", "csv:{d}/data.csv", "--metrics-out", "{d}/no/m.json"),
            usage("cli missing --model", d -> { }, "Missing required option: '--model=MODEL_FILE' (see 'scratchnet "
                    + "predict --help')", "predict", "--input", "1,2"),
            usage("cli missing --data", d -> { }, "Missing required option: '--data=SPEC' (see 'scratchnet train --help')",
                    "train", "--epochs", "3"),
            usage("cli unknown option", good, "Unknown option: '--bogus' (see 'scratchnet train --help')",
                    with(TRAIN, "--bogus")),
            usage("cli unknown command", d -> { }, "Unmatched argument at index 0: 'frobnicate' (see 'scratchnet --help')",
                    "frobnicate"),
            usage("cli validation split out of range", good, "--val-split must be in [0, 1), got 1.5",
                    with(TRAIN, "--val-split", "1.5")),
            usage("cli test split leaves no training row", good, "--test-split: holding out 0.95 of 8 rows leaves no "
                    + "training row: use a fraction between 0.125 and 0.875, or more data",
                    with(TRAIN, "--test-split", "0.95")),
            usage("cli momentum out of range", good, "--momentum must be in [0, 1), got 1.5",
                    with(TRAIN, "--momentum", "1.5")),
            usage("cli zero threads", good, "--threads must be >= 1, got 0", with(TRAIN, "--threads", "0")),
            usage("cli layers too wide for one weight array", good, "layer 1000000 -> 1000000 needs 1000000000000 "
                    + "weights, more than one array holds (2147483639): use narrower --hidden/--layers widths",
                    with(TRAIN, "--hidden", "1000000,1000000")),
            usage("cli unknown data source", d -> { }, "--data: unknown data 'foo:bar': expected a CSV file, csv:PATH, mnist[:DIR], mnist-test[:DIR] or one of …",
                    "train", "--data", "foo:bar"),
            usage("cli unknown task", good, "--task must be classification, regression or auto, got 'banana'",
                    with(TRAIN, "--task", "banana")),
            usage("cli predict with --input and --data", model(bytes2()), "give exactly one of --input ROWS or --data SPEC",
                    with(PREDICT, "--input", "1,2", "--data", "xor")),
            usage("cli predict --input not a number", model(bytes2()),
                    "--input row 1, value 2: expected a number, found 'abc'", with(PREDICT, "--input", "1,abc")),
            usage("cli predict --input NaN", model(bytes2()),
                    "--input row 2, value 1: expected a finite number, found 'NaN'", with(PREDICT, "--input", "1,2;NaN,1")),
            usage("cli sweep zero lr", d -> { }, "--lr must be a positive number, got 0.0",
                    "sweep", "--data", "xor", "--lr", "0,0.5", "--epochs", "5"),
            usage("cli sweep zero hidden width", d -> { }, "--hidden values must be >= 1, got '0'",
                    "sweep", "--data", "xor", "--hidden", "0", "--epochs", "5"),
            usage("cli explain layers inconsistent with data", d -> { },
                    "--layers starts with 3 inputs, but quadrants has 2 features [200, 2]",
                    "explain", "--data", "quadrants", "--layers", "3,4,1"),
            usage("cli bench kernels zero size", d -> { }, "bench kernels: sizes and --seconds must be positive",
                    "bench", "kernels", "-m", "0"),
            usage("cli bench kernels unknown kernels", d -> { },
                    "bench kernels: --kernels must be all, vector or scalar, got 'gpu'", "bench", "kernels", "--kernels", "gpu"),
            usage("cli bench kernels zero runs", d -> { },
                    "bench kernels: --threads must be >= 0 and --runs >= 1, got --threads 0 --runs 0",
                    "bench", "kernels", "--runs", "0"),
            usage("cli bench kernels cpu clock on all threads", d -> { },
                    "bench kernels: --clock must be wall, or cpu with --threads 1, got --clock cpu --threads 0",
                    "bench", "kernels", "--clock", "cpu"),
            usage("cli bench cores zero seconds", d -> { }, "bench cores: --seconds must be in (0, 60], got 0.0",
                    "bench", "cores", "--seconds", "0"),
            usage("cli playground port out of range", d -> { }, "--port must be from 0 to 65535, got 70000",
                    "playground", "--port", "70000"),
            usage("cli playground port not a number", d -> { },
                    "Invalid value for option '--port': 'web' is not an int (see 'scratchnet playground --help')",
                    "playground", "--port", "web"),
            usage("cli explain zero rows", d -> { }, "--rows must be >= 1, got 0",
                    "explain", "--data", "quadrants", "--rows", "0"),
            usage("cli explain unknown data", d -> { }, "unknown dataset 'nope': expected one of …",
                    "explain", "--data", "nope"),
            usage("cli plot unknown figure", d -> { },
                    "Unmatched arguments from index 1: 'bananas', '--out', '{d}/x.png' (see 'scratchnet plot --help')",
                    "plot", "bananas", "--out", "{d}/x.png"),
            usage("cli plot not a png", d -> { }, "--out must name a .png file, got {d}/x.jpg",
                    "plot", "losses", "--out", "{d}/x.jpg"),
            data("cli plot under a file", d -> text(d.resolve("afile"), "x"),
                    "cannot write {d}/afile/x.png: {d}/afile is a file, not a directory",
                    "plot", "activations", "--out", "{d}/afile/x.png"),
            data("numerical divergence (lr 100 on big targets)", both(csv("x,y\n1,1000\n2,-3000\n3,5000\n4,-7000\n"),
                    d -> text(d.resolve("out.safetensors"), "previous model")),
                    "… at epoch … (step …): lower --lr (now 100.0), add --clip-norm 1, standardize the features "
                            + "(--standardize), or check the data for NaN/Inf or very large values",
                    "train", "--data", "csv:{d}/data.csv", "--task", "regression", "--optimizer", "sgd", "--lr", "100",
                    "--epochs", "200", "--no-standardize", "--save", "{d}/out.safetensors"));
    }
}
