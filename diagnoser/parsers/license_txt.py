"""Qlik Replicate / Compose / Enterprise Manager license.txt: key=value lines.

Split on the first '=' only (checksums and feature lists hold '='); BOM, CRLF, blank lines and an email's
"> " quote markers are tolerated; order is kept, empty values are kept, repeated keys are reported. The
seed describes the Compose fields as `key: value` prose, so `key: value` is read too, but only for field
names we know (other lines with ':' are anything but license fields).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from diagnoser.parsers.email import QUOTE_MARKERS

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
# A field at the start of a line; quoted too, for the license.json that `kb convert` and txt2json.py write.
_FIELD_START = re.compile(r"^[ \t>]*\"?([A-Za-z][A-Za-z0-9_]*)\"?[ \t]*[=:]", re.MULTILINE)
MAX_JSON_CHARS = 1_000_000


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


def _license_json_fields(text: str) -> dict | None:
    """The fields of a license.json ({"cmd.license": {...}}), when text is one."""
    stripped = text.strip().lstrip("\ufeff")
    if not stripped.startswith("{") or len(stripped) > MAX_JSON_CHARS:
        return None
    try:
        document = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    fields = document.get("cmd.license", document) if isinstance(document, dict) else None
    if not isinstance(fields, dict) or not all(isinstance(value, str) for value in fields.values()):
        return None
    return fields


def parse_license_txt(text: str) -> LicenseTxt:
    """A license.txt, or the license.json made from one (read back as the same fields)."""
    fields = _license_json_fields(text)
    if fields is not None:
        text = "\n".join(f"{key}={value}" for key, value in fields.items() if "\n" not in key + value)
    license_txt = LicenseTxt()
    seen: set[str] = set()
    for number, raw in enumerate(
        text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1
    ):
        line = QUOTE_MARKERS.sub("", raw).lstrip(" \t\ufeff")  # "> license_type=..." quoted in an email
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
