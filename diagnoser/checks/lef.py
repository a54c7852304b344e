"""Checks over a parsed LEF."""

from __future__ import annotations

from diagnoser.checks import Context, check
from diagnoser.dates import parse_date
from diagnoser.findings import Finding
from diagnoser.parsers.lef import Lef
from diagnoser.product_levels import rows_for

# Tags that allocate users (Professional / Analyzer, analyzer capacity, QlikView CALs). A LEF with TOKENS
# and none of these is token-based only: it cannot be activated with a Signed License Key.
USER_TAGS = frozenset(
    {
        "PROFESSIONAL",
        "ANALYZER",
        "ANALYZER_TIME",
        "ANALYZER_TIME_UNIT",
        "NAMED_CALS",
        "DOCUMENT_CALS",
        "SESSION_CALS",
        "USAGE_CALS",
        "USERS",
        "PROFESSIONAL_USERS",
        "ANALYZER_USERS",
    }
)
UNABLE_TO_ACQUIRE = "qlikview-unable-to-acquire-license"


def _level(lef: Lef) -> int | None:
    tag = lef.first("PRODUCTLEVEL")
    return int(tag.value) if tag and tag.value.strip().isdigit() else None


def _tag_date(tag) -> object:
    for part in (tag.valid_to, tag.valid_from, tag.value):
        parsed = parse_date(part) if part else None
        if parsed:
            return parsed
    return None


@check("lef.token-only", needs="lef")
def token_only(lef: Lef, context: Context) -> list[Finding]:
    if not lef.has("TOKENS") or lef.names & USER_TAGS:
        return []
    tokens = lef.first("TOKENS").value
    return [
        Finding(
            "lef.token-only",
            "error",
            "Token-based only license: a Signed License Key cannot be used",
            detail=f"The LEF has TOKENS;{tokens};; and no user-based allocations (Professional / Analyzer).",
            fix="Activate this license with its license (serial) number and control number, not with a Signed "
            "License Key. If you expected a user-based license, check with your account owner that the right "
            "product was bought.",
            articles=("license-server-connection-error", "product-levels-activation-methods"),
        )
    ]


@check("lef.timelimit-expired", needs="lef")
def timelimit_expired(lef: Lef, context: Context) -> list[Finding]:
    tag = lef.first("TIMELIMIT")
    limit = _tag_date(tag) if tag else None
    if limit is None or limit >= context.today:
        return []
    return [
        Finding(
            "lef.timelimit-expired",
            "error",
            f"The license's time limit ended on {limit.isoformat()}",
            detail=f"TIMELIMIT;{tag.value};{tag.valid_from};{tag.valid_to} is in the past; the server reports "
            '"Unable to acquire valid license information".',
            fix="Contact your account owner, or the partner you bought the license from, for a renewed license.",
            articles=(UNABLE_TO_ACQUIRE,),
        )
    ]


@check("lef.productlevel-date", needs="lef")
def productlevel_date(lef: Lef, context: Context) -> list[Finding]:
    tag = lef.first("PRODUCTLEVEL")
    until = _tag_date(tag) if tag else None
    if until is None or until >= context.today:
        return []
    return [
        Finding(
            "lef.productlevel-date",
            "warning",
            f"No release after {until.isoformat()} can be licensed",
            detail=f"PRODUCTLEVEL;{tag.value};{tag.valid_from};{tag.valid_to}: releases (service releases "
            "included) published after this date cannot be licensed with this LEF.",
            fix="Install a release from before that date, or contact your account owner or partner for a LEF "
            "that extends past the version you are licensing.",
            articles=(UNABLE_TO_ACQUIRE,),
        )
    ]


@check("lef.analyzer-capacity-incomplete", needs="lef")
def analyzer_capacity_incomplete(lef: Lef, context: Context) -> list[Finding]:
    present = {"ANALYZER_TIME", "ANALYZER_TIME_UNIT"} & lef.names
    if len(present) != 1:
        return []
    missing = ({"ANALYZER_TIME", "ANALYZER_TIME_UNIT"} - present).pop()
    return [
        Finding(
            "lef.analyzer-capacity-incomplete",
            "error",
            f"Analyzer Capacity is incomplete: {missing} is missing",
            detail="Analyzer Capacity needs both ANALYZER_TIME (e.g. ANALYZER_TIME;1000;;) and ANALYZER_TIME_UNIT "
            "(e.g. ANALYZER_TIME_UNIT;6;;); with one of them no analyzer minutes are available.",
            fix="Contact Qlik through the support chat to have the license corrected.",
            articles=("analyzer-capacity-missing-minutes",),
        )
    ]


@check("lef.geo-server-missing", needs="lef")
def geo_server_missing(lef: Lef, context: Context) -> list[Finding]:
    if _level(lef) != 90:
        return []
    geo = lef.first("GEO_SERVER")
    if geo and geo.value.strip().upper() == "YES":
        return []
    return [
        Finding(
            "lef.geo-server-missing",
            "error",
            "GeoAnalytics LEF without GEO_SERVER;YES;;",
            detail="A GeoAnalytics Server license (PRODUCTLEVEL 90) needs GEO_SERVER;YES;; or applying it fails "
            'with "Error adding license LEF does not give server permissions".',
            fix="Ask Qlik (support chat or your account owner) for a LEF that includes GEO_SERVER;YES;;.",
            articles=("geoanalytics-lef-server-permission",),
        )
    ]


@check("lef.product", needs="lef")
def product(lef: Lef, context: Context) -> list[Finding]:
    level = _level(lef)
    if level is None:
        return []
    rows = rows_for(level)
    if not rows:
        detail = f"PRODUCTLEVEL {level} is not in the product-level table."
    else:
        detail = "\n".join(
            f"{row.product}"
            + (f" ({row.user_model})" if row.user_model else "")
            + f": {row.activation}"
            + (f", {row.since}" if row.since else "")
            for row in rows
        )
    return [
        Finding(
            "lef.product",
            "info",
            f"PRODUCTLEVEL {level}: " + " / ".join(dict.fromkeys(r.product for r in rows)),
            detail=detail,
            articles=("product-levels-activation-methods",),
        )
    ]
