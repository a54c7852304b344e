"""What an answer offers the user: the fix to copy, the cleaned key, whether to offer the connection check.

Plain Python over kb.answer.Answer, so the screens, the footer and the command palette agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.answer import Answer

CONNECTION_CHECK = "net.license-server"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2, "ok": 3}


def fix_to_copy(answer: Answer | None) -> str | None:
    """The fix of the most severe problem (error, then warning) that has one."""
    if answer is None:
        return None
    with_fix = [finding for finding in answer.problems if finding.fix.strip()]
    if not with_fix:
        return None
    with_fix.sort(key=lambda finding: SEVERITY_ORDER.get(finding.severity, 9))
    return with_fix[0].fix.strip()


def cleaned_key(answer: Answer | None) -> str | None:
    if answer is None or answer.diagnosis is None:
        return None
    return answer.diagnosis.cleaned_key or None


def connection_offered(answer: Answer | None) -> bool:
    """The paste mentions the license host, a check or the best article is about the license server."""
    if answer is None:
        return False
    if answer.diagnosis is not None and answer.diagnosis.connection_urls:
        return True
    if any(finding.check == CONNECTION_CHECK for finding in answer.findings):
        return True
    best = answer.best
    return best is not None and CONNECTION_CHECK in best.article.checks


@dataclass(frozen=True)
class LicenseConversion:
    """A Replicate license.txt as license.json and the commands that import it."""

    license_json: dict
    import_commands: str


def offers_license_json(answer: Answer | None) -> bool:
    """Only a Qlik Replicate license.txt: repctl imports license.json; Compose has no such command."""
    return answer is not None and answer.input_kind == "replicate-license"


def license_conversion(answer: Answer, json_path: str) -> LicenseConversion:
    """Raises ValueError (diagnoser.convert.NotALicense) when the paste cannot be converted."""
    from diagnoser import convert

    return LicenseConversion(convert.license_json(answer.text), convert.import_commands(json_path))


def first_line(text: str, width: int = 60) -> str:
    """A one-line preview for notifications and the palette."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"
