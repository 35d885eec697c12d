"""The SciPy side of `./kiln bench drift`: reads the two CSVs with pandas and times Evidently's
default drift tests (normed Wasserstein for numeric columns, Jensen-Shannon on value shares for
categorical ones) and the two-sample KS test, as Evidently calls SciPy for them.

Usage: scipy_drift.py REFERENCE.csv CURRENT.csv NUMERIC_COLUMNS CATEGORICAL_COLUMNS (comma-separated)
Prints one JSON object: versions, times (best of 3) and the statistics per column.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial import distance


def evidently_defaults(ref, cur, numeric, categorical):
    out = {}
    for c in numeric:
        r, k = ref[c].dropna(), cur[c].dropna()
        out[c] = stats.wasserstein_distance(r, k) / max(np.std(r), 0.001)
    for c in categorical:
        r, k = ref[c].dropna(), cur[c].dropna()
        keys = list(set(r.unique()) | set(k.unique()))
        rc, kc = r.value_counts(), k.value_counts()
        p = np.array([rc.get(x, 0) / len(r) for x in keys])
        q = np.array([kc.get(x, 0) / len(k) for x in keys])
        out[c] = distance.jensenshannon(p, q, 2)
    return out


def ks(ref, cur, numeric):
    return {c: stats.ks_2samp(ref[c].dropna(), cur[c].dropna())[1] for c in numeric}


def best_of_three(f):
    best, result = float("inf"), None
    for _ in range(3):
        t0 = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    ref_path, cur_path, numeric, categorical = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4].split(",")
    read_seconds, (ref, cur) = best_of_three(lambda: (pd.read_csv(ref_path), pd.read_csv(cur_path)))
    defaults_seconds, defaults = best_of_three(lambda: evidently_defaults(ref, cur, numeric, categorical))
    ks_seconds, ks_p = best_of_three(lambda: ks(ref, cur, numeric))
    print(json.dumps({
        "versions": f"SciPy {scipy.__version__}, NumPy {np.__version__}, pandas {pd.__version__}",
        "read_seconds": read_seconds,
        "defaults_seconds": defaults_seconds,
        "ks_seconds": ks_seconds,
        "defaults": {k: float(v) for k, v in defaults.items()},
        "ks_p_values": {k: float(v) for k, v in ks_p.items()},
    }))


if __name__ == "__main__":
    main()
