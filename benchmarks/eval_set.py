"""The retrieval evaluation set: realistic pastes and the article each one must find (or none)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_SET = Path(__file__).resolve().parent / "eval_set.yaml"
MATCH_KINDS = ("exact", "log", "paraphrase", "typo", "fragment")
NO_MATCH_KINDS = ("unrelated", "near-domain")
KINDS = MATCH_KINDS + NO_MATCH_KINDS
ENTRY_KEYS = frozenset({"paste", "expect", "kind", "note"})


class EvalSetError(ValueError):
    pass


@dataclass(frozen=True)
class EvalCase:
    number: int  # 1-based position in the file, to find the case again
    paste: str
    expect: str | None
    kind: str
    note: str = ""


def load_eval_set(path: Path = DEFAULT_SET) -> list[EvalCase]:
    """The cases of an evaluation set file; EvalSetError says which entry is malformed and why."""
    try:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvalSetError(f"cannot read evaluation set {path}: {error}") from None
    if not isinstance(entries, list):
        raise EvalSetError(f"{path}: expected a list of entries")
    return [_case(number, entry, path) for number, entry in enumerate(entries, start=1)]


def _case(number: int, entry: object, path: Path) -> EvalCase:
    where = f"{path}: entry {number}"
    if not isinstance(entry, dict):
        raise EvalSetError(f"{where}: expected a mapping")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise EvalSetError(f"{where}: unknown keys {sorted(unknown)}")
    paste, expect, kind = entry.get("paste"), entry.get("expect"), entry.get("kind")
    if not isinstance(paste, str) or not paste.strip():
        raise EvalSetError(f"{where}: paste must be non-empty text")
    if kind not in KINDS:
        raise EvalSetError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if expect is not None and not isinstance(expect, str):
        raise EvalSetError(f"{where}: expect must be an article id or null")
    if (expect is None) != (kind in NO_MATCH_KINDS):
        raise EvalSetError(f"{where}: kind {kind} needs expect {'null' if expect else 'an article id'}")
    return EvalCase(number, paste, expect, kind, str(entry.get("note") or ""))
