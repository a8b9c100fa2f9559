"""Train the supervised layer of the sentiment scorer and write ``metrics/sentiment_weights.py``.

    python bench/build_sentiment_model.py [--corpus DIR] [--band 0.75] [--min-df 2] [--check]

Build-time only (needs scikit-learn and numpy; the app does not). Training data: the four
human-rated English corpora that C.J. Hutto ships with VADER (``additional_resources/
hutto_ICWSM_2014.tar.gz`` inside the ``vaderSentiment`` 3.3.2 source distribution on PyPI, MIT
licence): 4 200 tweets, 10 605 movie-review snippets, 3 708 Amazon review snippets and 5 190 NYT
editorial snippets, each rated -4..4 by about 20 people. A mean rating within ``--band`` of 0 is
"neutral", above it "positive", below "negative". Without ``--corpus`` the sdist is fetched with
``pip download`` into a temporary folder (the texts are never copied into the repository; only
the fitted weights are).

Two multinomial logistic regressions are fitted on the same English data:

* ``en``: lexicon summary features (``metrics.sentiment_model._dense``) + word uni/bigrams
  (``_sparse``) seen in at least ``--min-df`` texts;
* ``any``: the lexicon summary features only. They are language-independent (valence sums and
  counts from the language's own lexicon, punctuation, length), so this model is used for French
  and other languages, with the French lexicon supplying the valences.

C (inverse regularisation) is chosen by 3-fold cross-validation on the training corpus itself
(``--c`` grid; the shipped weights were built with ``--c 0.3``, the n-gram model's grid being slow).
Reproduce the shipped module: ``python bench/build_sentiment_model.py --c 0.3``.
The research dev sets (bench/sentiment_bench.py) are not used here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from metrics import sentiment_model as sm  # noqa: E402

OUT = ROOT / "metrics" / "sentiment_weights.py"
CORPORA = ("tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets")
CLASSES = ("negative", "neutral", "positive")


def fetch_corpus(dest: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "vaderSentiment==3.3.2", "-d", str(dest)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    sdist = next(dest.glob("vaderSentiment-3.3.2.tar.gz"))
    with tarfile.open(sdist) as tf:
        tf.extractall(dest, filter="data")
    inner = dest / "vaderSentiment-3.3.2" / "additional_resources" / "hutto_ICWSM_2014.tar.gz"
    with tarfile.open(inner) as tf:
        tf.extractall(dest, filter="data")
    return dest / "hutto_ICWSM_2014"


def load_corpus(folder: Path) -> tuple[list[str], np.ndarray, list[str]]:
    texts: list[str] = []
    ratings: list[float] = []
    source: list[str] = []
    for name in CORPORA:
        raw = (folder / f"{name}_GroundTruth.txt").read_bytes()
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError:
            data = raw.decode("cp1252", errors="replace")
        for line in data.splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[2].strip():
                continue
            texts.append(parts[2].replace("@anonymous", "@user").replace("http://url_removed", "http"))
            ratings.append(float(parts[1]))
            source.append(name)
    return texts, np.asarray(ratings), source


def featurise(texts: list[str], lang: str) -> tuple[np.ndarray, list[list[str]]]:
    dense, sparse = [], []
    for t in texts:
        tk = sm._tokens(t)
        raw, vals, n_neg, _ = sm._analyse(tk, lang, {}, {})
        dense.append(sm._dense(t, tk, raw, vals, n_neg))
        sparse.append(sm._sparse(tk))
    return np.asarray(dense, dtype=float), sparse


def fit(X, y, cs=(0.1, 0.3, 1.0), folds=3, sw=None):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    best = (-1.0, cs[0])
    for c in cs:
        pred = cross_val_predict(
            LogisticRegression(C=c, max_iter=500, class_weight="balanced"), X, y, n_jobs=2,
            cv=StratifiedKFold(folds, shuffle=True, random_state=0), params={"sample_weight": sw},
        )
        f = f1_score(y, pred, average="macro")
        print(f"   C={c}: {folds}-fold CV macro-F1 on the training corpus {f:.3f}")
        if f > best[0]:
            best = (f, c)
    model = LogisticRegression(C=best[1], max_iter=3000, class_weight="balanced").fit(X, y, sample_weight=sw)
    return model, best


def r(x: float, nd: int = 4) -> float:
    v = round(float(x), nd)
    return 0.0 if v == 0 else v


def main() -> None:
    from scipy import sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="folder with the *_GroundTruth.txt files (default: pip download)")
    ap.add_argument("--band", type=float, default=1.0, help="|mean rating| below this is neutral")
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--social-weight", type=float, default=2.0, help="sample weight of the tweets and NYT snippets")
    ap.add_argument("--prune", type=float, default=0.02, help="drop n-grams whose 3 weights are all below this")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, nargs="*", default=[0.1, 0.3, 1.0], help="C grid for the n-gram model")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or fetch_corpus(Path(tmp))
        texts, ratings, source = load_corpus(folder)
    y = np.where(ratings >= args.band, 2, np.where(ratings <= -args.band, 0, 1))
    print(f"{len(texts)} rated texts; classes neg/neu/pos = {np.bincount(y, minlength=3).tolist()} (band {args.band})")

    src = np.asarray(source)
    sw = np.where((src == "tweets") | (src == "nytEditorialSnippets"), args.social_weight, 1.0)
    dense, toks = featurise(texts, "en")
    print("model 'any' (lexicon summary features only):")
    m_any, (f_any, c_any) = fit(dense, y, cs=(0.1, 1.0, 10.0), sw=sw)

    vec = CountVectorizer(analyzer=lambda x: x, min_df=args.min_df, binary=True)
    Xs = vec.fit_transform(toks)
    X = sp.hstack([sp.csr_matrix(dense), Xs]).tocsr()
    print(f"model 'en' (summary features + {Xs.shape[1]} word uni/bigrams):")
    m_en, (f_en, c_en) = fit(X, y, cs=tuple(args.c), sw=sw)

    vocab = vec.get_feature_names_out()
    coef = m_en.coef_  # classes 0, 1, 2 = neg, neu, pos
    nd = sm._N_DENSE
    sparse_w = {}
    for j, term in enumerate(vocab):
        w = coef[:, nd + j]
        if np.abs(w).max() >= args.prune:
            sparse_w[str(term)] = tuple(r(x, 3) for x in w)

    lines = [
        '"""Weights of the supervised sentiment layer. GENERATED by bench/build_sentiment_model.py: do not edit.',
        "",
        "Multinomial logistic regressions (classes negative, neutral, positive) fitted on the human-rated",
        "English corpora shipped with VADER (vaderSentiment 3.3.2 sdist, MIT, (c) 2016 C.J. Hutto); see",
        'LICENSES/SENTIMENT_DATA.md. No training text is stored here, only fitted weights."""',
        "",
        f"# {len(texts)} training texts, neutral band |rating| < {args.band}, balanced classes, tweets/NYT weight"
        f" {args.social_weight}; 3-fold CV macro-F1 on that corpus:",
        f"# any {f_any:.3f} (C={c_any}), en {f_en:.3f} (C={c_en}); {len(sparse_w)} n-grams kept of {len(vocab)}",
        "",
        "CLASSES = ('negative', 'neutral', 'positive')",
        f"BIAS = {{'any': {tuple(r(x) for x in m_any.intercept_)}, 'en': {tuple(r(x) for x in m_en.intercept_)}}}",
        "DENSE = {",
        f"    'any': {tuple(tuple(r(x) for x in m_any.coef_[:, j]) for j in range(nd))},",
        f"    'en': {tuple(tuple(r(x) for x in coef[:, j]) for j in range(nd))},",
        "}",
        "# word uni/bigram weights for 'en', one per line: term TAB neg neu pos (x 1000, integers). A string",
        "# literal rather than a dict literal: it compiles in milliseconds (metrics.sentiment_model parses it).",
        "SPARSE_EN = (",
    ]
    body = "".join(f"{k}\t{round(v[0] * 1000)} {round(v[1] * 1000)} {round(v[2] * 1000)}\n" for k, v in sorted(sparse_w.items()))
    chunk = 6000
    lines += [f"    {body[i : i + chunk]!r}" for i in range(0, len(body), chunk)]
    lines += [")", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(sparse_w)} n-grams)")


if __name__ == "__main__":
    main()
