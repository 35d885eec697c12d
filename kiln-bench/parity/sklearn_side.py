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
    def score_of(predicted):
        return accuracy_score(y[test], predicted) if task == "classification" else r2_score(y[test], predicted)

    score = score_of(predicted)
    if "seeds" in request:
        # Order-dependent stochastic models: the mean over seeds 0 .. seeds - 1.
        scores = []
        for seed in range(request["seeds"]):
            estimator = Pipeline([("prep", preprocessing(x, request["model"] in SCALED)),
                                  ("model", model(request["model"], task, seed))])
            scores.append(score_of(estimator.fit(x[train], y[train]).predict(x[test])))
        score = float(np.mean(scores))
    return {"data": request["name"], "model": request["model"], "task": task,
            "metric": "accuracy" if task == "classification" else "r2", "score": float(score),
            "fit_seconds": min(fit_seconds), "predict_seconds": min(predict_seconds)}


def generate_unsupervised(out):
    """The generated sets of the unsupervised benchmark: k-means on 100k x 50 blobs, DBSCAN on 50k
    2-D points, Ward on 5k points, PCA on 10k x 500 (a rank-50 signal plus noise)."""
    from sklearn.datasets import make_blobs
    x, y = make_blobs(n_samples=100000, n_features=50, centers=8, cluster_std=2.0, random_state=0)
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(50)])
    frame["label"] = y
    frame.to_csv(out + "/blobs-100k.csv", index=False)
    x, y = make_blobs(n_samples=50000, n_features=2, centers=6, cluster_std=0.4, center_box=(-10, 10), random_state=1)
    frame = pd.DataFrame(x, columns=["x", "y"])
    frame["label"] = y
    frame.to_csv(out + "/points-50k.csv", index=False)
    x, y = make_blobs(n_samples=5000, n_features=10, centers=5, cluster_std=1.5, random_state=2)
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(10)])
    frame["label"] = y
    frame.to_csv(out + "/points-5k.csv", index=False)
    rng = np.random.default_rng(3)
    signal = rng.standard_normal((10000, 50)) @ rng.standard_normal((50, 500))
    frame = pd.DataFrame(signal + 0.5 * rng.standard_normal((10000, 500)), columns=[f"x{i}" for i in range(500)])
    frame.to_csv(out + "/wide-10k.csv", index=False)
    return {"generated": [out + "/blobs-100k.csv", out + "/points-50k.csv", out + "/points-5k.csv", out + "/wide-10k.csv"]}


def unsupervised(request):
    """Fits one clustering or embedding the way the request says and reports its time (the best of
    `repeat` runs) and quality: ARI against the label column for clustering, explained variance for
    PCA, trustworthiness (k = 5) and KL divergence for t-SNE."""
    from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE, trustworthiness
    from sklearn.metrics import adjusted_rand_score
    frame = pd.read_csv(request["data"])
    labels = None
    for column in request.get("drop", []):
        frame = frame.drop(columns=column)
    if request.get("label"):
        labels = frame.pop(request["label"]).astype(str)
    x = frame.to_numpy(dtype=float)
    if request.get("standardize"):
        x = StandardScaler().fit_transform(x)
    algo = request["algo"]
    p = request.get("params", {})
    seconds = []
    result = {}
    for _ in range(request.get("repeat", 1)):
        t0 = time.perf_counter()
        if algo == "kmeans":
            model = KMeans(n_clusters=p["n_clusters"], n_init=10, random_state=0).fit(x)
            found = model.labels_
        elif algo == "dbscan":
            found = DBSCAN(eps=p["eps"], min_samples=p["min_samples"], n_jobs=2).fit(x).labels_
        elif algo == "ward":
            found = AgglomerativeClustering(n_clusters=p["n_clusters"], linkage="ward").fit(x).labels_
        elif algo == "pca":
            model = PCA(n_components=p.get("n_components"), random_state=0).fit(x)
            model.transform(x)
            result["explained_variance_ratio_sum"] = float(model.explained_variance_ratio_.sum())
            result["explained_variance_ratio_first"] = float(model.explained_variance_ratio_[0])
        elif algo == "tsne":
            embedding = TSNE(random_state=0, n_jobs=2).fit(x)
            result["kl_divergence"] = float(embedding.kl_divergence_)
            emb = embedding.embedding_
        seconds.append(time.perf_counter() - t0)
    if algo in ("kmeans", "dbscan", "ward"):
        result["ari"] = float(adjusted_rand_score(labels, found)) if labels is not None else None
        result["clusters"] = int(len(set(found) - {-1}))
        result["noise"] = int((np.asarray(found) == -1).sum())
    if algo == "tsne":
        result["trustworthiness"] = float(trustworthiness(x, emb, n_neighbors=5))
    result["fit_seconds"] = min(seconds)
    return result


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
                if "generate" in request:
                    answer = generate(request)
                elif "generate_unsupervised" in request:
                    answer = generate_unsupervised(request["generate_unsupervised"])
                elif "algo" in request:
                    answer = unsupervised(request)
                else:
                    answer = run(request)
                print(json.dumps(answer), flush=True)
            except Exception as e:  # report and go on with the next request
                print(json.dumps({"error": repr(e), "request": json.loads(line)}), flush=True)
