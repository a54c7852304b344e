"""A finding: what one check concluded about one paste."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info", "ok")


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    title: str
    detail: str = ""
    fix: str = ""
    articles: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "check": self.check,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "articles": list(self.articles),
        }
