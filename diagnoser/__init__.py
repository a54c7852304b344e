"""What was pasted and what is wrong with it. Plain Python; never imports kb."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import date

from diagnoser.checks import Context, crash_finding, run_checks
from diagnoser.findings import Finding
from diagnoser.parsers.email import unquote
from diagnoser.parsers.lef import Lef, find_inline_tags, find_named_level, level_fragment, parse_lef
from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.parsers.log import LogFacts, parse_log
from diagnoser.parsers.slk import SignedKey, find_key
from diagnoser.product_levels import level_asked_about
from diagnoser.recognise import recognise

__all__ = ["Diagnosis", "Finding", "diagnose", "recognise"]


@dataclass
class Diagnosis:
    input_kind: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)  # parsed paste by kind: lef, slk, license_txt, log
    cleaned_key: str | None = None  # a Signed License Key with whitespace removed, when one was found
    connection_urls: list[str] = field(default_factory=list)  # URLs the connection check could test

    @property
    def problems(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity in ("error", "warning")]


def diagnose(text: str, *, today: date | None = None, hostname: str | None = None) -> Diagnosis:
    """Recognise the paste, parse it and run the checks that apply. Never raises on any text."""
    if not isinstance(text, str):
        text = bytes(text).decode("utf-8", errors="replace") if isinstance(text, bytes | bytearray) else ""
    text = unquote(text)  # a LEF, license.txt or key forwarded in an email
    kind = recognise(text)
    facts: dict[str, object] = {}
    findings: list[Finding] = []
    try:
        facts = _parse(kind, text)
    except Exception as error:  # a parser defect: say so, keep what was recognised
        findings.append(crash_finding(f"parse.{kind}", error))
    context = Context(
        today=today or date.today(), hostname=_this_host() if hostname is None else hostname, text=text
    )
    findings += run_checks(facts, context)
    diagnosis = Diagnosis(input_kind=kind, findings=findings, facts=facts)
    try:
        key, log = facts.get("slk"), facts.get("log")
        diagnosis.cleaned_key = key.cleaned if isinstance(key, SignedKey) and not key.problems else None
        diagnosis.connection_urls = log.license_urls if isinstance(log, LogFacts) else []
    except Exception as error:  # the findings stand even if these extras fail
        diagnosis.findings.append(crash_finding(f"parse.{kind}", error))
    return diagnosis


def _parse(kind: str, text: str) -> dict[str, object]:
    if kind == "lef":
        lef = parse_lef(text)
        return {"lef": lef if lef.tags else find_inline_tags(text) or lef}  # a LEF flattened onto one line
    if kind in ("replicate-license", "compose-license"):
        return {"license_txt": parse_license_txt(text)}
    if kind == "slk":
        key = find_key(text)
        return {"slk": key} if key is not None else {}
    facts: dict[str, object] = {"log": parse_log(text)}
    # LEF tags quoted in a sentence or a log get the LEF checks; a product level named or asked about gets
    # lef.product (the checks of what a whole LEF lacks skip such a fragment)
    lef = find_inline_tags(text) or find_named_level(text) or _level_asked_about(text)
    if lef is not None:
        facts["lef"] = lef
    key = find_key(text)  # a key inside a log line or a sentence is checked too
    if key is not None and _is_license_key(key, text):
        facts["slk"] = key
    return facts


def _level_asked_about(text: str) -> Lef | None:
    level = level_asked_about(text)
    return None if level is None else level_fragment(str(level))


def _is_license_key(key: SignedKey, text: str) -> bool:
    """Inside a log, only a license key counts: not an OAuth bearer token that happens to be a JWT, nor a
    key's start shown cut short ("eyJhbGci...") by a dialog, a ticket or the writer: only a key pasted alone
    is checked for being cut short."""
    if key.license_number is not None:
        return True
    if key.cut_short:
        return False
    return key.claims is None and "licen" in text[:2_000_000].lower()


def _this_host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""
