"""Dates as license files write them."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_FORMATS = ("%d-%b-%Y", "%d %b %Y", "%d/%m/%Y", "%b %d, %Y", "%d.%m.%Y")


def parse_date(text: str) -> date | None:
    text = text.strip()
    match = _ISO.search(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    for pattern in _FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
