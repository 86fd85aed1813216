"""Writes the small real data sets nngeom ships (core/src/main/resources/io/nngeom/data/real/).

Each set is split 75/25 (diabetes: 100 test rows) (scikit-learn's train_test_split, random_state=0, stratified for classes), the features are
standardised with the training part's mean and standard deviation (ddof=0), and regression targets likewise. Values
are written with 17 significant digits, so the CSV files read back bit for bit. Needs scikit-learn (only to make the
files; nngeom reads the CSVs). Usage: python3 scripts/make_real_data.py
"""
import os
import numpy as np
from sklearn import datasets
from sklearn.model_selection import train_test_split

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "main", "resources", "io", "nngeom", "data", "real")


def write(name, x, y, names, classes):
    header = ",".join([n.replace(" ", "_").replace(",", "") for n in names] + ["target"])
    with open(os.path.join(OUT, name + ".csv"), "w", newline="\n") as f:
        f.write(header + "\n")
        for row, t in zip(x, y):
            vals = ["%.17g" % v for v in row] + [str(int(t)) if classes else "%.17g" % t]
            f.write(",".join(vals) + "\n")


def make(name, bunch, classes, test_size=0.25):
    x = np.asarray(bunch.data, dtype=np.float64)
    y = np.asarray(bunch.target)
    xtr, xte, ytr, yte = train_test_split(x, y, test_size=test_size, random_state=0, stratify=y if classes else None)
    mu, sd = xtr.mean(axis=0), xtr.std(axis=0)
    sd[sd == 0] = 1.0
    xtr, xte = (xtr - mu) / sd, (xte - mu) / sd
    if not classes:
        ym, ys = ytr.mean(), ytr.std()
        ytr, yte = (ytr - ym) / ys, (yte - ym) / ys
    names = getattr(bunch, "feature_names", None)
    names = ["x%d" % (j + 1) for j in range(x.shape[1])] if names is None else [str(n) for n in names]
    write(name + "-train", xtr, ytr, names, classes)
    write(name + "-test", xte, yte, names, classes)
    print(name, xtr.shape, xte.shape)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make("breast-cancer", datasets.load_breast_cancer(), True)
    make("diabetes", datasets.load_diabetes(scaled=False), False, test_size=100)
    make("wine", datasets.load_wine(), True)
    make("iris", datasets.load_iris(), True)
    make("digits", datasets.load_digits(), True)
