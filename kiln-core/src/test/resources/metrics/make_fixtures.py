"""Reference figures for the dev.kiln.core.metrics tests, from scikit-learn.

Run with the Python that has scikit-learn (Debian's python3-sklearn 1.2.1 was used):

    /usr/bin/python3 kiln-core/src/test/resources/metrics/make_fixtures.py

Each line printed is `expression = value`; the tests quote the expression next to the value.
The arrays below are the ones the tests declare under the same names.
"""
import numpy as np
import sklearn
from sklearn import metrics as m
from sklearn.preprocessing import label_binarize

R_TRUE = [3.0, -0.5, 2.0, 7.0, 4.5]
R_PRED = [2.5, 0.0, 2.0, 8.0, 3.0]
S_TRUE = [1.5, 2.0, -3.0, 10.0, 0.25, 4.0, 8.0, -1.0]
S_PRED = [1.0, 2.5, -2.0, 12.0, 0.0, 4.0, 5.0, -1.5]

B_TRUE = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0]
B_PRED = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0]
B_SCORE = [0.1, 0.8, 0.4, 0.4, 0.9, 0.8, 0.6, 0.2, 0.4, 0.3]

M_TRUE = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 2]
M_PRED = [0, 2, 1, 0, 1, 2, 1, 1, 2, 0, 2, 2]
M_PROBA = np.array([
    [0.7, 0.2, 0.1],
    [0.2, 0.3, 0.5],
    [0.1, 0.5, 0.4],
    [0.6, 0.2, 0.2],
    [0.2, 0.6, 0.2],
    [0.1, 0.2, 0.7],
    [0.3, 0.5, 0.2],
    [0.1, 0.8, 0.1],
    [0.2, 0.2, 0.6],
    [0.5, 0.3, 0.2],
    [0.3, 0.2, 0.5],
    [0.0, 0.3, 0.7],
])

Z_TRUE = [0, 1, 2, 2, 1, 0]
Z_PRED = [0, 1, 1, 1, 1, 0]

EXPRESSIONS = [
    "m.r2_score(S_TRUE, S_PRED)",
    "m.explained_variance_score(S_TRUE, S_PRED)",
    "m.mean_squared_error(S_TRUE, S_PRED)",
    "m.mean_squared_error(S_TRUE, S_PRED, squared=False)",
    "m.mean_absolute_error(S_TRUE, S_PRED)",
    "m.median_absolute_error(S_TRUE, S_PRED)",
    "m.max_error(S_TRUE, S_PRED)",
    "m.mean_absolute_percentage_error(S_TRUE, S_PRED)",
    "m.mean_absolute_percentage_error([0.0, 2.0], [1.0, 1.0])",
    "m.r2_score([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])",
    "m.explained_variance_score([2.0, 2.0, 2.0], [1.0, 1.0, 1.0])",
    "m.explained_variance_score([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])",
    "m.r2_score([0.1, 0.1, 0.1], [0.2, 0.2, 0.2])",

    "m.fbeta_score(B_TRUE, B_PRED, beta=2)",
    "m.fbeta_score(B_TRUE, B_PRED, beta=0.5)",
    "m.f1_score(B_TRUE, B_PRED, average='macro')",
    "m.f1_score(B_TRUE, B_PRED, average='weighted')",
    "m.matthews_corrcoef(B_TRUE, B_PRED)",
    "m.cohen_kappa_score(B_TRUE, B_PRED)",
    "m.balanced_accuracy_score(B_TRUE, B_PRED)",

    "m.precision_score(M_TRUE, M_PRED, average='macro')",
    "m.recall_score(M_TRUE, M_PRED, average='macro')",
    "m.f1_score(M_TRUE, M_PRED, average='macro')",
    "m.precision_score(M_TRUE, M_PRED, average='weighted')",
    "m.recall_score(M_TRUE, M_PRED, average='weighted')",
    "m.f1_score(M_TRUE, M_PRED, average='weighted')",
    "m.f1_score(M_TRUE, M_PRED, average='micro')",
    "m.fbeta_score(M_TRUE, M_PRED, beta=2, average='macro')",
    "m.fbeta_score(M_TRUE, M_PRED, beta=0.5, average='weighted')",
    "m.fbeta_score(M_TRUE, M_PRED, beta=2, average=None).tolist()",
    "m.balanced_accuracy_score(M_TRUE, M_PRED)",
    "m.matthews_corrcoef(M_TRUE, M_PRED)",
    "m.cohen_kappa_score(M_TRUE, M_PRED)",
    "m.log_loss(M_TRUE, M_PROBA)",

    "m.f1_score(Z_TRUE, Z_PRED, average='macro')",
    "m.precision_score(Z_TRUE, Z_PRED, average='weighted')",
    "m.f1_score(Z_TRUE, Z_PRED, average='weighted')",

    "m.balanced_accuracy_score([0, 0, 1, 1], [0, 2, 1, 1])",
    "m.recall_score([0, 0, 1, 1], [0, 2, 1, 1], average='macro')",
    "m.precision_score([0, 0, 2, 2], [0, 2, 2, 2], average='macro')",
    "m.log_loss([0, 1], [[1.0, 0.0], [1.0, 0.0]])",
    "m.cohen_kappa_score([1, 1, 1], [1, 1, 1])",

    "[x.tolist() for x in m.roc_curve(B_TRUE, B_SCORE)]",
    "[x.tolist() for x in m.roc_curve(B_TRUE, B_SCORE, drop_intermediate=False)]",
    "m.roc_auc_score(B_TRUE, B_SCORE)",
    "[x.tolist() for x in m.precision_recall_curve(B_TRUE, B_SCORE)]",
    "m.average_precision_score(B_TRUE, B_SCORE)",
    "m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='macro')",
    "m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='weighted')",
    "m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='micro')",
    "m.average_precision_score(label_binarize(M_TRUE, classes=[0, 1, 2]), M_PROBA, average='macro')",
    "m.average_precision_score(np.equal(M_TRUE, 2), M_PROBA[:, 2])",
]

if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    print("# scikit-learn", sklearn.__version__)
    for expression in EXPRESSIONS:
        print(expression, "=", repr(eval(expression)))
