"""Checks over a Qlik Replicate (or Compose, Enterprise Manager) license.txt.

The machine's host name is injected (Context.hostname): kb may run on the Replicate server or elsewhere,
so the host check says which machine it compared with.
"""

from __future__ import annotations

import re

from diagnoser.checks import Context, check
from diagnoser.dates import parse_date
from diagnoser.findings import Finding
from diagnoser.parsers.license_txt import KNOWN_FIELDS, LicenseTxt

FIELDS_ARTICLE = "license-txt-fields"
IMPORT_ARTICLE = "replicate-import-license-cli"
PURCHASE_ARTICLE = "purchase-replicate-compose-em"
# The seed's meaning of each field (Compose's own fields are in checks/compose.py).
MEANINGS = {
    "license_type": "evaluation or permanent",
    "licensed_to": "your company name",
    "licensed_by": "the Qlik region responsible for providing the license",
    "serial_no": "serial (internal reference)",
    "expiration_date": "date of expiration",
    "hosts": "host names on which Replicate may run; blank means any host",
    "source_types": "the source endpoints purchased",
    "target_types": "the target endpoints purchased",
    "features": "additional features",
    "version": "version of Replicate",
    "issue_date": "issue date",
    "checksum": "lets the engine check the license is valid; any edit to the file breaks it",
    "product": "the product the license is for",
}
REQUIRED = ("license_type", "licensed_to", "serial_no", "checksum")
SECRET_FIELDS = ("serial_no", "checksum")
_ANY_HOST = ("*", "any", "all")


def hosts_of(license_txt: LicenseTxt) -> list[str]:
    return [host.lower() for host in re.split(r"[,;\s]+", license_txt.fields.get("hosts", "")) if host]


def _same_host(this_host: str, allowed: str) -> bool:
    """Host names compare without case, and a short name matches its fully qualified form."""
    this_host, allowed = this_host.lower().rstrip("."), allowed.lower().rstrip(".")
    if this_host == allowed:
        return True
    if "." in this_host and "." in allowed:
        return False  # two different fully qualified names
    return this_host.split(".")[0] == allowed.split(".")[0]


@check("replicate.expired", needs="license_txt")
def expired(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    written = license_txt.fields.get("expiration_date", "")
    expires = parse_date(written) if written else None
    if expires is None or expires >= context.today:
        return []
    kind = license_txt.fields.get("license_type", "").lower()
    what = "evaluation license" if "eval" in kind else "license"
    return [
        Finding(
            "replicate.expired",
            "error",
            f"The {what} expired on {expires.isoformat()}",
            detail=f"expiration_date={written} is in the past (checked against {context.today.isoformat()}); "
            "the tasks this license covers no longer run.",
            fix="Contact your Qlik account owner or a local Qlik sales office for a new license. Once the order "
            "is signed, the new license.txt arrives by email, usually within a day; if you lose that email, the "
            "original case on the Qlik Support Portal holds the license. Then import it (kb convert license.txt "
            "prints the repctl commands).",
            articles=(PURCHASE_ARTICLE, FIELDS_ARTICLE),
        )
    ]


@check("replicate.host-mismatch", needs="license_txt")
def host_mismatch(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    hosts = hosts_of(license_txt)
    if not hosts or not context.hostname or any(host in _ANY_HOST for host in hosts):
        return []
    if any(_same_host(context.hostname, host) for host in hosts):
        return []
    return [
        Finding(
            "replicate.host-mismatch",
            "warning",
            f"This machine ({context.hostname}) is not among the license's hosts",
            detail=f"hosts={license_txt.fields['hosts']}: the license lets Replicate run only on "
            f"{', '.join(hosts)}. It was compared with the host name of the machine kb runs on "
            f"({context.hostname}); if that is not the Replicate server, compare with the server's name.",
            fix="Import the license on one of those hosts, or ask your Qlik account owner for a license that "
            f"names this host ({context.hostname}).",
            articles=(FIELDS_ARTICLE,),
        )
    ]


def _problems(license_txt: LicenseTxt) -> list[str]:
    problems = []
    missing = [name for name in REQUIRED if name not in license_txt.fields]
    if missing:
        problems.append("missing: " + ", ".join(missing))
    if license_txt.duplicates:
        problems.append("repeated: " + ", ".join(dict.fromkeys(license_txt.duplicates)))
    return problems


@check("replicate.fields", needs="license_txt")
def fields(license_txt: LicenseTxt, context: Context) -> list[Finding]:
    findings = []
    problems = _problems(license_txt)
    if problems:
        findings.append(
            Finding(
                "replicate.fields",
                "warning",
                "The license.txt is incomplete or was edited",
                detail="; ".join(problems)
                + ". The checksum covers the whole file: a license missing fields, "
                "or edited by hand, is refused.",
                fix="Use the license.txt exactly as Qlik sent it (the email, or the original case on the Qlik "
                "Support Portal); ask your Qlik account owner to send it again if it was changed.",
                articles=(FIELDS_ARTICLE, IMPORT_ARTICLE),
            )
        )
    explained = [
        f"{name}={'[redacted]' if name in SECRET_FIELDS else value}  ({MEANINGS[name]})"
        for name, value in license_txt.fields.items()
        if name in MEANINGS
    ]
    unknown = [name for name in license_txt.fields if name not in KNOWN_FIELDS]
    if unknown:
        explained.append("other fields (not described in the Qlik article): " + ", ".join(unknown))
    expires = parse_date(license_txt.fields.get("expiration_date", "") or "")
    if expires and expires >= context.today:
        explained.append(f"valid for {(expires - context.today).days} more days")
    compose = license_txt.is_compose
    findings.append(
        Finding(
            "replicate.fields",
            "info",
            "What this " + ("Compose" if compose else "Replicate") + " license allows",
            detail="\n".join(explained),
            fix=(
                "Apply the license.txt in Qlik Compose as it is; do not edit it (the checksum covers the file)."
                if compose
                else "Import it from the command line with: kb convert license.txt (writes license.json and "
                "prints the repctl connect / importlicense commands), or in the Replicate console."
            ),
            articles=(FIELDS_ARTICLE,) if compose else (FIELDS_ARTICLE, IMPORT_ARTICLE),
        )
    )
    return findings
