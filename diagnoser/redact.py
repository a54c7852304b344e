"""Redaction of secrets in anything exported or logged: serial and control numbers, key signatures, checksums."""

from __future__ import annotations

import re

from diagnoser.parsers.slk import key_spans

MARK = "[redacted]"
_PATTERNS = (
    (
        re.compile(r"(?im)^(\s*(?:serial_no|checksum|control(?:_number|_no)?|serial)\s*[=:]\s*).+$"),
        r"\1" + MARK,
    ),
    (
        re.compile(r"(?i)(\b(?:serial|control|license)\s*(?:number|no\.?|#)?\s*[:=]?\s*)\d[\d -]{3,}\d"),
        r"\1" + MARK,
    ),
    # 16-digit license numbers, also written in groups ("1234 1234 1234 1234").
    (re.compile(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)"), MARK),
    # The serial / control header lines of a LEF: a line of digits alone.
    (re.compile(r"(?m)^\s*\d{5,}\s*$"), MARK),
)


def redact(text: str) -> str:
    # Keys first: keep header and payload (readable anyway), drop the signature.
    pieces, position = [], 0
    for _, signature_start, end in key_spans(text):
        pieces += [text[position:signature_start], MARK]
        position = end
    text = "".join(pieces) + text[position:]
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
