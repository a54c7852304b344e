"""Checks over a Qlik Replicate (or Enterprise Manager) license.txt."""

from __future__ import annotations

from diagnoser.checks import Context, check
from diagnoser.dates import parse_date
from diagnoser.findings import Finding
from diagnoser.parsers.license_txt import KNOWN_FIELDS, LicenseTxt

FIELDS = "license-txt-fields"
MEANINGS = {
    "license_type": "evaluation or permanent",
    "licensed_to": "your company name",
    "licensed_by": "the Qlik region that issued the license",
    "serial_no": "the license's serial (internal reference)",
    "expiration_date": "when the license expires",
    "hosts": "host names allowed to run Replicate; blank means any host",
    "source_types": "the source endpoints purchased",
    "target_types": "the target endpoints purchased",
    "features": "additional features",
    "version": "the Replicate version",
    "issue_date": "when the license was issued",
    "checksum": "lets the engine check the license is intact; do not edit the file",
}
REQUIRED = ("license_type", "licensed_to", "serial_no", "checksum")


@check("replicate.expired", needs="license_txt")
def expired(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    raw = license_txt.fields.get("expiration_date", "")
    expires = parse_date(raw) if raw else None
    if expires is None or expires >= context.today:
        return []
    return [
        Finding(
            "replicate.expired",
            "error",
            f"The license expired on {expires.isoformat()}",
            detail=f"expiration_date={raw} is in the past.",
            fix="Contact your Qlik account owner or local sales office for a new license; it arrives as a "
            "license.txt by email, usually within a day of the order. A lost email: the original case on the "
            "Qlik Support Portal has the license.",
            articles=("purchase-replicate-compose-em", FIELDS),
        )
    ]


@check("replicate.host-mismatch", needs="license_txt")
def host_mismatch(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    hosts = [host.strip().lower() for host in license_txt.fields.get("hosts", "").split(",") if host.strip()]
    if not hosts or not context.hostname:
        return []
    this_host = context.hostname.lower()
    if this_host in hosts or this_host.split(".")[0] in {host.split(".")[0] for host in hosts}:
        return []
    return [
        Finding(
            "replicate.host-mismatch",
            "warning",
            f"This machine ({context.hostname}) is not in hosts=",
            detail=f"The license runs only on: {', '.join(hosts)}. (Checked against the machine kb runs on.)",
            fix="Apply the license on one of those hosts, or ask Qlik for a license that names this host.",
            articles=(FIELDS,),
        )
    ]


@check("replicate.fields", needs="license_txt")
def fields(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    findings = []
    missing = [name for name in REQUIRED if name not in license_txt.fields]
    unknown = [name for name in license_txt.fields if name not in KNOWN_FIELDS]
    if missing or license_txt.duplicates:
        parts = []
        if missing:
            parts.append("missing: " + ", ".join(missing))
        if license_txt.duplicates:
            parts.append("repeated: " + ", ".join(dict.fromkeys(license_txt.duplicates)))
        findings.append(
            Finding(
                "replicate.fields",
                "warning",
                "The license.txt is incomplete or edited",
                detail="; ".join(parts) + ". The checksum covers the file: an edited license is refused.",
                fix="Use the license.txt exactly as Qlik sent it; request it again if it was changed.",
                articles=(FIELDS, "replicate-import-license-cli"),
            )
        )
    explained = [
        f"{name}={value}  ({MEANINGS[name]})"
        for name, value in license_txt.fields.items()
        if name in MEANINGS and name not in ("serial_no", "checksum")
    ]
    if unknown:
        explained.append("not a known field: " + ", ".join(unknown))
    findings.append(
        Finding(
            "replicate.fields",
            "info",
            "What this license allows",
            detail="\n".join(explained),
            fix="Import it with: kb convert license.txt (writes license.json and prints the repctl commands).",
            articles=(FIELDS, "replicate-import-license-cli"),
        )
    )
    return findings
