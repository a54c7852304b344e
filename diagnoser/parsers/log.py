"""Facts a log excerpt gives the checks: error codes, defect ids, URLs and hosts the connection check can use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LICENSE_HOST = "license.qlikcloud.com"
_CODE = re.compile(r"\b(?:LICENSES-\d{3}|LICENSES-[A-Za-z]+|core\.error\.code\.[A-Z_]+|Q[BV]-\d{3,6})\b")
_URL = re.compile(r"https?://[^\s\"'<>\\]+")


@dataclass
class LogFacts:
    error_codes: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    mentions_license_host: bool = False


def parse_log(text: str) -> LogFacts:
    sample = text[:5_000_000]
    facts = LogFacts()
    facts.error_codes = list(dict.fromkeys(_CODE.findall(sample)))
    facts.urls = list(dict.fromkeys(url.rstrip(".,;)]}") for url in _URL.findall(sample)))[:20]
    facts.mentions_license_host = LICENSE_HOST in sample.lower()
    return facts
