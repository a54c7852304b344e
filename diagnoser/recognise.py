"""Tell what kind of material a paste is: lef, slk, replicate-license, compose-license, log or text."""

from __future__ import annotations

import re

from diagnoser.parsers.lef import tag_lines
from diagnoser.parsers.license_txt import known_field_count, parse_license_txt
from diagnoser.parsers.slk import find_key

KINDS = ("lef", "slk", "replicate-license", "compose-license", "log", "text")
SAMPLE_CHARS = 200_000
_LOG_LINE = re.compile(
    r"\d{4}-?\d{2}-?\d{2}[T ]?\d{2}:?\d{2}|\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\b|^\s*\{\".*\":|^\s+at\s",
    re.MULTILINE,
)


def recognise(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    lines = [line for line in sample.splitlines() if line.strip()]
    if not lines:
        return "text"
    if known_field_count(sample) >= 3:
        return "compose-license" if parse_license_txt(sample).is_compose else "replicate-license"
    tags = tag_lines(sample)
    if (tags >= 2 and tags >= len(lines) // 2) or (tags and tags == len(lines)):
        return "lef"
    key = find_key(sample)
    if key is not None and len(sample.replace(key.raw, " ").split()) <= 3:
        return "slk"  # the paste is the key, give or take a word or two
    if len(lines) > 1 or _LOG_LINE.search(sample):
        return "log"
    return "text"
