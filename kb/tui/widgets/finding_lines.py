"""Findings as flutter doctor shows them: a mark, the title, then the detail and the fix indented."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from diagnoser import Finding
from kb.render import MARKS, problem_summary

MARK_STYLES = {
    "error": "bold $text-error",
    "warning": "bold $text-warning",
    "ok": "bold $text-success",
    "info": "bold $text-secondary",
}


# A fix that is one long value (a whole cleaned key) is shown shortened; the copy keys copy it whole.
LONG_VALUE_CHARS = 160


def shortened(fix: str) -> str:
    if "\n" in fix or len(fix) <= LONG_VALUE_CHARS or " " in fix:
        return fix
    return f"{fix[:100]}… ({len(fix):,} characters; the copy keys copy it whole)"


class FindingLine(Vertical):
    def __init__(self, finding: Finding) -> None:
        super().__init__(classes=f"finding -{finding.severity}")
        self.finding = finding

    def compose(self) -> ComposeResult:
        finding = self.finding
        mark = MARKS.get(finding.severity, "?")
        yield Static(
            Content.assemble(
                (f"{mark} ", MARK_STYLES.get(finding.severity, "bold")),
                (finding.title, "bold"),
                (f"  [{finding.check}]", "dim"),
            ),
            classes="finding-title",
        )
        if finding.detail.strip():
            yield Static(finding.detail.strip(), markup=False, classes="finding-detail")
        if finding.fix.strip():
            yield Static(
                Content.assemble(("Fix: ", "bold"), shortened(finding.fix.strip())),
                classes="finding-fix",
            )


class FindingLines(Vertical):
    """Every finding, then a summary line ("2 problems found") unless the card says it already."""

    def __init__(self, findings: Iterable[Finding], problem_count: int | None = None) -> None:
        super().__init__(classes="findings")
        self.findings = list(findings)
        self.problem_count = problem_count

    def compose(self) -> ComposeResult:
        for finding in self.findings:
            yield FindingLine(finding)
        if self.problem_count is not None:
            yield Static(problem_summary(self.problem_count), markup=False, classes="finding-summary")
