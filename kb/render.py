"""Plain-text rendering of an answer for the terminal (flutter-doctor style marks)."""

from __future__ import annotations

import textwrap

from kb.answer import Answer

MARKS = {"ok": "✓", "info": "•", "warning": "!", "error": "✗"}
KIND_LABELS = {
    "lef": "a QlikView / Qlik Sense license file (LEF)",
    "slk": "a Signed License Key (JWT)",
    "replicate-license": "a Qlik Replicate license.txt",
    "compose-license": "a Qlik Compose license.txt",
    "log": "a log excerpt",
    "text": "text (an error message or a question)",
}


def kind_label(input_kind: str) -> str:
    return KIND_LABELS.get(input_kind, input_kind)


def problem_summary(problem_count: int) -> str:
    if not problem_count:
        return "No problems found"
    return f"{problem_count} problem{'s' if problem_count != 1 else ''} found"


def render_answer(answer: Answer) -> str:
    lines = [f"Recognised: {kind_label(answer.input_kind)}"]
    if answer.findings:
        lines += ["", "Checks:"]
        for finding in answer.findings:
            lines.append(f"  {MARKS.get(finding.severity, '?')} {finding.title}  [{finding.check}]")
            lines += _indented(finding.detail, 6)
            if finding.fix:
                lines += _indented(f"Fix: {finding.fix}", 6)
        lines.append(f"  {problem_summary(len(answer.problems))}")
    lines.append("")
    best = answer.best
    if best is None:
        lines.append("No article matches this paste confidently.")
        if answer.no_match_reason:
            lines.append(answer.no_match_reason)
        lines.append("Paste more of the error text, or browse the articles with `kb list` and `kb show ID`.")
        if answer.closest:
            lines += ["", "Closest articles, not confident enough to be the answer:"]
            width = max(len(match.article.id) for match in answer.closest)
            lines += [
                f"  {match.article.id:<{width}}  {match.score:5.1f}  {match.article.title}"
                for match in answer.closest
            ]
        return "\n".join(lines)
    article = best.article
    lines += [
        f"Best match: {article.title}",
        f"  id {article.id}, score {best.score:.1f}",
        f"  why: {best.why}",
        "",
    ]
    lines += ["Resolution:"] + _indented(article.resolution.strip(), 2, wrap=False)
    others = answer.matches[1:]
    if others:
        lines += ["", "Other matches:"]
        width = max(len(match.article.id) for match in others)
        lines += [
            f"  {match.article.id:<{width}}  {match.score:5.1f}  {match.article.title}" for match in others
        ]
    lines += ["", "Read a whole article with: kb show ID"]
    return "\n".join(lines)


def _indented(text: str, indent: int, wrap: bool = True) -> list[str]:
    prefix = " " * indent
    result: list[str] = []
    for paragraph in text.splitlines():
        if wrap and len(paragraph) > 100 - indent:
            result += textwrap.wrap(
                paragraph,
                100 - indent,
                initial_indent=prefix,
                subsequent_indent=prefix,
                break_long_words=False,
                break_on_hyphens=False,
            )
        else:
            result.append(prefix + paragraph if paragraph.strip() else "")
    return result
