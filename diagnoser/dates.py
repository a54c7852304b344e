"""Dates as license files write them: ISO (2020-12-31, 20201231, 2020/12/31) first, then common day/month forms."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"(?<!\d)(\d{4})([-/.]?)(\d{2})\2(\d{2})(?!\d)")
# Day-first before month-first: Qlik regions outside the US write 01/02/2024 as 1 February.
_FORMATS = (
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
)


def parse_date(text: str) -> date | None:
    text = text.strip()[:100]
    match = _ISO.search(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            return None
    candidate = text.split("T")[0].split(" 00:")[0].strip()
    for pattern in _FORMATS:
        try:
            return datetime.strptime(candidate, pattern).date()
        except ValueError:
            continue
    return None
