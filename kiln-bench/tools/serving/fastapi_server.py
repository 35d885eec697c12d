"""The peer of `kiln serve` in kiln-bench/tools/serve-bench.sh: FastAPI + uvicorn + scikit-learn (Debian packages).

Fits the model Kiln serves (median imputer, then a random forest of 100 unlimited-depth Gini trees with sqrt features
per split, bootstrap) on 70 % of the same CSV (Kiln's `train` also holds out 30 %, other rows), and answers POST /predict
with the body Kiln's POST /api/models/NAME/predict takes, {"instances": [{"mean radius": 17.99, ...}]}: the records are checked by pydantic
(numbers), each feature row is built by column name, and predict_proba gives the label and the probabilities.

Run it as a Debian user would:
  BC_CSV=breast_cancer.csv /usr/bin/python3 -m uvicorn fastapi_server:app --app-dir DIR --port 8000 [--workers 2]
Environment: BC_CSV (the data, required), BC_TARGET (target), BC_TREES (100), BC_SEED (0),
BC_HANDLER (async: the route runs on the event loop; sync: in Starlette's thread pool).
"""
import csv
import os
from typing import Dict, List

import numpy as np
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

TARGET = os.environ.get("BC_TARGET", "target")


def load(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        features = [c for c in reader.fieldnames if c != TARGET and c != "target_name"]
        rows = list(reader)
    x = np.array([[float(r[c]) if r[c] != "" else np.nan for c in features] for r in rows])
    y = np.array([r[TARGET] for r in rows])
    return features, x, y


FEATURES, X, Y = load(os.environ["BC_CSV"])
# Kiln's `train` holds out 30 % (seed 42) and fits on the rest; the same share here.
X_TRAIN, _, Y_TRAIN, _ = train_test_split(X, Y, test_size=0.3, random_state=42, stratify=Y)
MODEL = make_pipeline(
    SimpleImputer(strategy="median"),
    RandomForestClassifier(n_estimators=int(os.environ.get("BC_TREES", "100")), max_depth=None,
                           max_features="sqrt", bootstrap=True,
                           random_state=int(os.environ.get("BC_SEED", "0"))),
).fit(X_TRAIN, Y_TRAIN)
CLASSES = [str(c) for c in MODEL.classes_]


class PredictRequest(BaseModel):
    instances: List[Dict[str, float]]


def predict_records(body: PredictRequest):
    try:
        rows = np.array([[record[c] for c in FEATURES] for record in body.instances], dtype=float)
    except KeyError as e:
        raise HTTPException(status_code=422, detail=f"missing column {e.args[0]!r}")
    if len(rows) == 0:
        raise HTTPException(status_code=422, detail="no instances")
    probabilities = MODEL.predict_proba(rows)
    return {
        "predictions": [
            {"label": CLASSES[int(np.argmax(p))], "probabilities": dict(zip(CLASSES, map(float, p)))}
            for p in probabilities
        ]
    }


app = FastAPI()

if os.environ.get("BC_HANDLER", "async") == "sync":
    @app.post("/predict")
    def predict(body: PredictRequest):
        return predict_records(body)
else:
    @app.post("/predict")
    async def predict(body: PredictRequest):
        return predict_records(body)


@app.get("/health")
async def health():
    return {"live": True}
