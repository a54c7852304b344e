"""Checks over a parsed LEF (License Enabler File).

Token-only rule (lef.token-only): the LEF has a TOKENS tag with tokens in it (a value other than empty, 0
or NO) and no tag that allocates users with a value other than empty, 0 or NO. Tags that allocate users are
the user-based ones: any tag whose name has PROFESSIONAL, ANALYZER (ANALYZER_TIME included: analyzer
capacity), USERS or CAL(S) in it (QlikView NAMED_CALS / NUMBER_OF_DOCUMENT_CALS / NAMEDCAL ...). This is
the seed's token license (OVERAGE, PRODUCTLEVEL, SPECIAL_EDITION, TEST_EDITION, TOKENS and nothing else):
such a license can only be activated with its license number and control number, never with a Signed
License Key. A LEF with tokens and also Professional / Analyzer allocations is not token-only.
"""

from __future__ import annotations

import re
from datetime import date

from diagnoser.checks import Context, check
from diagnoser.dates import parse_date
from diagnoser.findings import Finding
from diagnoser.parsers.lef import Lef, LefTag
from diagnoser.product_levels import rows_for, rows_matching

UNABLE_TO_ACQUIRE = "qlikview-unable-to-acquire-license"
ACTIVATION_METHODS = "product-levels-activation-methods"
_USER_WORDS = ("PROFESSIONAL", "ANALYZER", "USERS", "CAL", "CALS")
_NO_VALUE = ("", "0", "NO", "NONE")
# What the person wrote or logged around the LEF speaks of Analyzer Capacity ("analyzer_time", "analyser minutes").
_ANALYZER_CAPACITY = re.compile(r"\banaly[sz]er[ _-]?(?:capacity|time|minutes)\b", re.IGNORECASE)


def _has_value(tag: LefTag) -> bool:
    return tag.value.strip().upper() not in _NO_VALUE


def allocates_users(tag: LefTag) -> bool:
    words = tag.name.split("_")
    user_based = any(word in _USER_WORDS for word in words) or tag.name.endswith("CAL")
    return user_based and _has_value(tag)


def level(lef: Lef) -> int | None:
    tag = lef.first("PRODUCTLEVEL")
    value = tag.value.strip() if tag else ""
    return int(value) if value.isdigit() and len(value) < 6 else None


def tag_date(tag: LefTag) -> date | None:
    """The date a tag limits: its TO column, else FROM, else a date written as the value."""
    for part in (tag.valid_to, tag.valid_from, tag.value):
        parsed = parse_date(part) if part else None
        if parsed:
            return parsed
    return None


def _as_written(tag: LefTag) -> str:
    return f"{tag.name};{tag.value};{tag.valid_from};{tag.valid_to}"


@check("lef.token-only", needs="lef")
def token_only(lef: Lef, context: Context) -> list[Finding]:
    tokens = [tag for tag in lef.all("TOKENS") if _has_value(tag)]
    if not tokens or any(allocates_users(tag) for tag in lef.tags):
        return []
    return [
        Finding(
            "lef.token-only",
            "error",
            "Token-based only license: a Signed License Key cannot be used",
            detail=f"The LEF has {_as_written(tokens[0])} and no user-based allocations (no Professional, "
            "Analyzer or Analyzer Capacity). A token license is activated with its license number and control "
            'number; applying a Signed License Key to it fails (for instance with "There was an error when '
            'getting license information from the license server").',
            fix="Use the license number (serial) and control number instead of a Signed License Key: enter "
            "both in the Qlik Management Console (License management > Site license). If you expected a "
            "user-based license, check with your Qlik account owner that the right product was bought.",
            articles=("license-server-connection-error",),
        )
    ]


@check("lef.timelimit-expired", needs="lef")
def timelimit_expired(lef: Lef, context: Context) -> list[Finding]:
    limits = [(limit, tag) for tag in lef.all("TIMELIMIT") if (limit := tag_date(tag))]
    if not limits:
        return []
    limit, tag = max(limits, key=lambda pair: pair[0])
    if limit >= context.today:
        return []
    return [
        Finding(
            "lef.timelimit-expired",
            "error",
            f"The license's time limit ended on {limit.isoformat()}",
            detail=f"{_as_written(tag)} is in the past: the license is no longer valid, and QlikView reports "
            '"Unable to acquire valid license information".',
            fix="Contact your Qlik account owner, or the partner you purchased the license from, for a renewed "
            "license (a new LEF without this time limit, or with a later one).",
            articles=(UNABLE_TO_ACQUIRE,),
        )
    ]


@check("lef.productlevel-date", needs="lef")
def productlevel_date(lef: Lef, context: Context) -> list[Finding]:
    tag = lef.first("PRODUCTLEVEL")
    until = tag_date(tag) if tag else None
    if until is None or until >= context.today:
        return []
    return [
        Finding(
            "lef.productlevel-date",
            "warning",
            f"No release after {until.isoformat()} can be licensed with this LEF",
            detail=f"{_as_written(tag)}: the date in the LEF must extend past the release you license. "
            f"Releases published after {until.isoformat()} (service releases included) refuse it with "
            '"Unable to acquire valid license information".',
            fix="Contact your Qlik account owner or the partner you purchased from for a LEF whose PRODUCTLEVEL "
            f"date covers your release, or run a release published before {until.isoformat()}.",
            articles=(UNABLE_TO_ACQUIRE,),
        )
    ]


@check("lef.analyzer-capacity-incomplete", needs="lef")
def analyzer_capacity_incomplete(lef: Lef, context: Context) -> list[Finding]:
    pair = ("ANALYZER_TIME", "ANALYZER_TIME_UNIT")
    present = [name for name in pair if any(_has_value(tag) for tag in lef.all(name))]
    if len(present) == 1:
        [missing] = [name for name in pair if name not in present]
        title = f"Analyzer Capacity is incomplete: {missing} is missing"
        detail = (
            f"The LEF has {present[0]} but no {missing}. Analyzer Capacity needs both tags (for example "
            "ANALYZER_TIME;1000;; and ANALYZER_TIME_UNIT;6;;); with one of them no analyzer minutes are "
            "available."
        )
    elif not present and not lef.fragment and _ANALYZER_CAPACITY.search(context.text):
        title = "Analyzer Capacity is missing: the LEF has neither ANALYZER_TIME nor ANALYZER_TIME_UNIT"
        detail = (
            "The paste speaks of Analyzer Capacity, but the LEF has no ANALYZER_TIME and no ANALYZER_TIME_UNIT "
            "tag. Analyzer Capacity needs both (for example ANALYZER_TIME;1000;; and ANALYZER_TIME_UNIT;6;;); "
            "without them no analyzer minutes are available."
        )
    else:
        return []
    return [
        Finding(
            "lef.analyzer-capacity-incomplete",
            "error",
            title,
            detail=detail,
            fix="Contact Qlik through the support chat to have the license corrected (both ANALYZER_TIME and "
            "ANALYZER_TIME_UNIT in the LEF).",
            articles=("analyzer-capacity-missing-minutes",),
        )
    ]


@check("lef.geo-server-missing", needs="lef")
def geo_server_missing(lef: Lef, context: Context) -> list[Finding]:
    if level(lef) != 90 or lef.fragment:
        return []
    if any(tag.value.strip().upper() == "YES" for tag in lef.all("GEO_SERVER")):
        return []
    geo = lef.first("GEO_SERVER")
    written = f"It has {_as_written(geo)}." if geo else "It has no GEO_SERVER line."
    return [
        Finding(
            "lef.geo-server-missing",
            "error",
            "GeoAnalytics Server LEF without GEO_SERVER;YES;;",
            detail=f"A GeoAnalytics Server license (PRODUCTLEVEL 90) needs GEO_SERVER;YES;; or applying it "
            f'fails with "Error adding license LEF does not give server permissions". {written}',
            fix="Ask Qlik (support chat or your account owner) for a LEF that includes GEO_SERVER;YES;;.",
            articles=("geoanalytics-lef-server-permission",),
        )
    ]


@check("lef.product", needs="lef")
def product(lef: Lef, context: Context) -> list[Finding]:
    tag = lef.first("PRODUCTLEVEL")
    if tag is None:
        return []
    number = level(lef)
    rows = rows_matching(number, lef.names) if number is not None else []
    if not rows:
        return [
            Finding(
                "lef.product",
                "info",
                f"PRODUCTLEVEL {tag.value}: not in the product-level table",
                detail="The product-level table lists 3, 10, 50, 51, 60, 80, 90 and 95. For the content of "
                "your LEF, contact Qlik through the live chat.",
                articles=(ACTIVATION_METHODS,),
            )
        ]
    products = " / ".join(dict.fromkeys(row.product for row in rows))
    lines = [
        f"{row.product}"
        + (f" ({row.user_model})" if row.user_model else "")
        + f": activated by {row.activation}"
        + (f", {row.since}" if row.since else "")
        + f"; license source: {row.source}"
        for row in rows
    ]
    others = [row for row in rows_for(number) if row not in rows]
    if others:
        lines.append(
            "Other products at this level: "
            + "; ".join(
                f"{row.product} ({row.user_model})" if row.user_model else row.product for row in others
            )
        )
    return [
        Finding(
            "lef.product",
            "info",
            f"PRODUCTLEVEL {number}: {products}",
            detail="\n".join(lines),
            articles=(ACTIVATION_METHODS,),
        )
    ]
