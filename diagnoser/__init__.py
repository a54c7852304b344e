"""What was pasted and what is wrong with it. Plain Python; never imports kb."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from diagnoser.findings import Finding
from diagnoser.recognise import recognise

__all__ = ["Diagnosis", "Finding", "diagnose", "recognise"]


@dataclass
class Diagnosis:
    input_kind: str
    findings: list[Finding] = field(default_factory=list)
    facts: object | None = None  # the parsed paste (Lef, LicenseTxt, SignedKey, LogFacts)
    cleaned_key: str | None = None  # a Signed License Key with whitespace removed, when one was found
    connection_urls: list[str] = field(default_factory=list)  # URLs the connection check could test


def diagnose(text: str, *, today: date | None = None, hostname: str | None = None) -> Diagnosis:
    """Recognise the paste, parse it and run the checks that apply."""
    return Diagnosis(input_kind=recognise(text))
