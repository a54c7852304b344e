"""The answer to one paste: what it is, what the checks found, which articles solve it.

This is the single object every front end (CLI, JSON, TUI) renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import diagnoser
from diagnoser import Diagnosis, Finding
from kb.extract import QueryLine, query_lines, reports_an_error
from kb.search import Boost

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase
    from kb.search import Match


@dataclass
class Answer:
    text: str
    input_kind: str
    findings: list[Finding] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    diagnosis: Diagnosis | None = None
    query_lines: list[QueryLine] = field(default_factory=list)  # the lines matched, most telling first
    other_products: list[str] = field(default_factory=list)  # other vendors' products the paste is about
    closest: list[Match] = field(default_factory=list)  # when nothing matches: the nearest, not confident

    @property
    def no_match_reason(self) -> str | None:
        """Why nothing matched, when the paste says why: it is about another vendor's product."""
        if self.matches or not self.other_products:
            return None
        return f"The paste is about {' and '.join(self.other_products)}, which none of the articles cover."

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def problems(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity in ("error", "warning")]

    def lines_that_stand_out(self, count: int) -> list[QueryLine]:
        """The first few matched lines that are single lines of the paste (not the paste as a whole)."""
        return [line for line in self.query_lines[:count] if line.number]

    def to_dict(self) -> dict:
        """The `kb ask --json` contract (DESIGN.md)."""
        return {
            "input_kind": self.input_kind,
            "findings": [finding.to_dict() for finding in self.findings],
            "matches": [match.to_dict() for match in self.matches],
        }


def answer(knowledge_base: KnowledgeBase, text: str, *, limit: int = 5, today: date | None = None) -> Answer:
    diagnosis = diagnoser.diagnose(text, today=today)
    # A LEF tag quoted in a log or a message that reports an error is a detail of it (asked only when there is
    # information to weigh: reading every line of a 200,000-line log for error words takes 0.2 s).
    details_only = (
        diagnosis.input_kind in PASTES_ABOUT_SOMETHING_ELSE
        and any(finding.severity == "info" for finding in diagnosis.findings)
        and reports_an_error(text)
    )
    boosts = _article_boosts(diagnosis.findings, knowledge_base, details_only)
    lines = query_lines(text)
    found = knowledge_base.find(text, limit=limit, boosts=boosts, lines=lines)
    return Answer(
        text=text,
        input_kind=diagnosis.input_kind,
        findings=diagnosis.findings,
        matches=found.matches,
        diagnosis=diagnosis,
        query_lines=lines,
        other_products=found.other_products,
        closest=found.closest,
    )


# How much a finding raises the articles it links: problems count more than information.
BOOST_POINTS = {"error": 35.0, "warning": 25.0, "info": 12.0}


# Pastes that are not a license, a key or a license.txt themselves.
PASTES_ABOUT_SOMETHING_ELSE = ("log", "text")


def _article_boosts(
    findings: list[Finding], knowledge_base: KnowledgeBase, details_only: bool = False
) -> dict[str, Boost]:
    """Article id -> the strongest finding that points at it. Information about the `details_only` of a
    paste ("Our license is fine (PRODUCTLEVEL;50;;...) but the reload fails: Error: ...") only adds to an
    article the text matches: by itself it is no answer to what the paste reports."""
    boosts: dict[str, Boost] = {}
    for finding in sorted(findings, key=lambda finding: -BOOST_POINTS.get(finding.severity, 0.0)):
        points = BOOST_POINTS.get(finding.severity)
        if points is None:
            continue
        for place, article_id in enumerate(finding.articles):
            if article_id in knowledge_base and article_id not in boosts:
                alone = not (details_only and finding.severity == "info")
                boosts[article_id] = Boost(points, f"check {finding.check}: {finding.title}", place, alone)
    return boosts
