"""The PRODUCTLEVEL table: which product a LEF's product level means and how it is activated.

Every row of the seed's table, as data. A level can mean several products or user models (50 is Qlik Sense
tokens, core-based or user-based, and QlikView with the unified key); the LEF's tags tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ProductLevel:
    level: int | None
    product: str
    user_model: str
    activation: str
    since: str
    source: str


TABLE: tuple[ProductLevel, ...] = (
    ProductLevel(
        51,
        "Qlik Sense SaaS",
        "Professional/Analyzer/Analyzer Capacity",
        "Onboarding email or MyQlik",
        "1.0",
        "LBE",
    ),
    ProductLevel(
        50,
        "Qlik Sense Client Managed",
        "Professional/Analyzer & Analyzer Capacity",
        "QLS / SLK",
        "Feb 2019 onwards",
        "LBE for SLK; LEF Server for license & control (only without Analyzer Capacity & Cloud Service)",
    ),
    ProductLevel(
        50,
        "Qlik Sense Client Managed",
        "Professional/Analyzer, Analyzer Capacity with Overage",
        "QLS / SLK",
        "Feb 2020 onwards",
        "LBE Server",
    ),
    ProductLevel(50, "Qlik Sense Tokens", "Tokens", "License & Control LEF", "Sense GA", "LEF Server"),
    ProductLevel(
        50, "Qlik Sense", "Core based (including QAP)", "License & Control LEF", "Sense GA", "LEF Server"
    ),
    ProductLevel(
        10,
        "QlikView Server",
        "Named user / Document / Session CALs",
        "License & Control LEF",
        "QlikView GA",
        "LEF Server",
    ),
    ProductLevel(
        50,
        "QlikView Server",
        "Professional, Analyzer & Analyzer Capacity: unified AMP key or QlikView Infrastructure Add-on to "
        "QSE Client Managed license",
        "QLS / SLK",
        "April 2019 onwards (12.40)",
        "LBE Server",
    ),
    ProductLevel(
        10,
        "QlikView Server",
        "Professional, Analyzer & Analyzer Capacity: QlikView Infrastructure Add-on to QSE SaaS only",
        "QLS / SLK",
        "May 2021 QlikView 12.60 onwards",
        "LBE Server",
    ),
    ProductLevel(
        3,
        "QlikView Desktop (Local Client)",
        "Desktop License",
        "License & Control LEF",
        "QlikView GA",
        "LEF Server",
    ),
    ProductLevel(60, "NPrinting", "", "QLS / SLK (Feb 2020 on)", "February 2020", "LBE Server"),
    ProductLevel(60, "NPrinting", "", "License & Control LEF", "Prior to Feb 2020", "LEF Server"),
    ProductLevel(90, "GeoAnalytics Server", "", "License & Control LEF", "", "LEF Server"),
    ProductLevel(90, "GeoAnalytics Server", "", "QLS / SLK", "SLK from May 2021", "LBE Server"),
    ProductLevel(
        95, "Qlik Catalog & QC for QVD", "Tables", "QLS / SLK", "September 2020 onwards", "LBE Server"
    ),
    ProductLevel(
        None, "WebConnectors", "", "License & Control LEF", "From Feb 2021 no license required", "LEF Server"
    ),
    ProductLevel(
        80, "SAP Connector", "", "License & Control LEF", "SLK support expected June/July 2021", "LEF Server"
    ),
)


# Which user model a LEF's tags point at: (tag-name fragment, fragment of the row's user model).
_MODEL_HINTS = (
    ("TOKENS", "Tokens"),
    ("CORES", "Core based"),
    ("CAL", "CALs"),
    ("ANALYZER_TIME", "Analyzer Capacity"),
    ("PROFESSIONAL", "Professional"),
    ("ANALYZER", "Analyzer"),
)


def rows_for(level: int | None) -> list[ProductLevel]:
    return [row for row in TABLE if row.level == level]


def rows_matching(level: int, tag_names: set[str]) -> list[ProductLevel]:
    """The rows of this level whose user model the LEF's tags point at; all rows of the level if none fits."""
    rows = rows_for(level)
    for fragment, model in _MODEL_HINTS:
        if any(fragment in name for name in tag_names):
            fitting = [row for row in rows if model in row.user_model]
            if fitting:
                return fitting
    return rows


# Products that have one product level of their own, by the names people give them.
_PRODUCT_NAMES = re.compile(
    r"\b(?P<l60>nprinting)|\b(?P<l90>geo ?analytics)|\b(?P<l95>qlik catalog|catalog for qvds?)"
    r"|\b(?P<l80>sap connector)|\b(?P<l3>qlikview desktop|qlikview local client)",
    re.IGNORECASE,
)
# A question about how a product is licensed, not about an error it shows.
_ACTIVATION_QUESTION = re.compile(
    r"activat|\bsigned (?:license |licence )?key|\bslk\b|control number|product ?level", re.IGNORECASE
)


def level_asked_about(text: str) -> int | None:
    """The product level of a product named in a question about its activation ("can NPrinting be
    activated with a signed key?"), None when the text asks no such question."""
    if _ACTIVATION_QUESTION.search(text) is None:
        return None
    match = _PRODUCT_NAMES.search(text)
    return int(match.lastgroup[1:]) if match else None
