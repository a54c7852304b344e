"""Tell what kind of material a paste is (placeholder until the diagnoser issue lands)."""

from __future__ import annotations

KINDS = ("lef", "slk", "replicate-license", "compose-license", "log", "text")


def recognise(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "log" if len(lines) > 1 else "text"
