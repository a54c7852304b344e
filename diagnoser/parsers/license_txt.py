"""Qlik Replicate / Compose / Enterprise Manager license.txt: key=value lines.

Split on the first '=' only (checksums and feature lists hold '='); BOM, CRLF and blank lines are tolerated;
order is kept, empty values are kept, repeated keys are reported. The seed describes the Compose fields as
`key: value` prose, so `key: value` is read too, but only for field names we know (other lines with ':' are
anything but license fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REPLICATE_FIELDS = [
    "license_type",
    "licensed_to",
    "licensed_by",
    "serial_no",
    "expiration_date",
    "hosts",
    "source_types",
    "target_types",
    "features",
    "version",
    "issue_date",
    "checksum",
]
COMPOSE_FIELDS = [
    "host_role",
    "source_db_types",
    "dwh_type",
    "dl_type",
    "number_of_dms",
    "number_of_developers",
    "managed_dwh_size",
]
KNOWN_FIELDS = frozenset(REPLICATE_FIELDS + COMPOSE_FIELDS + ["product"])
# Fields no other key=value file has: what tells a license.txt from a config file with version= and hosts=.
DISTINCTIVE_FIELDS = frozenset(KNOWN_FIELDS - {"version", "hosts", "features", "product", "issue_date"})
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*")
_FIELD_START = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9_]*)[ \t]*[=:]", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    key: str  # as written (surrounding spaces removed)
    value: str  # verbatim after the separator: what repctl gets
    line: int


@dataclass
class LicenseTxt:
    entries: list[Entry] = field(default_factory=list)  # every key=value line, in file order
    fields: dict[str, str] = field(default_factory=dict)  # lower-case key -> stripped value, first occurrence
    duplicates: list[str] = field(default_factory=list)  # keys seen more than once, in order
    other_lines: list[str] = field(default_factory=list)

    @property
    def is_compose(self) -> bool:
        return any(name in self.fields for name in COMPOSE_FIELDS)


def known_field_count(text: str) -> tuple[int, int]:
    """(known, distinctive) field names that start a line of text."""
    names = {match.group(1).lower() for match in _FIELD_START.finditer(text)}
    return len(names & KNOWN_FIELDS), len(names & DISTINCTIVE_FIELDS)


def _split(line: str) -> tuple[str, str] | None:
    """key and verbatim value, or None when the line is not a license field."""
    equals, colon = line.find("="), line.find(":")
    if equals > 0 and (colon < 0 or equals < colon):
        key = line[:equals].strip()
        return (key, line[equals + 1 :]) if _KEY.fullmatch(key) else None
    if colon > 0:
        key = line[:colon].strip()
        if key.lower() in KNOWN_FIELDS:
            return key, line[colon + 1 :].strip()
    return None


def parse_license_txt(text: str) -> LicenseTxt:
    license_txt = LicenseTxt()
    seen: set[str] = set()
    for number, raw in enumerate(
        text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1
    ):
        line = raw.lstrip(" \t\ufeff")
        if not line.strip() or line.startswith("#"):
            continue
        split = _split(line)
        if split is None:
            license_txt.other_lines.append(line.strip())
            continue
        key, value = split
        license_txt.entries.append(Entry(key, value, number))
        name = key.lower()
        if name in seen:
            license_txt.duplicates.append(name)
            continue
        seen.add(name)
        license_txt.fields[name] = value.strip()
    return license_txt
