"""QlikView / Qlik Sense License Enabler File: header lines (serial, control, licensee) then TAG;VALUE;FROM;TO.

Pasted LEFs arrive with CRLF, indentation, blank lines, quoted ("> ") from an email, or without their header.
Unknown tags and repeated tags are kept, in order; lines that are not tags after the first tag are kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Tags seen in QlikView / Qlik Sense / NPrinting / GeoAnalytics LEFs; recognition wants one of them.
KNOWN_TAGS = frozenset(
    (
        "PRODUCTLEVEL",
        "TIMELIMIT",
        "TOKENS",
        "OVERAGE",
        "SPECIAL_EDITION",
        "TEST_EDITION",
        "PROFESSIONAL",
        "ANALYZER",
        "ANALYZER_TIME",
        "ANALYZER_TIME_UNIT",
        "GEO_SERVER",
        "GEO_USERS",
        "NUMBER_OF_CORES",
        "NUMBER_OF_XS",
        "NUMBER_OF_NAMED_CALS",
        "NUMBER_OF_DOCUMENT_CALS",
        "NUMBER_OF_SESSION_CALS",
        "NUMBER_OF_USAGE_CALS",
        "NAMED_CALS",
        "DOCUMENT_CALS",
        "SESSION_CALS",
        "USAGE_CALS",
        "NAMEDCAL",
        "DOCUMENTCAL",
        "SESSIONCAL",
        "USAGECAL",
        "CAL_NAMED",
        "CAL_DOCUMENT",
        "CAL_SESSION",
        "CAL_USAGE",
        "USERS",
        "PROFESSIONAL_USERS",
        "ANALYZER_USERS",
        "CORES",
        "CLUSTER_NODES",
        "NODES",
        "RAM_LIMIT",
        "PUBLISHER",
        "QLIKVIEW_SERVER",
        "QV_NODES",
        "NPRINTING",
        "NPRINTING_DESIGNER",
        "WORKBENCH",
        "EXTENSIONS",
        "ALLOW_EXTENSIONS",
        "OEM_PRODUCT_ID",
        "OEM_NAME",
        "CHECKSUM",
        "LEF_CHECKSUM",
        "UPDATE",
        "LOGIN_ACCESS",
        "USER_ACCESS",
        "CORE_TIME",
        "CAPACITY",
        "EMBEDDED",
    )
)
# The last column is one word (a date, mostly): "PRODUCTLEVEL;90;; in the GeoAnalytics LEF, is it SLK?" is a
# sentence quoting a tag, not a tag line.
_TAG_LINE = re.compile(r"([A-Z][A-Z0-9_]*)\s*;([^;\n]*);([^;\n]*);\s*([^;\s]*?)\s*;?\s*")
_QUOTE = re.compile(r"^(?:>\s*)+")
_SERIAL = re.compile(r"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{2,4}|\d{10,20}")
_CONTROL = re.compile(r"\d{4,6}")


@dataclass(frozen=True)
class LefTag:
    name: str
    value: str
    valid_from: str
    valid_to: str
    line: int  # 1-based line number in the paste


@dataclass
class Lef:
    header: list[str] = field(default_factory=list)  # serial / control / licensee lines before the tags
    tags: list[LefTag] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)  # non-tag lines after the first tag
    # Only a product level named or TAG;VALUE quoted in prose ("what is PRODUCTLEVEL;95?"), not the lines
    # of a file: what it lacks says nothing about the license.
    fragment: bool = False

    def first(self, name: str) -> LefTag | None:
        return next((tag for tag in self.tags if tag.name == name), None)

    def all(self, name: str) -> list[LefTag]:
        return [tag for tag in self.tags if tag.name == name]

    def has(self, name: str) -> bool:
        return self.first(name) is not None

    @property
    def names(self) -> set[str]:
        return {tag.name for tag in self.tags}

    @property
    def repeated(self) -> list[str]:
        seen: set[str] = set()
        return list(dict.fromkeys(tag.name for tag in self.tags if tag.name in seen or seen.add(tag.name)))

    @property
    def serial(self) -> str | None:
        """The license (serial) number among the header lines: 14 to 16 digits, maybe in groups of four."""
        return self._header_number(_SERIAL, ("serial", "license"))

    @property
    def control(self) -> str | None:
        """The control number among the header lines: a short number alone on its line, or labelled."""
        return self._header_number(_CONTROL, ("control",))

    def _header_number(self, number: re.Pattern, labels: tuple[str, ...]) -> str | None:
        for line in self.header:
            label, separator, value = line.partition(":")
            if number.fullmatch(line):
                return line
            if (
                separator
                and any(word in label.lower() for word in labels)
                and number.fullmatch(value.strip())
            ):
                return value.strip()
        return None


def _clean_line(raw: str) -> str:
    return _QUOTE.sub("", raw.strip().lstrip("\ufeff")).strip().strip("`").strip()


def match_tag(line: str) -> re.Match | None:
    return _TAG_LINE.fullmatch(_clean_line(line))


def tag_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if match_tag(line))


def known_tag_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if (match := match_tag(line)) and match.group(1) in KNOWN_TAGS)


# TAG;VALUE;FROM;TO, or TAG;VALUE alone as people quote it in a sentence ("TOKENS;3000").
_INLINE_TAG = re.compile(
    r"(?<![\w;])([A-Z][A-Z0-9_]{2,});([^;\s]*?)(?:;([^;\s]*);([^;\s]*?))?(?=[,.;)\"']*(?:\s|$))"
)
INLINE_SEARCH_CHARS = 2_000_000


def find_inline_tags(text: str) -> Lef | None:
    """Known LEF tags written inside sentences or log lines ("my LEF has PRODUCTLEVEL;10;;2018-04-30")."""
    lef = Lef(fragment=True)
    for match in _INLINE_TAG.finditer(text[:INLINE_SEARCH_CHARS]):
        name, value, valid_from, valid_to = (part.strip() if part else "" for part in match.groups())
        if name in KNOWN_TAGS and (value or match.group(3) is not None):
            line = text.count("\n", 0, match.start()) + 1
            lef.tags.append(LefTag(name, value, valid_from, valid_to, line))
            lef.fragment = lef.fragment and match.group(3) is None
    # One tag quoted, whatever its columns, says nothing of what else the file has.
    lef.fragment = lef.fragment or len(lef.tags) == 1
    if lef.tags and not lef.has("PRODUCTLEVEL") and (named := find_named_level(text)) is not None:
        lef.tags += named.tags
    return lef if lef.tags else None


# "PRODUCTLEVEL;95", "productlevel 90", "product level is 50", "Product-Level: 10"
_NAMED_LEVEL = re.compile(
    r"\bproduct[ _-]?level[\s;:=#]*(?:is\s+|of\s+)?(\d{1,3})\b(?![.,]\d)", re.IGNORECASE
)


def find_named_level(text: str) -> Lef | None:
    """A product level named in a question or a log line, without the rest of a LEF tag."""
    match = _NAMED_LEVEL.search(text[:INLINE_SEARCH_CHARS])
    if match is None:
        return None
    return level_fragment(match.group(1), line=text.count("\n", 0, match.start()) + 1)


def level_fragment(level: str, line: int = 1) -> Lef:
    """A LEF that is only a product level, as a person names or asks about one."""
    return Lef(tags=[LefTag("PRODUCTLEVEL", level, "", "", line)], fragment=True)


def parse_lef(text: str) -> Lef:
    lef = Lef()
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = _clean_line(raw)
        if not line:
            continue
        match = _TAG_LINE.fullmatch(line)
        if match:
            name, value, valid_from, valid_to = (part.strip() for part in match.groups())
            lef.tags.append(LefTag(name, value, valid_from, valid_to, number))
        elif lef.tags:
            lef.other_lines.append(line)
        else:
            lef.header.append(line)
    return lef
