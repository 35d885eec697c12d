#!/usr/bin/env python3
"""The scikit-learn side of Kiln's parity checks and supervised benchmarks.

For each (data set, model) request read from stdin as JSON lines, fits scikit-learn's
default model behind the same default preprocessing Kiln's `kiln train` uses (median /
most-frequent imputing, one-hot encoding with unknown categories ignored, standard scaling
for models that need it), on the rows the split file marks `train`, scores the `test` rows,
and prints one JSON line with the metric and the fit and predict times.

Run by kiln-bench (dev.kiln.bench.supervised.SupervisedComparison); needs Debian's
python3-sklearn (1.2.1). Threads: n_jobs=2 where scikit-learn has it; BLAS/OpenMP threads
are set to 2 by the caller's environment.
"""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import (ElasticNet, Lasso, LinearRegression, LogisticRegression, Perceptron,
                                  Ridge, SGDRegressor)
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler
from sklearn.svm import SVC, SVR, LinearSVC, LinearSVR
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore")

SCALED = {"ridge", "lasso", "elastic-net", "sgd-regressor", "logistic-regression", "perceptron", "linear-svm", "knn", "svm",
          "polynomial-regression"}


def model(name, task, seed):
    c = task == "classification"
    return {
        "linear-regression": lambda: LinearRegression(),
        "polynomial-regression": lambda: make_pipeline(PolynomialFeatures(2), LinearRegression()),
        "ridge": lambda: Ridge(),
        "lasso": lambda: Lasso(),
        "elastic-net": lambda: ElasticNet(),
        "sgd-regressor": lambda: SGDRegressor(random_state=seed),
        "logistic-regression": lambda: LogisticRegression(),
        "perceptron": lambda: Perceptron(random_state=seed),
        "linear-svm": lambda: LinearSVC(random_state=seed) if c else LinearSVR(random_state=seed),
        "knn": lambda: KNeighborsClassifier(n_jobs=2) if c else KNeighborsRegressor(n_jobs=2),
        "svm": lambda: SVC() if c else SVR(),
        "decision-tree": lambda: DecisionTreeClassifier(random_state=seed) if c else DecisionTreeRegressor(random_state=seed),
        "random-forest": lambda: RandomForestClassifier(n_jobs=2, random_state=seed) if c
        else RandomForestRegressor(n_jobs=2, random_state=seed),
        "gradient-boosting": lambda: HistGradientBoostingClassifier(random_state=seed) if c
        else HistGradientBoostingRegressor(random_state=seed),
    }[name]()


def preprocessing(frame, scaled):
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c])]
    categorical = [c for c in frame.columns if c not in numeric]
    num_steps = [("impute", SimpleImputer(strategy="median"))]
    if scaled:
        num_steps.append(("scale", StandardScaler()))
    parts = [("num", Pipeline(num_steps), numeric)]
    if categorical:
        parts.append(("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                                       ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical))
    return ColumnTransformer(parts)


def run(request):
    frame = pd.read_csv(request["data"], keep_default_na=True)
    for column in request.get("drop", []):
        frame = frame.drop(columns=column)
    target = request["target"]
    y = frame[target]
    x = frame.drop(columns=target)
    if request.get("numeric_only"):
        x = x.select_dtypes(include="number")
    split = pd.read_csv(request["split"])
    train = split["set"].values == "train"
    test = ~train
    task = request["task"]
    if task == "classification":
        y = y.astype(str)
    fit_seconds = []
    predict_seconds = []
    for _ in range(request.get("repeat", 1)):
        estimator = Pipeline([("prep", preprocessing(x, request["model"] in SCALED)),
                              ("model", model(request["model"], task, request.get("seed", 0)))])
        t0 = time.perf_counter()
        estimator.fit(x[train], y[train])
        t1 = time.perf_counter()
        predicted = estimator.predict(x[test])
        t2 = time.perf_counter()
        fit_seconds.append(t1 - t0)
        predict_seconds.append(t2 - t1)
    score = accuracy_score(y[test], predicted) if task == "classification" else r2_score(y[test], predicted)
    return {"data": request["name"], "model": request["model"], "task": task,
            "metric": "accuracy" if task == "classification" else "r2", "score": float(score),
            "fit_seconds": min(fit_seconds), "predict_seconds": min(predict_seconds)}


def generate(request):
    """Writes the larger generated data sets: a letter-recognition-sized classification set
    (20,000 x 16, 26 classes) and a regression set of the same size (Friedman #1 plus noise)."""
    from sklearn.datasets import make_classification, make_friedman1
    out = request["generate"]
    x, y = make_classification(n_samples=20000, n_features=16, n_informative=12, n_redundant=2, n_classes=26,
                               n_clusters_per_class=1, class_sep=1.5, random_state=0)
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(16)])
    frame["letter"] = [chr(ord("A") + int(v)) for v in y]
    frame.to_csv(out + "/letters.csv", index=False)
    x, y = make_friedman1(n_samples=20000, n_features=16, noise=1.0, random_state=0)
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(16)])
    frame["y"] = y
    frame.to_csv(out + "/friedman.csv", index=False)
    return {"generated": [out + "/letters.csv", out + "/friedman.csv"]}


if __name__ == "__main__":
    import sklearn
    print(json.dumps({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}), flush=True)
    for line in sys.stdin:
        if line.strip():
            try:
                request = json.loads(line)
                print(json.dumps(generate(request) if "generate" in request else run(request)), flush=True)
            except Exception as e:  # report and go on with the next request
                print(json.dumps({"error": repr(e), "request": json.loads(line)}), flush=True)
