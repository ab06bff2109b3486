#!/usr/bin/python3
"""Writes the public tables used by the docs and the table benchmarks, and scikit-learn's scores on them.

Run once with Debian's python3-sklearn (never in CI):  /usr/bin/python3 bench/tables/make_tables.py
It writes, next to this script:
  diabetes_{train,test}.csv   scikit-learn's diabetes table (442 rows, target 25..346), label last
  boston_{train,test}.csv     the Boston house-price table shipped with Debian's scikit-learn (506 rows, target 5..50)
  wine_{train,test}.csv       scikit-learn's wine table with a name column, a text column, empty cells
                              and the label first (178 rows, 3 classes)
  cancer_{train,test}.csv     scikit-learn's breast-cancer table with an id column, 'NA' cells and a text
                              label in the middle (569 rows, 2 classes)
  wine_test_reordered.csv     wine_test.csv with its columns in another order
  sklearn_scores.txt          the scores of scikit-learn pipelines (impute, scale, one-hot; LinearRegression
                              and MLP) trained on each *_train.csv and measured on *_test.csv
Every split is 80/20, shuffled with numpy seed 0.
"""
import csv
import os

import numpy as np
from sklearn import datasets
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import accuracy_score, f1_score, r2_score, roc_auc_score, mean_absolute_error
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
MISSING = {"", "NA", "N/A", "null", "NaN", "?"}


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def split(n, rng):
    idx = rng.permutation(n)
    cut = int(round(n * 0.8))
    return idx[:cut], idx[cut:]


def fmt(v):
    return ("%.6g" % v) if isinstance(v, (float, np.floating)) else str(v)


def regression_tables(rng):
    d = datasets.load_diabetes(scaled=False)
    names = [n.replace("s", "s") for n in d.feature_names]
    tables = {"diabetes": (names + ["progression"], d.data, d.target)}
    import sklearn.datasets._base as base  # Boston ships as a CSV beside the other tables
    path = os.path.join(os.path.dirname(base.__file__), "data", "boston_house_prices.csv")
    with open(path) as f:
        lines = list(csv.reader(f))
    header = lines[1]
    data = np.array([[float(v) for v in r] for r in lines[2:]])
    tables["boston"] = (header, data[:, :-1], data[:, -1])
    for name, (header, x, y) in tables.items():
        tr, te = split(len(y), rng)
        for part, idx in (("train", tr), ("test", te)):
            write(name + "_" + part + ".csv", header, [[fmt(v) for v in x[i]] + [fmt(y[i])] for i in idx])


def wine_table(rng):
    d = datasets.load_wine()
    x, y = d.data, d.target
    n = len(y)
    header = ["cultivar", "name", "region"] + list(d.feature_names)
    regions = ["north", "south", "east", "west"]
    rows = []
    for i in range(n):
        # a text column that carries some signal: the region follows the class most of the time
        region = regions[y[i]] if rng.random() < 0.7 else regions[rng.integers(0, 4)]
        values = [fmt(v) for v in x[i]]
        for j in (1, 5, 9):  # about 5% empty cells in three numeric columns
            if rng.random() < 0.05:
                values[j] = ""
        rows.append(["class_%d" % y[i], "bottle-%03d" % i, region] + values)
    tr, te = split(n, rng)
    write("wine_train.csv", header, [rows[i] for i in tr])
    write("wine_test.csv", header, [rows[i] for i in te])
    order = list(range(len(header)))[::-1]
    write("wine_test_reordered.csv", [header[j] for j in order], [[rows[i][j] for j in order] for i in te])


def cancer_table(rng):
    d = datasets.load_breast_cancer()
    x, y = d.data, d.target
    names = [f.replace(" ", "_") for f in d.feature_names]
    header = ["id"] + names[:10] + ["diagnosis"] + names[10:]
    rows = []
    for i in range(len(y)):
        values = [fmt(v) for v in x[i]]
        for j in (0, 3, 20):
            if rng.random() < 0.04:
                values[j] = "NA"
        label = "benign" if y[i] == 1 else "malignant"
        rows.append(["P%05d" % (1000 + i)] + values[:10] + [label] + values[10:])
    tr, te = split(len(y), rng)
    write("cancer_train.csv", header, [rows[i] for i in tr])
    write("cancer_test.csv", header, [rows[i] for i in te])


def read(name, label, drop=()):
    with open(os.path.join(HERE, name)) as f:
        r = list(csv.reader(f))
    header, rows = r[0], r[1:]
    feats = [h for h in header if h != label and h not in drop]
    cols = {h: [row[header.index(h)] for row in rows] for h in feats}
    text = [h for h in feats if any(v not in MISSING and not is_number(v) for v in cols[h])]
    table = np.empty((len(rows), len(feats)), dtype=object)
    for j, h in enumerate(feats):
        for i, v in enumerate(cols[h]):
            table[i, j] = np.nan if v in MISSING else (v if h in text else float(v))
    return table, [row[header.index(label)] for row in rows], feats, text


def is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def preprocess(feats, text):
    num = [i for i, h in enumerate(feats) if h not in text]
    cat = [i for i, h in enumerate(feats) if h in text]
    parts = [("num", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), num)]
    if cat:
        parts.append(("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                           OneHotEncoder(handle_unknown="ignore")), cat))
    return ColumnTransformer(parts)


def scores():
    out = []
    for name in ("diabetes", "boston"):
        label = "progression" if name == "diabetes" else "MEDV"
        xtr, ytr, feats, text = read(name + "_train.csv", label)
        xte, yte, _, _ = read(name + "_test.csv", label)
        ytr, yte = np.array(ytr, float), np.array(yte, float)
        lin = make_pipeline(preprocess(feats, text), LinearRegression()).fit(xtr, ytr)
        p = lin.predict(xte)
        out.append("%s LinearRegression test r2 = %.4f mae = %.4f" % (name, r2_score(yte, p), mean_absolute_error(yte, p)))
        for seed in range(3):
            mlp = make_pipeline(preprocess(feats, text), MLPRegressor(hidden_layer_sizes=(16,), max_iter=2000,
                                                                     early_stopping=True, random_state=seed))
            p = mlp.fit(xtr, ytr).predict(xte)
            out.append("%s MLPRegressor(16, early_stopping, seed %d) test r2 = %.4f" % (name, seed, r2_score(yte, p)))
    for name, label, drop in (("wine", "cultivar", ("name",)), ("cancer", "diagnosis", ("id",))):
        xtr, ytr, feats, text = read(name + "_train.csv", label, drop)
        xte, yte, _, _ = read(name + "_test.csv", label, drop)
        for seed in range(3):
            mlp = make_pipeline(preprocess(feats, text), MLPClassifier(hidden_layer_sizes=(16,), max_iter=2000,
                                                                      random_state=seed)).fit(xtr, ytr)
            p = mlp.predict(xte)
            line = "%s MLPClassifier(16, seed %d) test accuracy = %.4f macro_f1 = %.4f" % (
                name, seed, accuracy_score(yte, p), f1_score(yte, p, average="macro"))
            if name == "cancer":
                prob = mlp.predict_proba(xte)[:, list(mlp.classes_).index("malignant")]
                line += " roc_auc(malignant) = %.4f" % roc_auc_score([v == "malignant" for v in yte], prob)
            out.append(line)
    return out


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    regression_tables(rng)
    wine_table(rng)
    cancer_table(rng)
    lines = scores()
    with open(os.path.join(HERE, "sklearn_scores.txt"), "w") as f:
        f.write("# bench/tables/make_tables.py with scikit-learn %s\n" % __import__("sklearn").__version__)
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
