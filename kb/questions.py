"""A paste that asks something in the person's own words: told from an error report, and taken apart.

A question has a question mark, starts like one ("how do I ...") or asks indirectly ("Security wants to
know why ..."), and reports no error (no error word, no error code: kb.extract.reports_an_error). Such a
paste is answered a little lower than an error would be, and when it strings several questions together,
part by part.
"""

from __future__ import annotations

import re

from kb.extract import reports_an_error

_QUESTION = re.compile(
    r"^\W*(?:how|what|why|where|when|which|who|can|could|does|do|is|are|should|will|would)\b"
    r"|\b(?:wants?|wanted|needs?|like) to know\b|\bwonder(?:s|ing)?\b"
    r"|\bask(?:s|ed|ing)? (?:whether|if|why|what|how|when|which)\b",
    re.I | re.M,
)
# Sentences, lines, and the questions one sentence strings together: "..., and are the user names ...".
_PART_BREAK = re.compile(
    r"(?<=[.?!])\s+|\n+|,\s+(?=(?:and\s+|or\s+)?(?:what|which|how|when|why|where|who|are|is|can|does|do|will)\b)",
    re.I,
)
MIN_PART_WORDS = 4
MAX_QUESTION_CHARS = 5000
PART_PREVIEW_CHARS = 70
_LINE_NUMBER = re.compile(r" (?:in|of) line \d+")


# A line at least this long that ends without punctuation was wrapped: the next line goes on with its
# sentence ("... but not in the assets panel\nwhen editing a sheet." asks nothing).
WRAPPED_LINE_CHARS = 60


def asks(text: str) -> bool:
    """Whether a paste asks something: a question mark, a line that starts as a question does (not one
    that goes on with a wrapped sentence), or a question asked indirectly."""
    return "?" in text or any(
        not _goes_on_a_wrapped_line(text, found.start()) for found in _QUESTION.finditer(text)
    )


def _goes_on_a_wrapped_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start + 1)
    if line_start <= 0 or text[line_start:start].strip():
        return False  # the paste's first line, or a question asked inside a line ("wants to know why")
    previous = text[text.rfind("\n", 0, line_start) + 1 : line_start].rstrip()
    return len(previous) >= WRAPPED_LINE_CHARS and previous[-1].isalnum()


def is_a_question(text: str) -> bool:
    """Whether a paste asks something and reports no error (a text longer than an email is not read as
    a question: a log of 200,000 lines would cost a second to tell)."""
    return len(text) <= MAX_QUESTION_CHARS and asks(text) and not reports_an_error(text)


def question_parts(text: str) -> list[str]:
    """The parts of a question that may each be about another passage of an article."""
    return [part.strip() for part in _PART_BREAK.split(text) if len(part.split()) >= MIN_PART_WORDS]


def in_part(why: str, part: str) -> str:
    """A match's why for one part of the paste: the part instead of a line number."""
    preview = part if len(part) <= PART_PREVIEW_CHARS else part[: PART_PREVIEW_CHARS - 3].rstrip() + "..."
    return f'{_LINE_NUMBER.sub("", why)}, in the question "{preview}"'
