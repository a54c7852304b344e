"""The article: one support answer, as written in articles/<id>.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_KEYS = ("id", "title", "resolution")
LIST_KEYS = ("products", "errors", "symptoms", "checks", "tags", "references")
TEXT_KEYS = ("id", "title", "environment", "cause", "resolution")
KNOWN_KEYS = frozenset(TEXT_KEYS + LIST_KEYS)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    resolution: str
    products: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    environment: str = ""
    cause: str = ""
    checks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def to_markdown(self) -> str:
        """The whole article as Markdown, as `kb show` prints it and the TUI renders it."""
        parts = [f"# {self.title}", ""]
        if self.products:
            parts += [f"**Products:** {', '.join(self.products)}", ""]
        if self.errors:
            parts += ["## Error messages", ""]
            parts += [f"    {error}" if "\n" not in error else _fence(error) for error in self.errors]
            parts.append("")
        if self.symptoms:
            parts += ["## Symptoms", ""] + [f"- {symptom}" for symptom in self.symptoms] + [""]
        for heading, body in (
            ("Environment", self.environment),
            ("Cause", self.cause),
            ("Resolution", self.resolution),
        ):
            if body.strip():
                parts += [f"## {heading}", "", body.strip(), ""]
        if self.checks:
            parts += ["## Related checks", "", ", ".join(f"`{check}`" for check in self.checks), ""]
        if self.references:
            parts += ["## References", ""] + [f"- {ref}" for ref in self.references] + [""]
        if self.tags:
            parts += [f"*Tags: {', '.join(self.tags)}*", ""]
        parts.append(f"*Article id: `{self.id}`*")
        return "\n".join(parts) + "\n"


def _fence(text: str) -> str:
    return "```\n" + text + "\n```"
