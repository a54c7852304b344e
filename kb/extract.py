"""Pick the lines worth matching out of a paste.

A short paste is matched as it is. From a long one (a log excerpt) we keep the lines that carry errors,
de-duplicated by their masked template, so one real error among 200,000 INFO lines is found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from kb.normalise import normalise

SHORT_PASTE_LINES = 12
# An INFO/DEBUG line without an error word, kept in a short paste, counts this much.
ROUTINE_LINE_WEIGHT = 0.8
MAX_QUERY_LINES = 60
MAX_LINE_CHARS = 2000

_ERROR_WORDS = frozenset(
    word.encode()
    for word in [
        "error",
        "errors",
        "err",
        "exception",
        "fail",
        "failed",
        "failure",
        "fails",
        "fatal",
        "critical",
        "crit",
        "denied",
        "unauthorized",
        "unauthorised",
        "invalid",
        "unable",
        "cannot",
        "can't",
        "couldn't",
        "timeout",
        "refused",
        "forcibly",
        "missing",
        "expired",
        "severe",
    ]
)
_ERROR_PHRASES = (
    "could not",
    "not allowed",
    "timed out",
    "too low",
    "does not exist",
    "not valid",
    "not found",
)
# Everything but ASCII letters and the apostrophe of "can't" separates words (the error words are English;
# a bytes translation is a third of the cost of a str one).
_BREAKS = bytes(
    code for code in range(256) if not (chr(code).isascii() and chr(code).isalpha()) and code != 39
)
_WORD_BREAKS = bytes.maketrans(_BREAKS, b" " * len(_BREAKS))
# Case matters: a GUID has "a3ef-4164". Written to start with a capital (then: not inside a word), so the
# regex engine skips ahead to capitals instead of trying every character: 2.2 -> 1.0 us per log line.
_ERROR_CODE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]+-\d{2,}\b")
# "errors=0", "0 errors", "without errors": error words that say nothing went wrong.
_NO_ERROR = re.compile(r"\b(?:no|0|zero|without)\s+(?:errors?|failures?)\b|\berrors?\s*[=:]\s*0\b", re.I)
_LOW_LEVEL = re.compile(
    r"(?:^|[\s\t|\[])(?:INFO|DEBUG|TRACE|VERBOSE)(?:[\s\t|\]:]|$)|\"level\"\s*:\s*\"(?:info|debug|trace)\"",
    re.I,
)
_STACK_FRAME = re.compile(r"^\s*at\s+[\w.$<>`\[\]]+[\(.]")
# A line a person typed among log lines: words, no timestamp, level, JSON or key=value structure.
_LOG_MARKERS = re.compile(r"\d{2}:\d{2}|^\s*[{\[<]|\b(?:INFO|DEBUG|TRACE|WARN|WARNING|ERROR)\b|\t|\w=\S")
_WORD = re.compile(r"[A-Za-z]{2,}")
# In a structured (JSON) log line, the fields that say what happened; level, timestamp and caller only
# dilute the words a match is judged on.
_MESSAGE_KEYS = frozenset(
    [
        "msg",
        "message",
        "error",
        "err",
        "exception",
        "reason",
        "detail",
        "details",
        "title",
        "description",
        "errormessage",
        "error_message",
        "@m",
        "@mt",
        "messagetemplate",
        "renderedmessage",
        "code",
        "errorcode",
        "error_code",
    ]
)


@dataclass(frozen=True)
class QueryLine:
    number: int  # 1-based line number in the paste, 0 for the paste as a whole
    text: str  # as pasted (trimmed)
    normalised: str
    weight: float = 1.0  # how much its matches count: less for a line that reports nothing wrong


def _error_words(line: str) -> int:
    """How many error words and phrases a line has (a set lookup per word: a regex alternation of them
    was most of the time spent on a long log)."""
    lowered = line.lower()
    words = lowered.encode("ascii", "replace").translate(_WORD_BREAKS).split()
    hits = sum(map(_ERROR_WORDS.__contains__, words))
    if "not" in lowered or "timed out" in lowered or "too low" in lowered:
        hits += sum(lowered.count(phrase) for phrase in _ERROR_PHRASES)
    return hits


def _signal(line: str) -> int:
    """How strongly a line says something went wrong (0: not at all)."""
    if _STACK_FRAME.match(line):
        return 0
    if not _LOG_MARKERS.search(line) and len(_WORD.findall(line)) >= 4:
        return 3  # the user's own words about the problem
    hits = _error_words(line) + len(_ERROR_CODE.findall(line))
    if not hits or (hits <= 1 and _NO_ERROR.search(line)):
        return 0
    return hits + (0 if _LOW_LEVEL.search(line) else 2)


def query_lines(text: str) -> list[QueryLine]:
    """The lines of a paste to match against articles, most telling first."""
    raw_lines = text.splitlines()
    lines = [(number, line.strip()[:MAX_LINE_CHARS]) for number, line in enumerate(raw_lines, 1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        return []
    if len(lines) <= SHORT_PASTE_LINES + MAX_SIGNATURE_LINES + 2:  # + the greeting and the closing line
        lines = _without_greeting_and_signature(lines)
    if len(lines) <= SHORT_PASTE_LINES:
        selected = [(1, number, line) for number, line in lines]
        if len(lines) > 1:
            joined = " ".join(_message(line) for _, line in lines)[:MAX_LINE_CHARS]
            selected.insert(0, (1, 0, joined))
    else:
        selected = [(_signal(line), number, line) for number, line in lines]
        selected = [item for item in selected if item[0] > 0] or [(1, number, line) for number, line in lines]
        selected.sort(key=lambda item: -item[0])
    return _unique_templates(selected)


# Only the greeting ("Hi team,", "Dear Qlik Support,") or only the closing ("Many thanks,"): a line that
# goes on ("Hi, getting LICENSES-030") is kept.
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))(?:\s+[\w.'-]+){0,3}\s*[,!:]$|^(?:hi|hello|hey)\s*!?$",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:(?:(?:many|best|kind|warm)\s+)?(?:thanks|thank\s+you|regards|wishes)(?:\s+(?:in\s+advance|a\s+lot|again))?"
    r"|cheers|best|br|sincerely|thx)\s*[,.!]*$",
    re.I,
)
MAX_SIGNATURE_LINES = 5


def _without_greeting_and_signature(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """An email's lines without its "Hi team," and its "Thanks, <name>, <role>" block: they say nothing
    about the problem, and a role ("IT Service Manager") can share words with an article."""
    body = [(number, line) for number, line in lines if not _GREETING.match(line)]
    for position, (_, line) in enumerate(body):
        if _CLOSING.match(line) and len(body) - position <= MAX_SIGNATURE_LINES + 1:
            body = body[:position]
            break
    return body or lines


def _unique_templates(selected: list[tuple[int, int, str]]) -> list[QueryLine]:
    seen: set[str] = set()
    result: list[QueryLine] = []
    for _, number, line in selected:
        normalised = normalise(_message(line))
        if not normalised or normalised in seen:
            continue
        seen.add(normalised)
        routine = bool(_LOW_LEVEL.search(line)) and not _error_words(line)
        result.append(QueryLine(number, line, normalised, ROUTINE_LINE_WEIGHT if routine else 1.0))
        if len(result) >= MAX_QUERY_LINES:
            break
    return result


def _message(line: str) -> str:
    """The message fields of a JSON log line; any other line as it is."""
    if not (line.startswith("{") and line.endswith("}")):
        return line
    try:
        record = json.loads(line)
    except ValueError:
        return line
    parts: list[str] = []
    _collect_messages(record, parts)
    return " ".join(parts) or line


def _collect_messages(value: object, parts: list[str], is_message: bool = False) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _collect_messages(item, parts, str(key).lower() in _MESSAGE_KEYS)
    elif isinstance(value, list):
        for item in value:
            _collect_messages(item, parts, is_message)
    elif is_message and isinstance(value, str):
        parts.append(value)
