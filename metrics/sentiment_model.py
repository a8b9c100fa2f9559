"""Offline French/English sentiment scoring for mentions (issue 6).

Pure functions: no IO, no network, no model download. Everything the scorer needs ships in the
repository as Python data modules:

* ``metrics/sentiment_lexicon_en.py``  VADER lexicon (MIT)
* ``metrics/sentiment_lexicon_fr.py``  vaderSentiment-fr lexicon (MIT)
* ``metrics/sentiment_lexicon_extra.py`` our own emoji, Québec/Swiss usage, phrases, modifiers
* ``metrics/sentiment_weights.py``  supervised layer weights (generated; trained on MIT data)

(sources and licences: LICENSES/SENTIMENT_DATA.md; accuracy and speed: bench/README.md).

The scorer is rule-based in the spirit of VADER (Hutto & Gilbert 2014), re-implemented for both
languages: per-word valences on a -4..4 scale, multi-word expressions, negation scope
(ne…pas / pas / jamais / aucun / sans; not / n't / never / no), intensifiers and diminishers,
capitalisation and letter elongation emphasis, exclamation marks, emoji and emoticons, hashtags
(``#TrèsBonneNouvelle`` -> "très bonne nouvelle"), and contrast (mais / but: the clause after
weighs more). The sum is squashed to -1..1 (``x / sqrt(x² + 15)``).

On top of it sits a small supervised layer (``metrics/sentiment_weights.py``, trained by
bench/build_sentiment_model.py on MIT-licensed human-rated English corpora): a multinomial logistic
regression over language-independent summaries of the lexicon analysis (valence sums and counts,
punctuation, length) plus, for English, word uni/bigram weights. The score is
``0.7 * (P(positive) - P(negative)) + 0.3 * squashed lexicon score`` (the model part halved when no
lexicon word fires), in -1..1, labelled with a per-language neutral band. French uses the
summary-only model (no shippable French training corpus was found) with the French lexicon.

Public API
----------
``detect_language(text) -> str``            "fr", "en", another ISO code for a few languages, or "und"
``score_text(text, lang=None, overrides=None) -> (lang, score, label)``
``score_texts(texts, lexicon_overrides=None) -> DataFrame[lang, sentiment_score, sentiment_label]``
``label_mentions(df, overrides=None) -> DataFrame`` fills unlabelled mentions (origin "model")

User overrides (the workspace ``lexicon`` config document) are ``{"fr": {word: score}, "en": {...}}``
with scores in -1..1 (-1 very negative, +1 very positive); a key may hold several words
("service client"). They take precedence over the shipped lexicons.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence

import pandas as pd

from metrics import sentiment_lexicon_extra as _extra
from metrics import sentiment_weights as _weights
from metrics.sentiment_lexicon_en import LEXICON as _LEX_EN_BASE
from metrics.sentiment_lexicon_fr import LEXICON as _LEX_FR_BASE

__all__ = [
    "PARAMS",
    "detect_language",
    "label_mentions",
    "label_for",
    "score_text",
    "score_texts",
]

# Global parameters, per language: the neutral band (a score >= pos is positive, <= -neg negative)
# and whether unknown words may be matched through French/English morphology (plural, feminine,
# missing accents). They were chosen by 2-fold cross-validation on the research dev sets (see
# bench/README.md, "Sentiment"; bench/sentiment_bench.py --tune reproduces it). Nothing else was
# fitted to those sets. The remaining constants are VADER's published ones.
PARAMS: dict[str, dict[str, float | bool]] = {
    "fr": {"pos": 0.0, "neg": 0.0, "morph": False},
    "en": {"pos": 0.35, "neg": 0.1, "morph": False},
    "und": {"pos": 0.05, "neg": 0.05, "morph": False},
}
_ALPHA = 15.0  # VADER normalisation constant
_NEG_SCALAR = -0.74  # VADER: a negated word keeps 74 % of its strength, reversed
_CAPS_INCR = 0.733  # VADER: ALL-CAPS word in a mixed-case text
_ELONG_INCR = 0.3  # "goooood", "trèèèès bon"
_EXCL_INCR = 0.292  # per "!" (at most 4), VADER
_NEG_WINDOW = 3  # words after a negator that it reaches
_CONTRAST_BEFORE = 0.5
_CONTRAST_AFTER = 1.5
_OVERRIDE_SCALE = 4.0  # user scores -1..1 -> internal -4..4

# --------------------------------------------------------------------------- lexicons


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _build(base: Mapping[str, float], extra: Mapping[str, float]) -> tuple[dict[str, float], dict[tuple[str, ...], float]]:
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    for src in (base, extra):
        for key, val in src.items():
            k = key.lower().replace("’", "'")
            if " " in k.strip() or (k.count("'") and len(_word_tokens(k)) > 1):
                toks = tuple(_word_tokens(k))
                if len(toks) > 1:
                    phrases[toks] = float(val)
                    continue
            words[k] = float(val)
    return words, phrases


_ELISION = re.compile(r"^(l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(.+)$")


def _word_tokens(s: str) -> list[str]:
    """Tokenise a plain lexicon key the same way as running text (words only)."""
    out: list[str] = []
    for m in _WORD_RE.finditer(s.lower().replace("’", "'")):
        out.extend(_split_word(m.group(0)))
    return out


def _split_word(w: str) -> list[str]:
    if "'" not in w:
        return [w]
    m = _ELISION.match(w)
    if m:
        return [m.group(1) + "'", *_split_word(m.group(2))]
    if w.endswith("n't") and len(w) > 3:
        base = w[:-3]
        base = {"ca": "can", "wo": "will", "sha": "shall"}.get(base, base)
        return [base, "n't"]
    return [w]


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*'?", re.UNICODE)

_LEX: dict[str, dict[str, float]] = {}
_PHRASES: dict[str, dict[tuple[str, ...], float]] = {}
_LEX["en"], _PHRASES["en"] = _build(_LEX_EN_BASE, {**_extra.EN, **_extra.PHRASES_EN})
_LEX["fr"], _PHRASES["fr"] = _build(_LEX_FR_BASE, {**_extra.FR, **_extra.PHRASES_FR})
# Texts in an undetermined language: both lexicons, French on top.
_LEX["und"] = {**_LEX["en"], **_LEX["fr"]}
_PHRASES["und"] = {**_PHRASES["en"], **_PHRASES["fr"]}

# Accent-free index for French (tweets often drop accents): only where unambiguous.
_FR_UNACCENTED: dict[str, float] = {}
for _w, _v in _LEX["fr"].items():
    _u = _strip_accents(_w)
    if _u != _w and _u not in _LEX["fr"]:
        _FR_UNACCENTED.setdefault(_u, _v)

_BOOSTERS = {"fr": _extra.BOOSTERS_FR, "en": _extra.BOOSTERS_EN, "und": {**_extra.BOOSTERS_EN, **_extra.BOOSTERS_FR}}
_NEGATORS = {"fr": _extra.NEGATORS_FR, "en": _extra.NEGATORS_EN, "und": _extra.NEGATORS_FR | _extra.NEGATORS_EN}
_CONTRAST = {"fr": _extra.CONTRAST_FR, "en": _extra.CONTRAST_EN, "und": _extra.CONTRAST_FR | _extra.CONTRAST_EN}
_EMOTICONS = dict(_extra.EMOTICONS)
_EMOJI = dict(_extra.EMOJI)

# --------------------------------------------------------------------------- tokeniser

_EMOJI_CLASS = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u2190-\u21ff\u3030\u303d"
_EMOTICON_ALT = "|".join(re.escape(e) for e in sorted(_EMOTICONS, key=len, reverse=True))
_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+|\bhttps?\b)"
    r"|(?P<mention>@\w+)"
    r"|(?P<tag>#[^\W_][\w]*)"
    rf"|(?P<emoticon>(?<![\w:/])(?:{_EMOTICON_ALT})(?![\w]))"
    rf"|(?P<emoji>[{_EMOJI_CLASS}])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*['’]?)"
    r"|(?P<punct>[.!?;…]+|,|:(?!\w))",
    re.UNICODE,
)
_CAMEL_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+(?![a-zß-öø-ÿ])|\d+")
_ELONG_RE = re.compile(r"(\w)\1{2,}")
_ENTITY = {"&amp;": "&", "&gt;": ">", "&lt;": "<", "&quot;": '"', "&#39;": "'"}
_ENTITY_RE = re.compile("|".join(map(re.escape, _ENTITY)))

# token kinds
_W, _E, _P = 0, 1, 2


def _tokens(text: str) -> tuple[list[tuple[int, str, bool, bool]], int]:
    """-> ([(kind, lower_text, is_caps, is_elongated)], exclamation count)."""
    if "&" in text:
        text = _ENTITY_RE.sub(lambda m: _ENTITY[m.group(0)], text)
    out: list[tuple[int, str, bool, bool]] = []
    excl = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        tok = m.group(0)
        if kind == "word":
            _add_word(out, tok)
        elif kind == "punct":
            excl += tok.count("!")
            out.append((_P, tok, False, False))
        elif kind == "emoji":
            out.append((_E, tok, False, False))
        elif kind == "emoticon":
            out.append((_E, tok, False, False))
        elif kind == "tag":
            body = tok[1:]
            parts = _CAMEL_RE.findall(body) if not body.islower() and not body.isupper() else []
            if len(parts) > 1:
                for p in parts:
                    if not p.isdigit():
                        _add_word(out, p)
            else:
                _add_word(out, body.replace("_", " ") if "_" in body else body)
        # urls and mentions are dropped
    return out, excl


def _add_word(out: list[tuple[int, str, bool, bool]], tok: str) -> None:
    caps = len(tok) > 1 and tok.isupper()
    low = tok.lower().replace("’", "'")
    elong = False
    if _ELONG_RE.search(low):
        elong = True
    for part in _split_word(low) if "'" in low else (low,):
        for sub in part.split(" ") if " " in part else (part,):
            if sub:
                out.append((_W, sub, caps, elong))


# --------------------------------------------------------------------------- language detection

_STOP = {
    "fr": frozenset(
        "le la les des du de un une et est sont pas pour dans que qui sur avec ce cette ces il elle ils elles "
        "nous vous je tu on au aux en ne plus mais où par son sa ses leur leurs très c' j' l' d' qu' n' s' m' "
        "t' moi toi lui mon ma mes ton ta tes notre nos votre vos été être avoir fait faire comme aussi bien "
        "tout tous toute toutes rien jamais toujours encore déjà ça cela ceci quoi quand comment pourquoi "
        "merci oui non avec chez entre depuis sans sous vers voici voilà trop peu beaucoup alors donc car "
        "ou si ai as avons avez ont était sera fut suis es sommes êtes aujourd hui demain hier septante "
        "nonante huitante pis icitte ben pantoute tiguidou".split()
    ),
    "en": frozenset(
        "the a an and is are was were to of in on for with this that these those it its you your i me my we "
        "our they them their he she his her him not be been being have has had do does did but at by from so "
        "just what when where why how who will would can could should about all any if or than then there "
        "here out up down over more most no yes very really too also only our us am i'm it's don't can't "
        "didn't doesn't isn't won't im dont cant thanks today tomorrow tonight get got going go love like "
        "n't".split()
    ),
    "es": frozenset("el los las y que es por para con una muy pero está están del al como más le lo se".split()),
    "de": frozenset("der die das und ist nicht ich mit ein eine zu auf für sie es sehr auch sich wir den dem".split()),
    "it": frozenset("il gli che è per con non una sono della delle molto questo anche ma più di".split()),
    "pt": frozenset("os não que é com uma para muito está você mais mas também isso ele ela".split()),
}
_FR_CHARS = frozenset("éèêëàâçîïôûùœ")


def detect_language(text: str) -> str:
    """Best-guess language of a short social media text: "fr", "en", "es", "de", "it", "pt" or "und".

    Counts function words of each language (French elisions included), adds a small bonus for
    French accented letters, and falls back on lexicon membership when there is no function word.
    """
    if not isinstance(text, str) or not text.strip():
        return "und"
    toks, _ = _tokens(text)
    words = [t[1] for t in toks if t[0] == _W]
    if not words:
        return "und"
    scores = {lang: 0.0 for lang in _STOP}
    for w in words:
        for lang, stop in _STOP.items():
            if w in stop:
                scores[lang] += 1.0
    low = text.lower()
    scores["fr"] += 0.5 * min(3, sum(1 for c in low if c in _FR_CHARS))
    if max(scores.values()) == 0:
        fr_only = sum(1 for w in words if w in _LEX["fr"] and w not in _LEX["en"])
        en_only = sum(1 for w in words if w in _LEX["en"] and w not in _LEX["fr"])
        if fr_only == en_only:
            return "und"
        return "fr" if fr_only > en_only else "en"
    best = max(scores, key=lambda k: (scores[k], k in ("fr", "en")))
    return best


# --------------------------------------------------------------------------- scoring


def _normalise_overrides(overrides: Mapping[str, float] | None) -> tuple[dict[str, float], dict[tuple[str, ...], float]]:
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], float] = {}
    if not overrides:
        return words, phrases
    for key, val in overrides.items():
        try:
            v = max(-1.0, min(1.0, float(val))) * _OVERRIDE_SCALE
        except (TypeError, ValueError):
            continue
        if isinstance(key, str) and key.lower().startswith("#"):
            key = key[1:]
        toks = tuple(_word_tokens(str(key)))
        if len(toks) == 1:
            words[toks[0]] = v
        elif len(toks) > 1:
            phrases[toks] = v
        else:  # emoji / emoticon
            words[str(key).strip()] = v
    return words, phrases


_CACHE: dict[tuple[str, bool], dict[str, float]] = {}
_FR_FEM = (("euse", "eux"), ("ive", "if"), ("elle", "el"), ("enne", "en"), ("ère", "er"), ("e", ""))


def _lookup(w: str, lang: str, morph: bool = False) -> float:
    cache = _CACHE.setdefault((lang, morph), {})
    v = cache.get(w)
    if v is not None:
        return v
    lex = _LEX[lang]
    v = lex.get(w)
    if v is None:
        cands = []
        if _ELONG_RE.search(w):
            cands += [_ELONG_RE.sub(r"\1", w), _ELONG_RE.sub(r"\1\1", w)]
        base = cands[0] if cands else w
        if not morph:
            pass
        elif lang != "en":
            if base.endswith(("s", "x")) and len(base) > 3:
                cands.append(base[:-1])
            for stem in list(cands) + [base]:
                for fem, masc in _FR_FEM:
                    if stem.endswith(fem) and len(stem) > len(fem) + 2:
                        cands.append(stem[: -len(fem)] + masc)
                        break
        elif base.endswith("s") and len(base) > 3:
            cands.append(base[:-1])
        for c in cands:
            v = lex.get(c)
            if v is None and morph and lang != "en":
                v = _FR_UNACCENTED.get(c)
            if v is not None:
                break
        if v is None and morph and lang != "en":
            v = _FR_UNACCENTED.get(w)
    v = 0.0 if v is None else v
    if len(cache) < 200_000:
        cache[w] = v
    return v


def _sign(x: float) -> float:
    return 1.0 if x > 0 else -1.0 if x < 0 else 0.0


def _raw_score(
    text: str,
    lang: str,
    ov_words: Mapping[str, float],
    ov_phrases: Mapping[tuple[str, ...], float],
    morph: bool | None = None,
) -> float:
    """Lexicon (VADER-style) valence sum of a text, unbounded (squashed by ``_squash``)."""
    return _analyse(_tokens(text), lang, ov_words, ov_phrases, morph)[0]


def _analyse(
    tokenised: tuple[list[tuple[int, str, bool, bool]], int],
    lang: str,
    ov_words: Mapping[str, float],
    ov_phrases: Mapping[tuple[str, ...], float],
    morph: bool | None = None,
) -> tuple[float, list[float], int, int]:
    """-> (raw lexicon score, per-item valences after rules, negators seen, override hits)."""
    toks, excl = tokenised
    if not toks:
        return 0.0, [], 0, 0
    lex_lang = lang if lang in _LEX else "und"
    if morph is None:
        morph = bool(PARAMS[lex_lang]["morph"])
    phrases = _PHRASES[lex_lang]
    boosters = _BOOSTERS[lex_lang]
    negators = _NEGATORS[lex_lang]
    contrast = _CONTRAST[lex_lang]
    word_toks = [t for t in toks if t[0] == _W]
    all_caps = bool(word_toks) and all(t[2] for t in word_toks)

    vals: list[float] = []
    contrast_at = -1
    neg_left = 0
    n_negators = 0
    n_override = 0
    boost = 0.0
    boost_left = 0
    i = 0
    n = len(toks)
    while i < n:
        kind, w, caps, elong = toks[i]
        if kind == _P:
            neg_left = 0
            boost_left = 0
            i += 1
            continue
        if kind == _E:
            key = w.replace("\ufe0f", "")
            v = ov_words.get(key)
            if v is None:
                v = _EMOJI.get(key, _EMOTICONS.get(w, 0.0))
            else:
                n_override += 1
            if v:
                vals.append(v)
            i += 1
            continue
        # multi-word expressions (user's first, then shipped), longest first
        v = None
        step = 1
        for length in (4, 3, 2):
            if i + length > n:
                continue
            seq = tuple(t[1] for t in toks[i : i + length])
            if any(t[0] != _W for t in toks[i : i + length]):
                continue
            if seq in ov_phrases:
                v, step = ov_phrases[seq], length
                n_override += 1
                break
            if seq in phrases:
                v, step = phrases[seq], length
                break
        if v is None:
            if elong:
                w = _ELONG_RE.sub(r"\1", w)
            if w in negators:
                neg_left = _NEG_WINDOW
                n_negators += 1
                i += 1
                continue
            if w in contrast:
                contrast_at = len(vals)
                neg_left = 0
                i += 1
                continue
            if w in boosters and w not in ov_words:
                # "super" / "top" are boosters before a sentiment word, sentiment words alone
                nxt = toks[i + 1] if i + 1 < n else None
                if nxt is not None and nxt[0] == _W and (_lookup(nxt[1], lex_lang, morph) or nxt[1] in ov_words):
                    boost = boosters[w] + (_ELONG_INCR if elong else 0.0)
                    boost_left = 2
                    i += 1
                    continue
            v = ov_words.get(w)
            if v is None:
                v = _lookup(w, lex_lang, morph)
            else:
                n_override += 1
        if v:
            s = _sign(v)
            if caps and not all_caps:
                v += s * _CAPS_INCR
            if elong:
                v += s * _ELONG_INCR
            if boost_left > 0:
                v += s * boost
            if neg_left > 0:
                v *= _NEG_SCALAR
            vals.append(v)
        if neg_left > 0:
            neg_left -= step
        if boost_left > 0:
            boost_left -= step
        i += step

    if not vals:
        return 0.0, vals, n_negators, n_override
    if contrast_at >= 0:
        for k in range(len(vals)):
            vals[k] *= _CONTRAST_BEFORE if k < contrast_at else _CONTRAST_AFTER
    total = sum(vals)
    if total and excl:
        total += _sign(total) * min(excl, 4) * _EXCL_INCR
    return total, vals, n_negators, n_override


# --------------------------------------------------------------------------- supervised layer
#
# A multinomial logistic regression on top of the lexicon (bench/build_sentiment_model.py trains
# it; weights in metrics/sentiment_weights.py): a few language-independent "dense" features
# summarising the lexicon analysis, plus, where labelled data allowed it, word uni/bigram weights.

_N_DENSE = 13
_NGRAM_ONLY_SHARE = 0.5  # model score kept when no lexicon word fires
_LEX_SHARE = 0.3  # share of the squashed lexicon score in the final score
_BIAS = _weights.BIAS
_DENSE_W = _weights.DENSE


def _parse_sparse(data: str) -> dict[str, tuple[float, float, float]]:
    out: dict[str, tuple[float, float, float]] = {}
    for line in data.splitlines():
        term, _, ws = line.rpartition("\t")
        a, b, c = ws.split()
        out[term] = (int(a) / 1000.0, int(b) / 1000.0, int(c) / 1000.0)
    return out


_SPARSE: dict[str, Mapping[str, tuple[float, float, float]]] = {"en": _parse_sparse(_weights.SPARSE_EN)}


def _dense(text: str, tokenised: tuple[list[tuple[int, str, bool, bool]], int], raw: float, vals: list[float], n_neg: int) -> list[float]:
    toks, excl = tokenised
    pos = [v for v in vals if v > 0]
    neg = [v for v in vals if v < 0]
    n_words = sum(1 for t in toks if t[0] == _W)
    return [
        _squash(raw),
        max(-3.0, min(3.0, raw / 4.0)),
        min(3.0, sum(pos) / 4.0),
        max(-3.0, sum(neg) / 4.0),
        float(min(len(pos), 5)),
        float(min(len(neg), 5)),
        min(excl, 4) / 4.0,
        float(min(text.count("?"), 3)),
        1.0 if ("http" in text or "www." in text) else 0.0,
        float(min(text.count("@"), 3)),
        float(min(text.count("#"), 5)),
        math.log1p(n_words),
        float(min(n_neg, 2)),
    ]


def _sparse(tokenised: tuple[list[tuple[int, str, bool, bool]], int]) -> list[str]:
    """Word/emoji unigrams and bigrams (punctuation reduced to ! ? or .)."""
    seq: list[str] = []
    for kind, w, _caps, elong in tokenised[0]:
        if kind == _P:
            w = "!" if "!" in w else "?" if "?" in w else "."
        elif elong:
            w = _ELONG_RE.sub(r"\1", w)  # "soooo" -> "so": emphasis is the lexicon's job
        seq.append(w)
    feats = seq[:]
    feats.extend(f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False))
    return feats


def _model_score(text: str, lang: str, ov_words: Mapping[str, float], ov_phrases: Mapping[tuple[str, ...], float]) -> float:
    """P(positive) - P(negative) from the supervised layer, in -1..1.

    0.0 when the text carries no evidence at all (no lexicon/override valence and no known n-gram).
    """
    tk = _tokens(text)
    raw, vals, n_neg, _ = _analyse(tk, lang, ov_words, ov_phrases)
    key = "en" if lang == "en" else "any"
    sparse_w = _SPARSE.get(key)
    hits = []
    if sparse_w is not None:
        for f in _sparse(tk):
            w = sparse_w.get(f)
            if w is not None:
                hits.append(w)
    if not vals and not hits:
        return 0.0
    dense = _dense(text, tk, raw, vals, n_neg)
    z = list(_BIAS[key])
    for x, w in zip(dense, _DENSE_W[key], strict=True):
        if x:
            z[0] += x * w[0]
            z[1] += x * w[1]
            z[2] += x * w[2]
    for w in hits:
        z[0] += w[0]
        z[1] += w[1]
        z[2] += w[2]
    m = max(z)
    e0, e1, e2 = math.exp(z[0] - m), math.exp(z[1] - m), math.exp(z[2] - m)
    p = (e2 - e0) / (e0 + e1 + e2)
    if not vals:  # word statistics alone, no sentiment word: weaker evidence
        p *= _NGRAM_ONLY_SHARE
    # keep the rule-based reading in the mix: it carries negation, emphasis and user overrides
    return (1.0 - _LEX_SHARE) * p + _LEX_SHARE * dense[0]


def _squash(x: float) -> float:
    return x / math.sqrt(x * x + _ALPHA) if x else 0.0


def label_for(score: float, lang: str | None = None, pos: float | None = None, neg: float | None = None) -> str:
    """positive / neutral / negative for a -1..1 score, with the language's neutral band."""
    p = PARAMS.get(lang or "und", PARAMS["und"])
    pos = float(p["pos"]) if pos is None else pos
    neg = float(p["neg"]) if neg is None else neg
    if score > 0 and score >= pos:
        return "positive"
    if score < 0 and score <= -neg:
        return "negative"
    return "neutral"


def _lang_overrides(overrides: Mapping | None, lang: str) -> Mapping[str, float] | None:
    """Accept either {"fr": {...}, "en": {...}} or a flat {word: score} mapping."""
    if not overrides:
        return None
    if any(isinstance(v, Mapping) for v in overrides.values()):
        if lang in ("fr", "en"):
            return overrides.get(lang) or None
        merged: dict[str, float] = {}
        for key in ("en", "fr"):
            merged.update(overrides.get(key) or {})
        return merged or None
    return overrides


def score_text(text: str, lang: str | None = None, overrides: Mapping | None = None) -> tuple[str, float, str]:
    """Score one text -> (lang, sentiment_score in -1..1, sentiment_label).

    ``overrides`` is the workspace lexicon ``{"fr": {...}, "en": {...}}`` (or a flat mapping for
    the text's language), scores in -1..1.
    """
    if not isinstance(text, str) or not text.strip():
        return (lang or "und", 0.0, "neutral")
    lang = lang or detect_language(text)
    ow, op = _normalise_overrides(_lang_overrides(overrides, lang))
    score = round(_model_score(text, lang, ow, op), 4)
    return lang, score, label_for(score, lang)


def score_texts(texts: Sequence[str], lexicon_overrides: Mapping[str, Mapping[str, float]] | None = None) -> pd.DataFrame:
    """Score many texts -> DataFrame with columns lang, sentiment_score, sentiment_label (input order)."""
    prepared: dict[str, tuple[dict[str, float], dict[tuple[str, ...], float]]] = {}
    langs: list[str] = []
    scores: list[float] = []
    labels: list[str] = []
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            langs.append("und")
            scores.append(0.0)
            labels.append("neutral")
            continue
        lang = detect_language(text)
        ov = prepared.get(lang)
        if ov is None:
            ov = prepared[lang] = _normalise_overrides(_lang_overrides(lexicon_overrides, lang))
        score = round(_model_score(text, lang, *ov), 4)
        langs.append(lang)
        scores.append(score)
        labels.append(label_for(score, lang))
    return pd.DataFrame(
        {
            "lang": pd.Series(langs, dtype="string"),
            "sentiment_score": pd.Series(scores, dtype="float64"),
            "sentiment_label": pd.Series(labels, dtype="string"),
        }
    )


def label_mentions(df: pd.DataFrame, overrides: Mapping[str, Mapping[str, float]] | None = None) -> pd.DataFrame:
    """Fill sentiment_label / sentiment_score / lang (origin "model") where a mention has no label.

    Rows that already carry a label (from the export, the model or a person) are left alone, and
    so is any row whose ``sentiment_origin`` is "manual": manual labels always win. ``lang`` is
    only filled where it is missing. Returns a new frame; the input is not modified.
    """
    out = df.copy()
    for col, dtype in (
        ("sentiment_label", "string"),
        ("sentiment_score", "float64"),
        ("sentiment_origin", "string"),
        ("lang", "string"),
    ):
        if col not in out.columns:
            out[col] = pd.Series(float("nan") if dtype == "float64" else pd.NA, index=out.index, dtype=dtype)
    if "text" not in out.columns or out.empty:
        return out
    origin = out["sentiment_origin"].astype("string").str.lower()
    todo = out["sentiment_label"].isna() & origin.ne("manual").fillna(True)
    if not todo.any():
        return out
    scored = score_texts(out.loc[todo, "text"].tolist(), overrides)
    scored.index = out.index[todo]
    for col, dtype in (("sentiment_label", "string"), ("sentiment_origin", "string"), ("lang", "string")):
        if out[col].dtype != dtype:
            out[col] = out[col].astype(dtype)
    out.loc[todo, "sentiment_label"] = scored["sentiment_label"]
    out.loc[todo, "sentiment_score"] = scored["sentiment_score"].astype("float64")
    out.loc[todo, "sentiment_origin"] = "model"
    no_lang = todo & out["lang"].isna()
    out.loc[no_lang, "lang"] = scored.loc[no_lang[no_lang].index, "lang"]
    return out
