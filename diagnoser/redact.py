"""Redaction of secrets in anything exported or logged.

Replaced by MARK: serial / license numbers (LEF header, 16-digit numbers also written in groups, serial_no=,
a key's license claim), control numbers, key signatures (header and payload stay: they are readable anyway
and say which key it was) and checksums. Linear in the text: exports of long conversations stay fast.
"""

from __future__ import annotations

import re

from diagnoser.parsers.email import QUOTE_MARKERS
from diagnoser.parsers.lef import tag_lines
from diagnoser.parsers.slk import key_spans

MARK = "[redacted]"
_FIELD_LINE = re.compile(
    r"(?im)^([ \t>]*(?:serial_no|serial[ _]?number|serial|checksum|control(?:[ _]?(?:number|no))?|"
    r"license[ _]?(?:number|no))[ \t]*[=:][ \t]*)\S.*$"
)
# The same labels inside a sentence or a log line: the value is the next word.
_FIELD_INLINE = re.compile(r"(?i)(\b(?:serial_no|checksum)[ \t]*[=:][ \t]*)(?!\[redacted\])[^\s\"',;]+")
# JSON: a key's license claim, a license.json's serial_no and checksum.
_JSON_SECRET = re.compile(
    r"(?i)(\"(?:license|serial|serial_no|control|checksum)\"[ \t]*:[ \t]*\")(?:[^\"\\]|\\.)+"
)
_LEF_SECRET_TAG = re.compile(
    r"(?m)^([ \t>]*(?:CONTROL|CONTROL_NUMBER|SERIAL|CHECKSUM|LEF_CHECKSUM)[ \t]*;)[^;\n]*"
)
_PROSE = re.compile(
    r"(?i)(\b(?:serial|license|licence|control)[ \t]*(?:number|no\.?|#)?[ \t]*(?:is|was)?[ \t]*[:=]?[ \t]*)"
    r"\d(?:[\d \-]{2,22}\d)"
)
_GROUPED_NUMBER = re.compile(r"(?<![\d\-])\d{4}([ \-]?)\d{4}\1\d{4}\1\d{2,4}(?![\d\-])")
_LONG_NUMBER = re.compile(r"(?<![\d.])\d{14,16}(?![\d.])")
_DIGITS_LINE = re.compile(r"(?m)^([ \t>]*)\d{5,}[ \t\r]*$")
_LEF_DIGITS_LINE = re.compile(r"(?m)^([ \t>]*)\d{4,}[ \t\r]*$")  # in a LEF header: control numbers are short


def _redact_signatures(text: str) -> str:
    # A key quoted in an email ("> eyJ...") is found with its markers blanked out: same positions.
    blanked = QUOTE_MARKERS.sub(lambda match: " " * len(match.group()), text) if ">" in text else text
    pieces, position = [], 0
    for _, signature_start, end in key_spans(blanked):
        if end > signature_start:
            pieces += [text[position:signature_start], MARK]
            position = end
    return "".join(pieces) + text[position:]


def redact(text: str) -> str:
    # Labelled values first: a key's signature run may otherwise swallow the label in front of one.
    text = _FIELD_LINE.sub(lambda match: match.group(1) + MARK, text)
    text = _FIELD_INLINE.sub(lambda match: match.group(1) + MARK, text)
    text = _redact_signatures(text)
    text = _LEF_SECRET_TAG.sub(lambda match: match.group(1) + MARK, text)
    text = _JSON_SECRET.sub(lambda match: match.group(1) + MARK, text)
    text = _PROSE.sub(lambda match: match.group(1) + MARK, text)
    text = _GROUPED_NUMBER.sub(MARK, text)
    text = _LONG_NUMBER.sub(MARK, text)
    digits_line = _LEF_DIGITS_LINE if tag_lines(text[:2_000_000]) else _DIGITS_LINE
    return digits_line.sub(lambda match: match.group(1) + MARK, text)
