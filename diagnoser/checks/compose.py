"""Compose-only fields of a license.txt, explained (the seed's meanings)."""

from __future__ import annotations

from diagnoser.checks import Context, check
from diagnoser.findings import Finding
from diagnoser.parsers.license_txt import COMPOSE_FIELDS, LicenseTxt

MEANINGS = {
    "host_role": 'DEV, TEST, PROD or "*" for all',
    "source_db_types": "source databases (Compose for Data Warehouses only)",
    "dwh_type": "databases used as the data warehouse (DWH)",
    "dl_type": "databases used as the data lake (DL)",
    "number_of_dms": "total number of data marts",
    "number_of_developers": "developers (available when host_role is DEV)",
    "managed_dwh_size": "size of the data warehouse",
}


@check("compose.fields", needs="license_txt")
def compose_fields(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    present = [name for name in COMPOSE_FIELDS if name in license_txt.fields]
    if not present:
        return []
    lines = [f"{name}={license_txt.fields[name]}  ({MEANINGS[name]})" for name in present]
    role = license_txt.fields.get("host_role", "").strip().upper()
    if "number_of_developers" in license_txt.fields and role and role not in ("DEV", "*"):
        lines.append(f"number_of_developers applies to DEV hosts; this license's host_role is {role}.")
    return [
        Finding(
            "compose.fields",
            "info",
            "Qlik Compose license: what its own fields mean",
            detail="\n".join(lines),
            articles=("license-txt-fields",),
        )
    ]
