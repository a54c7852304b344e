"""Tell what kind of material a paste is: lef, slk, replicate-license, compose-license, log or text.

Rules, first that applies (only the first SAMPLE_CHARS are looked at, so any paste is answered at once):
- replicate-license / compose-license: `key=value` (or `key: value`) lines naming at least two fields only a
  license.txt has (license_type, licensed_to, serial_no, expiration_date, checksum, source_types, ...) and
  three known fields in all, or a paste made only of such lines; and they are at least half of the lines.
  Compose when a Compose-only field is there (host_role, dwh_type, number_of_dms, ...).
- lef: TAG;VALUE;FROM;TO lines with at least one known LEF tag (PRODUCTLEVEL, TOKENS, TIMELIMIT, ...),
  making up the whole paste, or at least two of them and 40% of the lines (the header and a sentence around
  it are allowed); or, on one line whose breaks were lost, three known tags making up most of it.
- slk: the paste is essentially one JWT-looking key (at most a few words around it, such as "Signed License
  Key:", or a line or two of a person's text above or below a key on lines of its own), even broken over
  lines and spaces; also the bare start of a key (`eyJ...`) with parts missing.
- log: log markers (a timestamp, an upper-case level, a JSON object, a stack-trace line), or several lines
  that are not mostly a person's sentences.
- text: anything else: a sentence, a bare error message, a question or an email over several lines.
"""

from __future__ import annotations

import re

from diagnoser.parsers.lef import find_inline_tags, known_tag_lines, tag_lines
from diagnoser.parsers.license_txt import known_field_count, parse_license_txt
from diagnoser.parsers.slk import find_key

KINDS = ("lef", "slk", "replicate-license", "compose-license", "log", "text")
SAMPLE_CHARS = 200_000
MAX_WORDS_AROUND_KEY = 4
MAX_LINES_AROUND_KEY = 2
_LOG_MARKER = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}\b|\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|SEVERE)\b"
    r"|^\s*\{\s*\"[^\"]*\"\s*:|^\s+at\s+\S+\(|^Traceback \(most recent call last\)",
    re.MULTILINE,
)
_WORD = re.compile(r"\w+")
_STRUCTURED = re.compile(r"\w=\S|;[^;\s]*;|\t")  # key=value, TAG;VALUE;;, tab-separated columns
PROSE_SHARE = 0.6
MAX_WORD_CHARS = 40


def recognise(text: str) -> str:
    """Never raises: whatever cannot be told apart is `text`."""
    try:
        if isinstance(text, bytes | bytearray):
            text = bytes(text[:SAMPLE_CHARS]).decode("utf-8", errors="replace")
        if not isinstance(text, str):
            return "text"
        return _recognise(text[:SAMPLE_CHARS].lstrip("\ufeff"))
    except Exception:  # a recogniser defect must not take the answer down
        return "text"


def _recognise(sample: str) -> str:
    lines = [line for line in sample.splitlines() if line.strip()]
    if not lines:
        return "text"
    if _is_license_txt(sample, len(lines)):
        return "compose-license" if parse_license_txt(sample).is_compose else "replicate-license"
    if _is_lef(sample, len(lines)):
        return "lef"
    if _is_key(sample):
        return "slk"
    if _LOG_MARKER.search(sample):
        return "log"
    if len(lines) > 1 and not _mostly_prose(lines):
        return "log"
    return "text"


def _mostly_prose(lines: list[str]) -> bool:
    """Whether most of the text is a person's sentences (an email, a question over several lines). A long
    run without spaces (a key, a hash) is neither prose nor a log: whether its base64 happens to hold a "-"
    must not decide."""
    lines = [line for line in lines if len(line) <= MAX_WORD_CHARS or len(line.split()) > 1] or lines
    prose = sum(len(line) for line in lines if len(_WORD.findall(line)) >= 4 and not _STRUCTURED.search(line))
    return prose >= PROSE_SHARE * sum(map(len, lines))


def _is_license_txt(sample: str, line_count: int) -> bool:
    known, distinctive = known_field_count(sample)
    if distinctive < 2:
        return False
    field_lines = len(parse_license_txt(sample).entries)
    return (known >= 3 or field_lines == line_count) and field_lines * 2 >= line_count


def _is_lef(sample: str, line_count: int) -> bool:
    tags = tag_lines(sample)
    if tags and known_tag_lines(sample):
        return tags == line_count or (tags >= 2 and tags * 5 >= line_count * 2)
    return line_count <= 2 and _is_flattened_lef(sample)


def _is_flattened_lef(sample: str) -> bool:
    """A LEF whose line breaks were lost: known tags, one after the other, make up most of the paste."""
    lef = find_inline_tags(sample)
    if lef is None or len(lef.tags) < 3:
        return False
    tag_chars = sum(len(f"{t.name};{t.value};{t.valid_from};{t.valid_to}") for t in lef.tags)
    return tag_chars * 2 >= len("".join(sample.split()))


def _is_key(sample: str) -> bool:
    key = find_key(sample)
    if key is None or key.is_an_apps_token:  # an app's access token is not a license key
        return False
    before, _, after = sample.partition(key.raw)
    around = f"{before}\n{after}"
    if len(_WORD.findall(around)) <= MAX_WORDS_AROUND_KEY:
        return True
    # a key on lines of its own with a sentence or two about it ("Customer forwarded this, what is it?")
    on_its_own = before.endswith("\n") or not before.strip()
    on_its_own = on_its_own and (after.startswith(("\n", "\r")) or not after.strip())
    sentences = [line for line in around.splitlines() if line.strip()]
    return on_its_own and len(sentences) <= MAX_LINES_AROUND_KEY and not _LOG_MARKER.search(around)
