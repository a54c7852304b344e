"""QlikView / Qlik Sense License Enabler File: header lines (serial, control) then TAG;VALUE;FROM;TO lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TAG_LINE = re.compile(r"^\s*([A-Z][A-Z0-9_]*)\s*;([^;\n]*);([^;\n]*);([^;\n]*?)\s*;?\s*$")


@dataclass(frozen=True)
class LefTag:
    name: str
    value: str
    valid_from: str
    valid_to: str
    line: int


@dataclass
class Lef:
    header: list[str] = field(default_factory=list)  # serial / control / licensee lines before the tags
    tags: list[LefTag] = field(default_factory=list)

    def first(self, name: str) -> LefTag | None:
        return next((tag for tag in self.tags if tag.name == name), None)

    def has(self, name: str) -> bool:
        return self.first(name) is not None

    @property
    def names(self) -> set[str]:
        return {tag.name for tag in self.tags}


def tag_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if _TAG_LINE.match(line))


def parse_lef(text: str) -> Lef:
    lef = Lef()
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        match = _TAG_LINE.match(line)
        if match:
            name, value, valid_from, valid_to = (part.strip() for part in match.groups())
            lef.tags.append(LefTag(name, value, valid_from, valid_to, number))
        elif not lef.tags:
            lef.header.append(line)
    return lef
