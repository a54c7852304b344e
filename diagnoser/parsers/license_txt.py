"""Qlik Replicate / Compose / Enterprise Manager license.txt: key=value lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REPLICATE_FIELDS = (
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
)
COMPOSE_FIELDS = (
    "host_role",
    "source_db_types",
    "dwh_type",
    "dl_type",
    "number_of_dms",
    "number_of_developers",
    "managed_dwh_size",
)
KNOWN_FIELDS = frozenset(REPLICATE_FIELDS + COMPOSE_FIELDS + ("product",))
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_.]*)\s*(=|:)\s?(.*)$")


@dataclass
class LicenseTxt:
    fields: dict[str, str] = field(default_factory=dict)  # in file order; the first value of a repeated key
    duplicates: list[str] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)

    @property
    def is_compose(self) -> bool:
        return any(name in self.fields for name in COMPOSE_FIELDS)


def known_field_count(text: str) -> int:
    return len({m.group(1).lower() for line in text.splitlines() if (m := _LINE.match(line))} & KNOWN_FIELDS)


def parse_license_txt(text: str) -> LicenseTxt:
    """Split on the first '=' only: values such as checksums and feature lists may hold '='."""
    license_txt = LicenseTxt()
    for raw in text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        # "key: value" only for field names we know; values of other lines may contain ':'.
        if not match or (match.group(2) == ":" and match.group(1).lower() not in KNOWN_FIELDS):
            license_txt.other_lines.append(line)
            continue
        key, value = match.group(1).lower(), match.group(3).strip()
        if key in license_txt.fields:
            license_txt.duplicates.append(key)
            continue
        license_txt.fields[key] = value
    return license_txt
