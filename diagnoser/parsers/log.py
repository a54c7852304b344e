"""Facts a log excerpt gives: error codes, defect ids, URLs and host:port pairs the connection check can use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LICENSE_HOST = "license.qlikcloud.com"
DEFAULT_LICENSE_URL = f"https://{LICENSE_HOST}/"
SAMPLE_CHARS = 5_000_000
MAX_ITEMS = 20
_CODE = re.compile(
    r"\b(?:LICENSES-\d{3}|LICENSES-[A-Za-z]+|core\.error\.code\.[A-Z_]+|Q[BV]-\d{3,6})(?![\w-])"
)
_URL = re.compile(r"\bhttps?://[^\s\"'<>\\`|]+", re.IGNORECASE)
_HOST_PORT = re.compile(
    r"(?<![\w.\-/@:])((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3}):(\d{2,5})\b",
    re.IGNORECASE,
)
_TRAILING = ".,;:)]}'\""


@dataclass
class LogFacts:
    error_codes: list[str] = field(default_factory=list)  # LICENSES-030, core.error.code.*, QB-17039, ...
    urls: list[str] = field(default_factory=list)
    host_ports: list[str] = field(default_factory=list)  # host:port written without a scheme
    mentions_license_host: bool = False

    @property
    def license_urls(self) -> list[str]:
        """Base URLs of the license service seen in the log; the default one when only its name appears."""
        bases = []
        for url in self.urls:
            try:
                parts = urlsplit(url)
                hostname, port = parts.hostname, parts.port
            except ValueError:  # "https://[x", "https://h:99999": not a URL anyone can test
                continue
            if hostname and "license" in hostname:
                bases.append(f"https://{hostname}{'' if port in (None, 443) else f':{port}'}/")
        for host_port in self.host_ports:
            host, _, port = host_port.rpartition(":")
            if "license" in host.lower():
                bases.append(f"https://{host.lower()}{'' if port == '443' else ':' + port}/")
        if self.mentions_license_host and not bases:
            bases.append(DEFAULT_LICENSE_URL)
        return list(dict.fromkeys(bases))


def parse_log(text: str) -> LogFacts:
    sample = text[:SAMPLE_CHARS]
    facts = LogFacts()
    facts.error_codes = list(dict.fromkeys(_CODE.findall(sample)))[:MAX_ITEMS]
    facts.urls = list(dict.fromkeys(url.rstrip(_TRAILING) for url in _URL.findall(sample)))[:MAX_ITEMS]
    facts.host_ports = list(dict.fromkeys(f"{host}:{port}" for host, port in _HOST_PORT.findall(sample)))
    facts.host_ports = facts.host_ports[:MAX_ITEMS]
    facts.mentions_license_host = LICENSE_HOST in sample.lower()
    return facts
