"""Compose-only fields of a license.txt, explained."""

from __future__ import annotations

from diagnoser.checks import Context, check
from diagnoser.findings import Finding
from diagnoser.parsers.license_txt import COMPOSE_FIELDS, LicenseTxt

MEANINGS = {
    "host_role": 'DEV, TEST, PROD or "*" for all',
    "source_db_types": "source databases (Compose for Data Warehouses only)",
    "dwh_type": "databases used as the data warehouse",
    "dl_type": "databases used as the data lake",
    "number_of_dms": "total number of data marts",
    "number_of_developers": "developers (when host_role is DEV)",
    "managed_dwh_size": "size of the data warehouse",
}


@check("compose.fields", needs="license_txt")
def compose_fields(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    present = [name for name in COMPOSE_FIELDS if name in license_txt.fields]
    if not present:
        return []
    return [
        Finding(
            "compose.fields",
            "info",
            "Qlik Compose license fields",
            detail="\n".join(f"{name}={license_txt.fields[name]}  ({MEANINGS[name]})" for name in present),
            articles=("license-txt-fields",),
        )
    ]
