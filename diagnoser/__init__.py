"""What was pasted and what is wrong with it. Plain Python; never imports kb."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import date

from diagnoser.checks import Context, run_checks
from diagnoser.findings import Finding
from diagnoser.parsers.lef import parse_lef
from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.parsers.log import parse_log
from diagnoser.parsers.slk import find_key
from diagnoser.recognise import recognise

__all__ = ["Diagnosis", "Finding", "diagnose", "recognise"]


@dataclass
class Diagnosis:
    input_kind: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)  # parsed paste by kind: lef, slk, license_txt, log
    cleaned_key: str | None = None  # a Signed License Key with whitespace removed, when one was found
    connection_urls: list[str] = field(default_factory=list)  # URLs the connection check could test


def diagnose(text: str, *, today: date | None = None, hostname: str | None = None) -> Diagnosis:
    """Recognise the paste, parse it and run the checks that apply."""
    kind = recognise(text)
    facts: dict[str, object] = {}
    if kind == "lef":
        facts["lef"] = parse_lef(text)
    elif kind in ("replicate-license", "compose-license"):
        facts["license_txt"] = parse_license_txt(text)
    else:
        key = find_key(text)  # a key inside a log line or a sentence is still checked
        if key is not None:
            facts["slk"] = key
        if kind == "log" or kind == "text":
            facts["log"] = parse_log(text)
    context = Context(
        today=today or date.today(), hostname=socket.gethostname() if hostname is None else hostname
    )
    findings = run_checks(facts, context)
    key = facts.get("slk")
    log = facts.get("log")
    return Diagnosis(
        input_kind=kind,
        findings=findings,
        facts=facts,
        cleaned_key=key.cleaned if key is not None and not key.problems else None,
        connection_urls=[url for url in log.urls if "license" in url.lower()] if log is not None else [],
    )
