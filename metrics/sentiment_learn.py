"""A workspace's own sentiment layer, learnt from its manual labels (issue 19).

Pure functions (numpy only, no IO, no clock). The IO side (reading the manual labels, saving the
model document, re-scoring the store) is :mod:`connectors.scoring`.

Model
-----
A multinomial logistic regression (classes negative / neutral / positive) whose logits start from
the default scorer's and learn corrections on top:

    z(text) = base_logits(score, lang) + sum_j x_j * W_j

* ``base_logits`` (:func:`metrics.sentiment_model.base_logits`) = 6 * (-(score + neg), 0,
  score - pos) with the language's neutral band: with ``W = 0`` and ``b = 0`` the layer's most
  probable class is exactly the default label, so few corrections move the scorer a little and
  many move it more.
* ``x`` = the default score and binary word uni/bigrams of the text (``w:<gram>``; the same
  tokens as the scorer: lower case, elongation removed, punctuation reduced to ``! ? .``) that
  occur in at least 2 labelled texts. No intercept: a class absent from the corrections keeps
  the default scorer's reading of texts that share no word with them.
* Fitted by L-BFGS on ``sum_i CE_i + (l2 / 2) * |W|^2`` (CE = cross-entropy of the manual
  label); every weight is penalised towards 0, i.e. towards the default scorer. ``l2`` is chosen
  per workspace by cross-validated accuracy on its own labels, and nothing is learnt when the
  default scorer is at least as accurate on them (:func:`fit_auto`).

Applied: label = most probable class; score = P(positive) - P(negative) in -1..1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from metrics.sentiment_model import _STOP_INDEX, base_logits, softmax3

CLASSES = ("negative", "neutral", "positive")
FORMAT = 1
L2 = 1.0
MAX_ITER = 200
MIN_COUNT = 2  # a word n-gram seen in a single labelled text is not learnt
_IDX = {c: i for i, c in enumerate(CLASSES)}
# function words (the language detector's lists) and punctuation: in most texts, they would act
# as an intercept learnt from the class mix of a few corrections
_FUNCTION_GRAMS = frozenset(_STOP_INDEX) | {".", "!", "?"}

Analysis = tuple[str, float, "list[float] | None", "list[str]"]


def features(lang: str, score: float, dense: Sequence[float] | None, grams: Sequence[str]) -> dict[str, float]:
    """The layer's sparse features of one analysed text: the default score and the binary word
    n-grams (see the module docstring). ``lang`` and ``dense`` are not used (they shifted whole
    classes when the corrections were unbalanced; bench/README.md)."""
    f: dict[str, float] = {"score": float(score)}
    for g in grams:
        if g not in _FUNCTION_GRAMS and not all(p in _FUNCTION_GRAMS for p in g.split(" ")):
            f["w:" + g] = 1.0
    return f


class Layer:
    """A fitted layer: ``weights`` {feature: (3,)} and ``bias`` (3,; 0 from :func:`fit`, kept in the
    document format for a later intercept); built from a model document."""

    def __init__(self, bias: Sequence[float], weights: Mapping[str, Sequence[float]], version: int = 0, n_labels: int = 0):
        self.bias = tuple(float(v) for v in bias)
        self.weights = {str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in weights.items()}
        self.version = int(version)
        self.n_labels = int(n_labels)
        self.l2 = float("nan")

    def proba(self, lang: str, score: float, dense: Sequence[float] | None, grams: Sequence[str]) -> tuple[float, float, float]:
        z = list(base_logits(score, lang))
        for c in range(3):
            z[c] += self.bias[c]
        get = self.weights.get
        for k, x in features(lang, score, dense, grams).items():
            w = get(k)
            if w is not None:
                z[0] += x * w[0]
                z[1] += x * w[1]
                z[2] += x * w[2]
        return softmax3(z)

    @staticmethod
    def score_label_from(p: Sequence[float]) -> tuple[float, str]:
        """(P(positive) - P(negative) rounded to 4 places, most probable class; ties -> neutral)."""
        best = 1
        if p[0] > p[best]:
            best = 0
        if p[2] > p[best]:
            best = 2
        return round(p[2] - p[0], 4), CLASSES[best]

    def score_label(self, lang: str, score: float, dense, grams) -> tuple[float, str]:
        return self.score_label_from(self.proba(lang, score, dense, grams))

    def to_doc(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": self.version, "n_labels": self.n_labels,
            "bias": [round(v, 6) for v in self.bias],
            "weights": {k: [round(x, 6) for x in w] for k, w in self.weights.items()},
        }

    @classmethod
    def from_doc(cls, doc: Any) -> Layer | None:
        """The layer of a stored model document, or None (no model, reset, or not readable)."""
        if not isinstance(doc, Mapping) or doc.get("format") != FORMAT or not doc.get("active", True):
            return None
        try:
            bias = [float(v) for v in doc["bias"]]
            weights = {k: [float(x) for x in w] for k, w in dict(doc["weights"]).items()}
            if len(bias) != 3 or any(len(w) != 3 for w in weights.values()):
                return None
            if not all(math.isfinite(v) for v in bias) or not all(math.isfinite(x) for w in weights.values() for x in w):
                return None
            return cls(bias, weights, int(doc.get("version", 0)), int(doc.get("n_labels", 0)))
        except (KeyError, TypeError, ValueError):
            return None


# --------------------------------------------------------------------------- fitting


def design(
    feats: Sequence[Mapping[str, float]], min_count: int = MIN_COUNT, sparse: tuple[str, ...] = ("w:",)
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int]]:
    """COO design matrix (rows, cols, vals) and vocabulary of per-text feature dicts. A feature
    whose name starts with one of ``sparse`` is kept only when at least ``min_count`` texts have
    it; columns are numbered in order of first appearance."""
    df: dict[str, int] = {}
    for f in feats:
        for k in f:
            df[k] = df.get(k, 0) + 1
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, f in enumerate(feats):
        for k, x in f.items():
            j = vocab.get(k)
            if j is None:
                if k.startswith(sparse) and df[k] < min_count:
                    continue
                j = vocab[k] = len(vocab)
            rows.append(i)
            cols.append(j)
            vals.append(x)
    return np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=float), vocab


def _design(analyses: Sequence[Analysis], min_count: int = MIN_COUNT):
    """The layer's design (:func:`design` of :func:`features`) and base logits (n, 3)."""
    rows, cols, vals, vocab = design([features(*a) for a in analyses], min_count)
    base = np.array([base_logits(a[1], a[0]) for a in analyses], dtype=float).reshape(len(analyses), 3)
    return rows, cols, vals, base, vocab


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """Vector dot product without BLAS: a threaded BLAS call on a busy 2-core machine is ~100x
    slower than this for the vector sizes of a layer."""
    return float(np.add.reduce(a * b))


def _lbfgs(fg, x0: np.ndarray, max_iter: int = MAX_ITER, m: int = 10, tol: float = 1e-5) -> np.ndarray:
    """Minimise a smooth convex function (``fg(x) -> (f, grad)``) by L-BFGS with Armijo backtracking."""
    x = x0.copy()
    f, g = fg(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        if np.linalg.norm(g, np.inf) < tol:
            break
        q = g.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = _dot(s, q) / _dot(y, s)
            alphas.append(a)
            q -= a * y
        if s_hist:
            q *= _dot(s_hist[-1], y_hist[-1]) / _dot(y_hist[-1], y_hist[-1])
        for (s, y), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            b = _dot(y, q) / _dot(y, s)
            q += (a - b) * s
        d = -q
        gd = _dot(g, d)
        if gd >= 0:  # not a descent direction: restart from the gradient
            d, gd = -g, -_dot(g, g)
            s_hist.clear()
            y_hist.clear()
        step = 1.0
        while True:
            x_new = x + step * d
            f_new, g_new = fg(x_new)
            if f_new <= f + 1e-4 * step * gd or step < 1e-10:
                break
            step *= 0.5
        s, y = x_new - x, g_new - g
        if _dot(s, y) > 1e-12:
            s_hist.append(s)
            y_hist.append(y)
            if len(s_hist) > m:
                s_hist.pop(0)
                y_hist.pop(0)
        if abs(f - f_new) <= tol * max(1.0, abs(f)):
            x, f, g = x_new, f_new, g_new
            break
        x, f, g = x_new, f_new, g_new
    return x


def fit_weights(
    rows: np.ndarray,
    cols: np.ndarray,
    vals: np.ndarray,
    base: np.ndarray,
    y_idx: Sequence[int],
    nf: int,
    l2: float,
    sample_weight: np.ndarray | None = None,
) -> np.ndarray:
    """Weights W (nf, 3) minimising ``sum_i s_i * CE_i + (l2 / 2) * |W|^2`` for logits
    ``z_i = base_i + sum_j x_ij * W_j`` (COO design ``rows, cols, vals``; class indices ``y_idx``;
    ``s_i`` = ``sample_weight``, 1 when None), by L-BFGS from W = 0."""
    n = len(y_idx)
    y = np.zeros((n, 3))
    y[np.arange(n), list(y_idx)] = 1.0
    sw = None if sample_weight is None else np.asarray(sample_weight, dtype=float)[:, None]

    def fg(theta: np.ndarray):
        w = theta.reshape(nf, 3)
        contrib = vals[:, None] * w[cols]
        z = base.copy()
        for c in range(3):
            z[:, c] += np.bincount(rows, weights=contrib[:, c], minlength=n)
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        if sw is None:
            f = -(y * logp).sum() + 0.5 * l2 * _dot(theta, theta)
            r = p - y
        else:
            f = -(sw * y * logp).sum() + 0.5 * l2 * _dot(theta, theta)
            r = (p - y) * sw
        gw = np.empty((nf, 3))
        for c in range(3):
            gw[:, c] = np.bincount(cols, weights=vals * r[rows, c], minlength=nf)
        g = gw.ravel() + l2 * theta
        return f, g

    return _lbfgs(fg, np.zeros(nf * 3)).reshape(nf, 3)


def fit(analyses: Sequence[Analysis], labels: Sequence[str], l2: float = L2, version: int = 0) -> Layer:
    """Fit a layer on analysed texts (:func:`metrics.sentiment_model.analyse_texts`) and their
    manual labels (negative / neutral / positive). Raises ValueError on another label or on
    mismatched lengths. With no example, the layer is the default scorer (all weights 0)."""
    if len(analyses) != len(labels):
        raise ValueError(f"{len(analyses)} texts but {len(labels)} labels")
    bad = sorted({str(lab) for lab in labels if lab not in _IDX})
    if bad:
        raise ValueError(f"unknown sentiment label(s): {', '.join(bad)} (expected negative, neutral, positive)")
    n = len(labels)
    if n == 0:
        return Layer((0.0, 0.0, 0.0), {}, version, 0)
    rows, cols, vals, base, vocab = _design(analyses)
    w = fit_weights(rows, cols, vals, base, [_IDX[lab] for lab in labels], len(vocab), l2)
    names = list(vocab)
    weights = {names[j]: w[j].tolist() for j in range(len(vocab)) if np.abs(w[j]).max() >= 1e-5}
    return Layer((0.0, 0.0, 0.0), weights, version, n)


# --------------------------------------------------------------------------- evaluation


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Mean over the three classes of F1 = 2PR / (P + R); a class with P + R = 0 counts 0."""
    f1s = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 3


def predict(layer: Layer | None, analyses: Sequence[Analysis]) -> list[str]:
    """Labels of analysed texts: the layer's, or the default scorer's when ``layer`` is None."""
    from metrics.sentiment_model import label_for

    if layer is None:
        return [label_for(a[1], a[0]) for a in analyses]
    return [layer.score_label(*a)[1] for a in analyses]


L2_GRID = (1.0, 10.0, 100.0, 1000.0)


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of ``pred`` equal to ``gold`` (0.0 for no item)."""
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if len(gold) else 0.0


def fit_auto(analyses: Sequence[Analysis], labels: Sequence[str], version: int = 0, grid: Sequence[float] = L2_GRID) -> Layer:
    """:func:`fit` with the penalty chosen among ``grid`` by 3-fold cross-validated accuracy on
    these labels only (item i in fold i mod 3; ties -> the larger penalty, i.e. closer to the
    default scorer); fewer than 6 labels -> the largest penalty. When the default scorer's
    accuracy on the same labels is at least the best fold score, the layer stays empty (all
    weights 0: the default labels) and ``l2`` is ``inf``. ``layer.l2`` records the choice.

    Accuracy, not macro-F1: corrections come from the review queue, the mentions the default
    scorer is least sure of, where it mostly says neutral. On such a sample, macro-F1 rewards a
    layer for merely spreading its answers over three classes; accuracy only for getting more of
    them right. With macro-F1 here, 100 least-certain-first corrections lowered held-out French
    macro-F1 by 0.063 on the dev set; with accuracy by 0.004 (bench/README.md, "Sentiment")."""
    n = len(labels)
    if n < 6:
        best = max(grid)
    else:
        scored = []
        for l2 in grid:
            pred: list[str] = [""] * n
            for f in range(3):
                train = [i for i in range(n) if i % 3 != f]
                test = [i for i in range(n) if i % 3 == f]
                layer = fit([analyses[i] for i in train], [labels[i] for i in train], l2)
                for i, p in zip(test, predict(layer, [analyses[i] for i in test]), strict=True):
                    pred[i] = p
            scored.append((round(accuracy(labels, pred), 6), l2))
        default = round(accuracy(labels, predict(None, analyses)), 6)
        best = max(scored)[1] if max(scored)[0] > default else math.inf
    if math.isinf(best):  # the default scorer did better on these labels: learn nothing yet
        layer = Layer((0.0, 0.0, 0.0), {}, version, n)
    else:
        layer = fit(analyses, labels, best, version)
    layer.l2 = best
    return layer


def cross_validate(analyses: Sequence[Analysis], labels: Sequence[str], folds: int = 5, l2: float = L2) -> dict[str, float]:
    """Estimated accuracy of a layer trained on these labels, on labels it has not seen.

    k-fold cross-validation (k = ``folds``, at most the number of labels; item i is in fold
    i mod k): each fold is predicted by a layer fitted on the other folds. Returns ``n``,
    ``accuracy`` and ``macro_f1`` of the layer over all held-out predictions, and
    ``default_accuracy`` / ``default_macro_f1`` of the default scorer on the same labels.
    NaN figures when there are fewer than 2 labels."""
    n = len(labels)
    nan = float("nan")
    if n < 2:
        return {"n": float(n), "accuracy": nan, "macro_f1": nan, "default_accuracy": nan, "default_macro_f1": nan}
    k = max(2, min(folds, n))
    pred: list[str] = [""] * n
    for f in range(k):
        train = [i for i in range(n) if i % k != f]
        test = [i for i in range(n) if i % k == f]
        layer = fit([analyses[i] for i in train], [labels[i] for i in train], l2)
        for i, p in zip(test, predict(layer, [analyses[i] for i in test]), strict=True):
            pred[i] = p
    base = predict(None, analyses)
    return {"n": float(n), "accuracy": accuracy(labels, pred), "macro_f1": macro_f1(labels, pred),
            "default_accuracy": accuracy(labels, base), "default_macro_f1": macro_f1(labels, base)}
