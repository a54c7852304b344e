"""What was forwarded in an email: the lines of a reply's quote ("> PRODUCTLEVEL;50;;", "> eyJhbGciOi...")
without their markers, so a quoted LEF, license.txt or key is read as the file itself."""

from __future__ import annotations

import re

QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
# Quoted lines must be at least this share of the non-empty lines: one "> " line is no quote.
QUOTED_SHARE = 0.5


def unquote(text: str) -> str:
    """text without the quote markers of an email, when most of its lines are quoted; else text as it is."""
    if ">" not in text:
        return text
    quoted = len(_QUOTED_LINE.findall(text))
    lines = sum(1 for line in text.splitlines() if line.strip())
    if quoted < 2 or quoted < QUOTED_SHARE * lines:
        return text
    return QUOTE_MARKERS.sub("", text)
