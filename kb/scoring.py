"""How well article strings match one pasted line: the formulas, for a batch of candidates at once.

Scores are 0-100. An error string found whole in the line is 100. A fragment of an error counts as much
as the rare words it carries. Symptoms and titles count by shared key words (or whole-string similarity
for a misspelt one). An article's whole text counts by how much of the line it explains.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

ERROR, SYMPTOM, TITLE, BODY = 0, 1, 2, 3
KIND_NAMES = ("error message", "symptom", "title", "article text")
KIND_WEIGHTS = np.array([1.0, 0.93, 0.9, 0.9])
EXACT, CLOSE, WORDS = 0, 1, 2
TYPO_SIMILARITY = 80.0
# In a paste that is not about the knowledge base's domain, whole-text matches are weak evidence.
OUT_OF_CONTEXT_FACTOR = 0.7
# An error shorter than this share of the line is quoted inside it; found that way, a generic error scores
# at most this factor (below the match threshold).
QUOTED_SHARE = 0.8
QUOTED_GENERIC_FACTOR = 0.55
# A line alike an error only in words any error has ("There was an error while performing this operation"
# and "There was an error when getting license information ...") counts this much of its likeness.
GENERIC_LIKENESS_FACTOR = 0.8


def score_candidates(
    kinds: np.ndarray,
    strings: list[str],
    line: str,
    entry_coverage: np.ndarray,
    query_coverage: np.ndarray,
    evidence: np.ndarray,
    telling_evidence: np.ndarray,
    needs_context: np.ndarray,
    in_context: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Scores and how each matched (EXACT / CLOSE / WORDS), for candidates of one line."""
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    # Whole words only: "load bookmark failed" is not in "upload bookmark failed".
    padded = f" {line} "
    exact = np.fromiter(
        (bool(text) and f" {text} " in padded for text in strings), dtype=bool, count=len(strings)
    )
    is_error, is_body = kinds == ERROR, kinds == BODY
    # rapidfuzz only where it can change the score: partial alignment for errors not found whole.
    partial = _similarity(fuzz.partial_ratio, line, strings, is_error & ~exact)
    whole = _similarity(fuzz.ratio, line, strings, ~is_body & ~exact)

    # Errors: whole, inside a longer line, or a fragment of the error (which counts by its telling words:
    # "the error occurred here" is a fragment of many an error).
    alike = np.where(telling_evidence > 0, whole, GENERIC_LIKENESS_FACTOR * whole)
    fragment = np.maximum(partial * (0.5 + 0.45 * telling_evidence), alike)
    inside = partial * (0.4 + 0.6 * np.minimum(1.0, entry_coverage))
    error_score = np.where(exact, 100.0, np.where(len(line) < lengths, fragment, inside))
    # Symptoms and titles.
    overlap = 100.0 * (0.7 * entry_coverage + 0.3 * query_coverage) * (0.6 + 0.4 * evidence)
    misspelt = (whole >= TYPO_SIMILARITY) & (whole > overlap)
    phrase_score = np.where(misspelt, whole, overlap)
    # The whole text; the share of the article covered only breaks ties between articles that explain it all.
    focus = 0.97 + 0.03 * np.minimum(1.0, 10.0 * entry_coverage)
    body_score = 100.0 * query_coverage * (0.5 + 0.5 * evidence) * focus

    # np.where, not np.select: a few dozen candidates, and np.select costs ten times as much on so few.
    scores = np.where(is_error, error_score, np.where(is_body, body_score, phrase_score))
    if not in_context:
        # A generic error quoted inside a longer line of another product's log ("Error response from
        # daemon: ... context deadline exceeded") says nothing about this knowledge base's domain.
        quoted = is_error & needs_context & (lengths < QUOTED_SHARE * len(line))
        scores = np.where(is_body, scores * OUT_OF_CONTEXT_FACTOR, scores)
        scores = np.where(quoted, scores * QUOTED_GENERIC_FACTOR, scores)
    scores = scores * KIND_WEIGHTS[kinds]
    how = np.where(is_error, np.where(exact, EXACT, CLOSE), np.where(misspelt & ~is_body, CLOSE, WORDS))
    return scores, how


def _similarity(scorer, line: str, strings: list[str], where: np.ndarray) -> np.ndarray:
    similarity = np.zeros(len(strings), dtype=np.float32)
    positions = np.flatnonzero(where)
    if len(positions):
        chosen = [strings[position] for position in positions.tolist()]
        similarity[positions] = process.cdist([line], chosen, scorer=scorer, dtype=np.float32)[0]
    return similarity


def describe(kind: int, how: int, entry_text: str, line_number: int) -> str:
    """The `why` of a match, naming what matched and where."""
    where = f" in line {line_number}" if line_number else ""
    if kind == BODY:
        return (
            f"the article's text shares most words of line {line_number}"
            if line_number
            else ("the article's text shares most words of the paste")
        )
    if how == EXACT:
        return f'{KIND_NAMES[kind]} "{entry_text}" found{where}'
    if how == WORDS:
        return f'{KIND_NAMES[kind]} "{entry_text}" shares the key words{where}'
    return f'close to the {KIND_NAMES[kind]} "{entry_text}"{where}'
