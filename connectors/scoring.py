"""Sentiment of mentions in the store: scoring at import, re-scoring, manual relabelling.

The scorer itself is :mod:`metrics.sentiment_model` (offline, French and English); this module
is the IO glue around it. Every write goes through :func:`connectors.store.write_frames`,
whose merge keeps a stored manual label (``sentiment_origin = 'manual'``) against any later
export, import or model label.

* :func:`score_frames` - hook for importers and API pulls: a ``mentions`` frame whose export
  carries no sentiment at all gets ``sentiment_label``, ``sentiment_score`` and (where
  missing) ``lang`` from the scorer, origin ``'model'``, with the workspace lexicon as
  overrides. Frames with export labels are left as they are (an export's "not rated" stays
  unlabelled until a re-score).
* :func:`rescore_workspace` - "re-score with the current lexicon": every mention whose label
  came from the model, or that has none, is scored again; export and manual labels are
  never touched.
* :func:`relabel` - a person's label (origin ``'manual'``, score +1 / 0 / -1).
* :func:`load_lexicon` / :func:`save_lexicon` - the ``lexicon`` config document
  ``{"fr": {word: score}, "en": {word: score}}``, scores in -1..1.
* :func:`retrain` / :func:`reset_layer` - the workspace's learnt layer
  (:mod:`metrics.sentiment_learn`), trained on its manual labels and stored in the
  ``sentiment_layer`` config document with a version number that grows at every retrain or
  reset; both re-score the workspace in place (manual and export labels untouched). Import and
  re-score apply the active layer (:func:`load_layer`); a reset returns to the default scorer.
* :func:`review_queue` - mentions to review, least certain first (uncertainty sampling).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from connectors import store

log = logging.getLogger("boussole.scoring")

LEXICON_DOC = "lexicon"
LAYER_DOC = "sentiment_layer"
MIN_LABELS = 2  # fewer manual labels: nothing to learn (retrain raises, the page disables it)
_KEEP = object()  # "load the workspace's layer" (None means: the default scorer)
LEXICON_LANGS = ("fr", "en")
MANUAL_SCORES = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}
_SCORE_COLS = ["mention_id", "published_at", "text", "lang", "sentiment_label", "sentiment_score", "sentiment_origin"]


# --------------------------------------------------------------------------- lexicon


def clean_lexicon(doc: Any) -> dict[str, dict[str, float]]:
    """A lexicon document made safe: ``{"fr": {...}, "en": {...}}``, keys trimmed and lower
    case, scores clipped to -1..1, non-numeric entries dropped."""
    out: dict[str, dict[str, float]] = {lang: {} for lang in LEXICON_LANGS}
    if not isinstance(doc, Mapping):
        return out
    for lang in LEXICON_LANGS:
        words = doc.get(lang) or {}
        if not isinstance(words, Mapping):
            continue
        for word, score in words.items():
            w = " ".join(str(word).replace("’", "'").split()).lower()
            try:
                v = float(score)
            except (TypeError, ValueError):
                continue
            if not w or math.isnan(v):
                continue
            out[lang][w] = max(-1.0, min(1.0, v))
    return out


def load_lexicon(root: Path, workspace: str) -> dict[str, dict[str, float]]:
    """The workspace's lexicon additions (empty when none, or when the document is unreadable)."""
    try:
        return clean_lexicon(store.load_config(root, workspace, LEXICON_DOC, {}))
    except (OSError, ValueError) as exc:
        log.warning("lexicon of %s unreadable (%s): scoring without it", workspace, type(exc).__name__)
        return clean_lexicon({})


def save_lexicon(root: Path, workspace: str, lexicon: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    doc = clean_lexicon(lexicon)
    store.save_config(root, workspace, LEXICON_DOC, doc)
    return doc


def _overrides(lexicon: Mapping[str, Mapping[str, float]] | None) -> dict[str, dict[str, float]] | None:
    lex = clean_lexicon(lexicon or {})
    return lex if any(lex.values()) else None


# --------------------------------------------------------------------------- scoring


def score_mentions(df: pd.DataFrame, lexicon: Mapping[str, Mapping[str, float]] | None = None, layer=None) -> pd.DataFrame:
    """Fill unlabelled, non-manual mentions of ``df`` from the scorer (origin 'model'), through the
    workspace's learnt ``layer`` when given."""
    from metrics.sentiment_model import label_mentions

    return label_mentions(df, _overrides(lexicon), layer=layer)


def _has_export_sentiment(df: pd.DataFrame) -> bool:
    for col in ("sentiment_label", "sentiment_score"):
        if col in df.columns and df[col].notna().any():
            return True
    return False


def score_frames(
    root: Path | None, workspace: str | None, frames: Iterable[tuple[str, pd.DataFrame]],
    lexicon: Mapping[str, Mapping[str, float]] | None = None,
) -> list[tuple[str, pd.DataFrame]]:
    """Hook run on parsed frames before they are written: each ``mentions`` frame without any
    export sentiment is scored (see the module docstring); other frames pass through.

    Never raises: a scorer failure leaves the frame unscored (logged), because an import must
    not fail for want of a model label - a re-score can fill them later."""
    frames = list(frames)
    todo = [table == "mentions" and len(df) > 0 and "text" in df.columns and not _has_export_sentiment(df) for table, df in frames]
    if not any(todo):  # nothing to score: the lexicon, the layer and the model are not even loaded
        return frames
    if lexicon is None:
        lexicon = load_lexicon(Path(root), workspace) if root is not None and workspace else {}
    layer = load_layer(Path(root), workspace) if root is not None and workspace else None
    out = []
    for (table, df), score in zip(frames, todo, strict=True):
        if score:
            try:
                scored = score_mentions(df, lexicon, layer)
                scored.attrs = dict(df.attrs)
                df = scored
            except Exception:  # noqa: BLE001 - see docstring
                log.exception("sentiment scoring failed; mentions imported without model labels")
        out.append((table, df))
    return out


def score_frame(root: Path | None, workspace: str | None, table: str, df: pd.DataFrame,
                lexicon: Mapping[str, Mapping[str, float]] | None = None) -> pd.DataFrame:
    """:func:`score_frames` for one ``(table, frame)``."""
    return score_frames(root, workspace, [(table, df)], lexicon)[0][1]


def rescore_workspace(
    root: Path, workspace: str, lexicon: Mapping[str, Mapping[str, float]] | None = None,
    now: dt.datetime | None = None, layer: Any = _KEEP,
) -> dict[str, int]:
    """Score again every mention whose label is the model's or missing, with ``lexicon`` (default:
    the workspace's) and ``layer`` (default: the workspace's active learnt layer; None = the
    default scorer). Export and manual labels are left alone. Returns ``{"candidates",
    "changed" (label or score), "labels_changed", "manual_kept", "export_kept"}``; writes through ``write_frames`` (one commit, logged
    as ``rescore`` in the import history when anything changed)."""
    root = Path(root)
    if lexicon is None:
        lexicon = load_lexicon(root, workspace)
    if layer is _KEEP:
        layer = load_layer(root, workspace)
    m = store.read_table(root, workspace, "mentions", columns=_SCORE_COLS)
    origin = m["sentiment_origin"].astype("string").str.lower()
    manual = origin.eq("manual").fillna(False).astype(bool)
    export = (m["sentiment_label"].notna() & ~origin.eq("model").fillna(False).astype(bool) & ~manual)
    todo = ~manual & ~export
    stats = {"candidates": int(todo.sum()), "changed": 0, "labels_changed": 0, "manual_kept": int(manual.sum()),
             "export_kept": int(export.sum())}
    if not todo.any():
        return stats
    sub = m[todo].copy()
    before = sub[["sentiment_label", "sentiment_score"]].copy()
    sub["sentiment_label"] = pd.Series(pd.NA, index=sub.index, dtype="string")
    sub["sentiment_score"] = float("nan")
    sub["sentiment_origin"] = pd.Series(pd.NA, index=sub.index, dtype="string")
    scored = score_mentions(sub, lexicon, layer)
    lab_changed = scored["sentiment_label"].astype("string").ne(before["sentiment_label"].astype("string")).fillna(True)
    old_score = pd.to_numeric(before["sentiment_score"], errors="coerce")
    new_score = pd.to_numeric(scored["sentiment_score"], errors="coerce")
    score_changed = ~((old_score - new_score).abs() < 1e-9)
    changed = (lab_changed | score_changed).astype(bool)
    stats["changed"] = int(changed.sum())
    stats["labels_changed"] = int(lab_changed.astype(bool).sum())
    if not changed.any():
        return stats
    out = scored.loc[changed, ["mention_id", "published_at", "lang", "sentiment_label", "sentiment_score", "sentiment_origin"]]
    store.write_frames(root, workspace, [("mentions", out)], fmt="rescore", file_name="rescore", now=now)
    return stats


def relabel(
    root: Path, workspace: str, labels: Mapping[str, str], now: dt.datetime | None = None,
) -> int:
    """Store a person's labels ``{mention_id: positive|neutral|negative}`` (origin 'manual', score
    +1 / 0 / -1). Unknown ids are ignored. Returns the number of mentions updated."""
    clean = {str(k): str(v).lower() for k, v in labels.items() if str(v).lower() in MANUAL_SCORES}
    if not clean:
        return 0
    ids = list(clean)
    m = store.read_table(root, workspace, "mentions", columns=["mention_id", "published_at"], filters=[("mention_id", "in", ids)])
    if not len(m):
        return 0
    out = pd.DataFrame({
        "mention_id": m["mention_id"],
        "published_at": m["published_at"],
        "sentiment_label": [clean[i] for i in m["mention_id"]],
        "sentiment_score": [MANUAL_SCORES[clean[i]] for i in m["mention_id"]],
        "sentiment_origin": "manual",
    })
    res = store.write_frames(root, workspace, [("mentions", out)], fmt="relabel", file_name="relabel", now=now)
    w = res.get("mentions")
    return int((w.rows_updated + w.rows_added) if w else 0)


# --------------------------------------------------------------------------- learnt layer


def layer_doc(root: Path, workspace: str) -> dict[str, Any]:
    """The stored ``sentiment_layer`` document (``{}`` when none or unreadable)."""
    try:
        doc = store.load_config(Path(root), workspace, LAYER_DOC, {})
    except (OSError, ValueError) as exc:
        log.warning("sentiment layer of %s unreadable (%s): default scorer", workspace, type(exc).__name__)
        return {}
    return doc if isinstance(doc, dict) else {}


def load_layer(root: Path, workspace: str):
    """The workspace's active learnt layer, or None (never trained, reset, or unreadable)."""
    from metrics.sentiment_learn import Layer

    return Layer.from_doc(layer_doc(root, workspace))


def manual_labels(root: Path, workspace: str) -> pd.DataFrame:
    """Mentions labelled by a person: ``mention_id, published_at, text, sentiment_label``, in
    (published_at, mention_id) order (deterministic folds)."""
    cols = ["mention_id", "published_at", "text", "sentiment_label", "sentiment_origin"]
    m = store.read_table(Path(root), workspace, "mentions", columns=cols)
    if not len(m):
        return m[cols[:4]]
    manual = m["sentiment_origin"].astype("string").str.lower().eq("manual").fillna(False).astype(bool)
    lab = m["sentiment_label"].astype("string").str.lower()
    ok = manual & lab.isin(list(MANUAL_SCORES)).fillna(False).astype(bool) & m["text"].notna()
    out = m.loc[ok, cols[:4]].copy()
    out["sentiment_label"] = lab[ok]
    return out.sort_values(["published_at", "mention_id"], kind="stable").reset_index(drop=True)


def _history(doc: Mapping[str, Any], entry: dict[str, Any]) -> list[dict[str, Any]]:
    hist = [h for h in (doc.get("history") or []) if isinstance(h, dict)]
    return ([*hist, entry])[-20:]


def retrain(root: Path, workspace: str, now: dt.datetime | None = None, rescore: bool = True) -> dict[str, Any]:
    """Train the workspace layer on its manual labels, save it as the next version and re-score
    the workspace with it. Returns ``{"version", "n_labels", "l2", "cv": {...}, "rescore": {...}}``
    (``cv``: :func:`metrics.sentiment_learn.cross_validate`, 5 folds). Raises ValueError with
    fewer than ``MIN_LABELS`` manual labels (the stored layer is left as it was)."""
    from metrics.sentiment_learn import FORMAT, cross_validate, fit_auto
    from metrics.sentiment_model import analyse_texts

    root = Path(root)
    now = now or dt.datetime.now(dt.timezone.utc)
    labels = manual_labels(root, workspace)
    lexicon = _overrides(load_lexicon(root, workspace))
    analyses = analyse_texts(labels["text"].astype(str).tolist(), lexicon)
    gold = labels["sentiment_label"].astype(str).tolist()
    if len(gold) < MIN_LABELS:
        raise ValueError(f"{workspace}: {len(gold)} manual label(s); learning needs at least {MIN_LABELS}")
    old = layer_doc(root, workspace)
    version = int(old.get("version") or 0) + 1
    layer = fit_auto(analyses, gold, version)
    cv = cross_validate(analyses, gold, 5, layer.l2) if math.isfinite(layer.l2) else cross_validate(analyses, gold, 5, 1e9)
    cv = {k: (None if isinstance(v, float) and math.isnan(v) else round(float(v), 4)) for k, v in cv.items()}
    stamp = now.isoformat(timespec="seconds")
    doc = {**layer.to_doc(), "active": True, "trained_at": stamp,
           "l2": layer.l2 if math.isfinite(layer.l2) else None, "cv": cv}
    doc["history"] = _history(old, {"version": version, "action": "retrain", "at": stamp, "n_labels": len(gold),
                                    "cv_accuracy": cv.get("accuracy")})
    assert doc["format"] == FORMAT
    store.save_config(root, workspace, LAYER_DOC, doc)
    stats = rescore_workspace(root, workspace, now=now, layer=layer) if rescore else {}
    return {"version": version, "n_labels": len(gold), "l2": doc["l2"], "cv": cv, "rescore": stats}


def reset_layer(root: Path, workspace: str, now: dt.datetime | None = None) -> dict[str, Any]:
    """Return to the default scorer: the layer is deactivated (next version, weights dropped,
    history kept) and the workspace re-scored without it. Manual labels stay."""
    root = Path(root)
    now = now or dt.datetime.now(dt.timezone.utc)
    old = layer_doc(root, workspace)
    version = int(old.get("version") or 0) + 1
    stamp = now.isoformat(timespec="seconds")
    doc = {"format": old.get("format", 1), "version": version, "active": False, "trained_at": stamp,
           "history": _history(old, {"version": version, "action": "reset", "at": stamp})}
    store.save_config(root, workspace, LAYER_DOC, doc)
    stats = rescore_workspace(root, workspace, now=now, layer=None)
    return {"version": version, "rescore": stats}


def review_queue(root: Path, workspace: str, mentions: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """Mentions of ``mentions`` (needs ``mention_id, text``; other columns kept) not labelled by a
    person, least certain first: ``uncertainty = 1 - max class probability`` of the scorer in use
    (the workspace layer, else the default scorer), ties by mention_id. At most ``limit`` rows,
    with ``uncertainty`` and ``suggested`` (the scorer's label) added."""
    from metrics.sentiment_model import score_texts

    if not len(mentions):
        return mentions.assign(uncertainty=pd.Series(dtype="float64"), suggested=pd.Series(dtype="string"))
    origin = mentions["sentiment_origin"].astype("string").str.lower() if "sentiment_origin" in mentions.columns else None
    todo = mentions["text"].notna() & mentions["text"].astype("string").str.strip().ne("").fillna(False)
    if origin is not None:
        todo &= ~origin.eq("manual").fillna(False)
    sub = mentions[todo.astype(bool)]
    if not len(sub):
        return sub.assign(uncertainty=pd.Series(dtype="float64"), suggested=pd.Series(dtype="string"))
    # each distinct text scored once (a score is a function of the text alone), then per mention
    codes, uniques = pd.factorize(sub["text"].astype(str))
    scored = score_texts(list(uniques), _overrides(load_lexicon(Path(root), workspace)),
                         layer=load_layer(Path(root), workspace), proba=True)
    out = sub.assign(uncertainty=scored["uncertainty"].to_numpy()[codes], suggested=scored["sentiment_label"].to_numpy()[codes])
    out = out.sort_values(["uncertainty", "mention_id"], ascending=[False, True], kind="stable")
    return out.head(limit)
