"""Pick the lines worth matching out of a paste.

A short paste is matched as it is. From a long one (a log excerpt) we keep the lines that carry errors,
de-duplicated by their masked template, so one real error among 200,000 INFO lines is found.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kb.normalise import normalise

SHORT_PASTE_LINES = 12
# An INFO/DEBUG line without an error word, kept in a short paste, counts this much; so does a LEF's tag
# line (PRODUCTLEVEL;50;;) or a license.txt field (license_type=permanent): data the checks read, not a
# description of the problem.
ROUTINE_LINE_WEIGHT = 0.8
_LEF_TAG = re.compile(r"[A-Z][A-Z0-9_]*;[^;]*;[^;]*;")
_FIELD = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_]+\s*=")  # a license.txt line: license_type=permanent

# "The license is fine", "desktop authentication is not involved": a clause that rules something out names
# what the problem is not, so its words are no evidence for an article. Clauses end at punctuation (not
# the dot of license.txt) or "but".
_CLAUSE_BREAK = re.compile(r"([.,;:!?](?=\s|$)|[()]|\bbut\b)", re.I)
_RULED_OUT = re.compile(
    r"^[\w\s'./-]{1,60}?\b(?:is|are|looks?|seems?)\s+(?:fine|ok|okay|valid|good|not (?:involved|the (?:issue|problem)))"
    r"(?:\s+(?:to me|i think|itself|as well))?\s*$",
    re.I,
)
_RULED_OUT_HINT = re.compile(r"\b(?:fine|ok|okay|valid|good|involved|issue|problem)\b", re.I)


def without_ruled_out(line: str) -> str:
    """The line without its clauses that rule something out."""
    if not _RULED_OUT_HINT.search(line):
        return line
    return "".join(clause for clause in _CLAUSE_BREAK.split(line) if not _RULED_OUT.match(clause))


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
_TELLING_WORDS = _ERROR_WORDS | {b"not", b"timed", b"too"}  # and a word of each phrase
# Everything but ASCII letters and the apostrophe of "can't" separates words (the error words are English;
# a bytes translation is a third of the cost of a str one).
_BREAKS = bytes(
    code for code in range(256) if not (chr(code).isascii() and chr(code).isalpha()) and code != 39
)
_WORD_BREAKS = bytes.maketrans(_BREAKS, b" " * len(_BREAKS))
_WORD_BREAKS_BUT_LINES = bytes.maketrans(_BREAKS.replace(b"\n", b""), b" " * (len(_BREAKS) - 1))
# An error code (LICENSES-030, QB-17039) is a word of capitals and digits, then "-" and digits. Case matters:
# a GUID has "a3ef-4164". Its tail is what the regex engine looks for (a literal "-" is found fast); the
# head is checked in Python.
_CODE_TAIL = re.compile(r"-(?<=[A-Z][A-Z0-9]-)\d{2,}\b")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# "errors=0", "0 errors", "without errors": error words that say nothing went wrong.
_NO_ERROR = re.compile(r"\b(?:no|0|zero|without)\s+(?:errors?|failures?)\b|\berrors?\s*[=:]\s*0\b", re.I)
_LOW_LEVEL = re.compile(
    r"(?:^|[\s\t|\[])(?:INFO|DEBUG|TRACE|VERBOSE)(?:[\s\t|\]:]|$)|\"level\"\s*:\s*\"(?:info|debug|trace)\"",
    re.I,
)
_STACK_FRAME = re.compile(r"^\s*at\s+[\w.$<>`\[\]]+[\(.]")
# The header fields of an event as Windows Event Viewer copies it ("Log Name: System", "Event ID: 7034"):
# where and when, not what went wrong.
_EVENT_HEADER = re.compile(
    r"^(?:Log Name|Source|Date|Event ID|Task Category|Level|Keywords|User|Computer|OpCode):(?:\s|$)"
)
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
    return _word_hits(lowered.encode("ascii", "replace").translate(_WORD_BREAKS), lowered)


def _word_hits(words: bytes, lowered: str) -> int:
    """Error words among the words of a line (letters only, as bytes) and error phrases in its lower case."""
    listed = words.split()
    hits = sum(map(_ERROR_WORDS.__contains__, listed))
    if b"not" in listed or b"timed" in listed or b"too" in listed:  # a word of each phrase
        hits += sum(lowered.count(phrase) for phrase in _ERROR_PHRASES)
    return hits


def reports_an_error(text: str) -> bool:
    """Whether a paste has an error word or an error code anywhere: otherwise it is a question or a
    description in the person's own words."""
    return any(map(_error_words, text.splitlines())) or bool(_error_codes(text))


# An error message as a program wrote it, inside a person's text: quoted, or after "failed:".
_QUOTED = re.compile(r"\"[^\"\n]{3,}\"|\u201c[^\u201d\n]{3,}\u201d")
_ERROR_COLON = re.compile(
    r"\b(?:error|failed|failure|exception|fatal|denied|unauthori[sz]ed|refused)\s*:", re.I
)


def quotes_an_error(text: str) -> bool:
    """Whether a paste holds an error message as a program wrote it: a log line with an error word, a
    quoted message with one, or "... failed: <message>". "The service cannot read its keys" is a person's
    description; "FATAL: password authentication failed" and '"Access denied."' are messages."""
    for line in text.splitlines():
        if not _error_words(line):
            continue
        if _LOG_MARKERS.search(line) or _ERROR_COLON.search(line):
            return True
        if quoted_errors(line):
            return True
    return False


def quoted_errors(text: str) -> list[str]:
    """The error messages a person quotes in their text ('it says "unable to acquire license"')."""
    return [quoted.group()[1:-1] for quoted in _QUOTED.finditer(text) if _error_words(quoted.group())]


def _signals(texts: list[str]) -> list[int]:
    """How strongly each line says something went wrong (0: not at all). Error words and codes are looked
    for in the whole paste first, then only in the lines that have them: line by line, that was most of
    the time spent on a long log."""
    joined = "\n".join(texts)
    lowered = joined.lower()
    # Non-ASCII letters become one "?" each and every break a space, so the lines stay aligned.
    translated = lowered.encode("ascii", "replace").translate(_WORD_BREAKS_BUT_LINES)
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    codes = [0] * len(texts)
    for position in _error_codes(joined):
        codes[bisect.bisect_right(starts, position) - 1] += 1
    with_telling = _lines_with(_TELLING_WORDS.intersection(translated.split()), translated, starts)
    lines_of_words, lowered_lines = translated.split(b"\n"), lowered.split("\n")
    return [
        _signal(
            text,
            line_codes
            + (_word_hits(lines_of_words[number], lowered_lines[number]) if number in with_telling else 0),
        )
        for number, (text, line_codes) in enumerate(zip(texts, codes, strict=True))
    ]


def _lines_with(words: Iterable[bytes], text: bytes, starts: list[int]) -> set[int]:
    """The numbers of the lines of `text` (starting at `starts`, and its end) that hold any of `words`, found
    in the whole text, not line by line: a log's lines mostly hold none."""
    found: set[int] = set()
    for word in words:
        position = text.find(word)
        while position != -1:
            number = bisect.bisect_right(starts, position) - 1
            found.add(number)
            position = text.find(word, starts[number + 1])  # the rest of this line is known to hold it
    return found


def _error_codes(text: str) -> list[int]:
    """Where error codes (LICENSES-030, QB-17039) are in a text: found by their "-<digits>" tail, which
    the regex engine finds fast, then their capital head is checked (a head-first regex tried every
    capital of a log)."""
    found = []
    for tail in _CODE_TAIL.finditer(text):
        start = tail.start()
        while start and text[start - 1] in _CODE_CHARS:
            start -= 1
        before = text[start - 1] if start else " "
        if (
            "A" <= text[start] <= "Z"
            and tail.start() - start >= 2
            and not (before.isalnum() or before == "_")
        ):
            found.append(start)
    return found


def _signal(line: str, hits: int) -> int:
    """How strongly a line with this many error words and codes says something went wrong."""
    marked = _LOG_MARKERS.search(line)
    if not hits and marked:
        return 0  # most lines of a log, settled by one search
    if _STACK_FRAME.match(line):
        return 0
    if not marked and len(_WORD.findall(line)) >= 4:
        return 3  # the user's own words about the problem
    if not hits or (hits <= 1 and _NO_ERROR.search(line)):
        return 0
    return hits + (0 if _LOW_LEVEL.search(line) else 2)


def query_lines(text: str) -> list[QueryLine]:
    """The lines of a paste to match against articles, most telling first."""
    raw_lines = text.splitlines()
    lines = [(number, line.strip()[:MAX_LINE_CHARS]) for number, line in enumerate(raw_lines, 1)]
    lines = [
        (number, line)
        for number, line in lines
        if line and not _ADDRESS_FIELD.match(line) and not _ROUTING_FIELD.match(line)
    ]
    if not lines:
        return []
    if len(lines) <= SHORT_PASTE_LINES + MAX_SIGNATURE_LINES + 2:  # + the greeting and the closing line
        lines = _without_greeting_and_signature(lines)
    if len(lines) <= SHORT_PASTE_LINES:
        # a stack frame says where, not what went wrong: the exception above it does
        lines = [(number, line) for number, line in lines if not _STACK_FRAME.match(line)] or lines
        selected = [(1, number, line) for number, line in lines]
        # The paste as a whole, for a description over several lines; a log's routine lines stay out of it:
        # "License Service starting" and another line's "failed" are not "License Service fails to start".
        telling = [line for _, line in lines if not _is_routine(line)]
        if len(telling) > 1:
            selected.insert(0, (1, 0, " ".join(map(_words, telling))[:MAX_LINE_CHARS]))
    else:
        signals = _signals([line for _, line in lines])
        selected = [(signal, number, line) for signal, (number, line) in zip(signals, lines, strict=True)]
        selected = [item for item in selected if item[0] > 0] or [(1, number, line) for number, line in lines]
        selected.sort(key=lambda item: -item[0])
    return _unique_templates(selected)


# The label of a ticket's field that describes the problem or names what it is about ("Short description:",
# "Work notes:", "Affected CI:"): the form's words, not the writer's; the value after it is kept.
_FIELD_LABEL = re.compile(
    r"(?:(?:short |long )?description|summary|work notes?|(?:additional )?comments?|question"
    r"|environment|steps (?:tried|taken|to reproduce)|(?:expected|actual) result|business impact"
    r"|resolution notes?|(?:affected )?ci|configuration item|(?:affected )?(?:products?|services?|components?)"
    r"|(?:sub-?)?category)\s*:(?:\s+|$)",
    re.I,
)


def _words(line: str) -> str:
    """What a line says: a JSON log line's message fields, any other line without its field label."""
    line = _message(line)
    label = _FIELD_LABEL.match(line)
    return line[label.end() :] if label else line


# An email's address fields ("From: Anna Berg <anna@...>", "To: Qlik Partner Support", "Sent: 4 June 2024"):
# who and when, never what the problem is. Its "Subject:" is kept.
_ADDRESS_FIELD = re.compile(r"(?:from|to|cc|bcc|sent|reply-to)\s*:\s", re.I)
# A ticket's routing fields ("Caller: Batch Monitoring", "Assignment group: Analytics Platform", "Priority:
# 2 - High"): who, whose and how urgent, never what the problem is.
_ROUTING_FIELD = re.compile(
    r"(?:number|caller|requester|reporter|requested (?:by|for)|opened by|assignment group|assigned to|priority"
    r"|impact|urgency)\s*:\s",
    re.I,
)


# Only the greeting ("Hi team,", "Dear Qlik Support,") or only the closing ("Many thanks,"): a line that
# goes on ("Hi, getting LICENSES-030") is kept.
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))(?:\s+[\w.'-]+){0,3}\s*[,!:]$|^(?:hi|hello|hey)\s*!?$",
    re.I,
)
# A closing may be signed on the same line: "Kind regards, Finance IT", "Thanks, Priya".
_CLOSING = re.compile(
    r"^(?:(?:(?:many|best|kind|warm)\s+)?(?:thanks|thank\s+you|regards|wishes)(?:\s+(?:in\s+advance|a\s+lot|again))?"
    r"|cheers|best|br|sincerely|thx)\s*[,.!]*(?-i:\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*[.!]?)?$",
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
        normalised = normalise(without_ruled_out(_words(line)))
        if not normalised or normalised in seen:
            continue
        seen.add(normalised)
        weight = (
            ROUTINE_LINE_WEIGHT if _is_routine(line) or _LEF_TAG.match(line) or _FIELD.match(line) else 1.0
        )
        result.append(QueryLine(number, line, normalised, weight))
        if len(result) >= MAX_QUERY_LINES:
            break
    return result


def _is_routine(line: str) -> bool:
    """An INFO/DEBUG line or an event's header field, without an error word: it reports nothing wrong."""
    return bool(_LOW_LEVEL.search(line) or _EVENT_HEADER.match(line)) and not _error_words(line)


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
