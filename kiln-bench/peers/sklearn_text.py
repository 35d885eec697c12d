"""scikit-learn's side of `./kiln bench text`: TfidfVectorizer and TfidfVectorizer + LogisticRegression with their
defaults on the same documents and the same cross-validation folds as Kiln's side. Prints one JSON object.

Usage: python3 sklearn_text.py REQUEST.json
REQUEST: {"corpora": {name: path of a JSONL file with a "text" field}, "sentences": CSV with text,label,
          "folds": CSV with row,fold, "repeat": N}
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def best_of(repeat, fn):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    request = json.load(open(sys.argv[1]))
    repeat = request["repeat"]
    out = {"sklearn_version": sklearn.__version__, "corpora": {}}
    for name, path in request["corpora"].items():
        docs = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
        seconds, x = best_of(repeat, lambda: TfidfVectorizer().fit_transform(docs))
        out["corpora"][name] = {"documents": len(docs), "seconds": seconds, "terms": x.shape[1], "stored": int(x.nnz)}
    frame = pd.read_csv(request["sentences"])
    texts = frame["text"].tolist()
    labels = frame["label"].to_numpy()
    seconds, _ = best_of(repeat, lambda: make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(texts, labels))
    out["fit_seconds"] = seconds
    folds = pd.read_csv(request["folds"]).sort_values("row")["fold"].to_numpy()
    accuracies = []
    for k in sorted(set(folds)):
        train = np.flatnonzero(folds != k)
        test = np.flatnonzero(folds == k)
        model = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit([texts[i] for i in train], labels[train])
        accuracies.append(float(np.mean(model.predict([texts[i] for i in test]) == labels[test])))
    out["fold_accuracies"] = accuracies
    print(json.dumps(out))


if __name__ == "__main__":
    main()
