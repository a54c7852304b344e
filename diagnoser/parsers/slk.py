"""Signed License Key: a JWT (header.payload.signature, base64url), decoded but never verified here.

A key is found even inside a longer paste (a log line, a sentence) and even when a PDF copy broke it with
spaces, line breaks or invisible characters. Finding keys is linear in the text: a candidate starts only at
a word boundary, and a scan that fails resumes after what it scanned.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field

# What a PDF or an email client puts inside a key: whitespace, non-breaking and zero-width spaces, soft hyphens.
BREAK_CHARS = " \t\r\n\f\v\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff"
_BREAKS = re.compile(f"[{BREAK_CHARS}]+")
_START = re.compile(r"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]*")
_RUN = re.compile(f"[{BREAK_CHARS}]*([A-Za-z0-9_\\-]+)")
_DOT = re.compile(f"[{BREAK_CHARS}]*\\.")
_EXTRA_PART = re.compile(r"\.[A-Za-z0-9_\-]{8,}")
# Characters stuck to the key's end that do not belong in it ("...sig$xyz"); not padding, not a URL's "&".
_GLUED = re.compile(f"[^{BREAK_CHARS}\"'`<>,;|(){{}}\\[\\].:!?=&]+")
_PLAIN_WORD = re.compile(r"[a-z]+|[A-Z][a-z]+|[A-Z]+")
_BASE64URL = re.compile(r"[A-Za-z0-9_\-]*")
_WHOLE_KEY = re.compile(r"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]*){0,4}")
MAX_SIGNATURE_CHARS = 1400
SEARCH_CHARS = 2_000_000
RSA_SIGNATURE_BYTES = (256, 384, 512)  # RSA 2048 / 3072 / 4096-bit keys
FULL_SIGNATURE_CHARS = frozenset(-(-size * 4 // 3) for size in RSA_SIGNATURE_BYTES)  # 342, 512, 683
_DATE_RUN = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}-[A-Za-z]{3}-\d{4}")
MAX_KEY_CHARS = 64_000
# Claims of an access or ID token (OAuth 2, OpenID Connect): who it is for, not what is licensed.
_IDENTITY_CLAIMS = frozenset(
    "sub aud scope scp azp client_id email preferred_username upn oid tid roles nonce".split()  # noqa: SIM905
)
_CUT_SHORT = re.compile(r"(?:\.{3,}|\u2026)$")  # "eyJhbGci..." as an email preview or a ticket shortens it


def _continues(run: str, part_start: bool) -> bool:
    """A piece after a break still belongs to the key (a PDF broke it), unless it is a plain word."""
    if run.startswith("eyJ"):
        return part_start  # right after a dot it is the payload; elsewhere the next key
    return len(run) >= 16 or not _PLAIN_WORD.fullmatch(run)


def _part_end(text: str, position: int, limit: int | None = None, *, after_dot: bool = True) -> int:
    """End of a base64url part that may be broken by whitespace, from position."""
    part_start = position if after_dot else -1
    while (limit is None or position < limit) and (match := _RUN.match(text, position)):
        if match.start(1) > position and not _continues(match.group(1), position == part_start):
            break
        position = match.end()
    return position


def _signature_end(text: str, position: int) -> int:
    """End of the signature: like a part, but a signature of full RSA length ends at the next break, and a
    date (the next log line's timestamp) never continues it."""
    limit, length = position + MAX_SIGNATURE_CHARS, 0
    while position < limit and (match := _RUN.match(text, position)):
        run = match.group(1)
        if match.start(1) > position and (
            length in FULL_SIGNATURE_CHARS or _DATE_RUN.match(run) or not _continues(run, False)
        ):
            break
        length += len(run)
        position = match.end()
    return position


def key_spans(text: str):
    """(start, signature_start, end) of every JWT-looking key in text, breaks inside allowed."""
    position = 0
    while match := _START.search(text, position):
        header_end = _part_end(text, match.end(), after_dot=False)
        dot = _DOT.match(text, header_end)
        payload_end = _part_end(text, dot.end()) if dot else header_end
        second_dot = _DOT.match(text, payload_end) if dot and payload_end > dot.end() else None
        if second_dot is None:
            position = max(payload_end, match.end())  # nothing in what was scanned can start a key
            continue
        end = _signature_end(text, second_dot.end())
        for _ in range(2):  # an encrypted token (JWE) has five parts: take them, so it is told apart
            more = _EXTRA_PART.match(text, end)
            if more is None:
                break
            end = more.end()
        if glued := _GLUED.match(text, end):  # "...sig$xyz": an invalid character inside the key, not its end
            end = glued.end()
        yield match.start(), second_dot.end(), end
        position = max(end, match.end())


@dataclass
class SignedKey:
    raw: str  # as found in the paste
    cleaned: str  # breaks removed
    had_whitespace: bool
    breaks_removed: int = 0  # how many runs of spaces / line breaks were inside the key
    header: dict | None = None
    claims: dict | None = None
    parts: int = 0
    signature_chars: int = 0
    signature_bytes: int = 0
    problems: list[str] = field(default_factory=list)  # why it is malformed, if it is

    @property
    def algorithm(self) -> str | None:
        algorithm = self.header.get("alg") if self.header else None
        return algorithm if isinstance(algorithm, str) else None

    @property
    def license_number(self) -> str | None:
        value = (self.claims or {}).get("license")
        return str(value) if value not in (None, "") else None

    @property
    def cut_short(self) -> bool:
        """Only its start is here, ending in "..." as an email preview or a dialog shortens it."""
        return bool(_CUT_SHORT.search(self.cleaned))

    @property
    def is_an_apps_token(self) -> bool:
        """A JWT that says who a user or an app is (sub, aud, scope ...) and carries no license: an access
        or ID token of some application, not a Signed License Key."""
        claims = self.claims
        return (
            isinstance(claims, dict)
            and self.license_number is None
            and not _IDENTITY_CLAIMS.isdisjoint(claims)
        )


def clean(raw: str) -> tuple[str, int]:
    """The key without breaks, and how many runs of breaks there were."""
    runs = len(_BREAKS.findall(raw.strip(BREAK_CHARS)))
    return _BREAKS.sub("", raw), runs


def find_key(text: str) -> SignedKey | None:
    """The first JWT-looking key in text (three dot-separated parts, breaks allowed), decoded."""
    span = next(key_spans(text[:SEARCH_CHARS]), None)
    if span is None:
        return find_whole_key(text) or _key_line(text)
    return decode_key(text[span[0] : span[2]].strip(BREAK_CHARS))


def _key_line(text: str) -> SignedKey | None:
    """A line of its own that is a key however broken ("eyJhbGci...", cut short in a forwarded email)."""
    if len(text) > MAX_KEY_CHARS * 2:
        return None
    for line in text.splitlines():
        if line.strip(BREAK_CHARS).startswith("eyJ") and (key := find_whole_key(line)) is not None:
            return key
    return None


def find_whole_key(text: str) -> SignedKey | None:
    """A paste that is a single dotted base64url token, at least one part of it JSON (`eyJ`): a key however
    broken (parts missing, a header that is not an object)."""
    if len(text) > MAX_KEY_CHARS * 2:
        return None
    cleaned, _ = clean(text.strip(BREAK_CHARS))
    if (
        len(cleaned) < 20
        or len(cleaned) > MAX_KEY_CHARS
        or not _WHOLE_KEY.fullmatch(cleaned.rstrip("\u2026"))
    ):
        return None
    if not any(part.startswith("eyJ") for part in cleaned.split(".")):
        return None
    return decode_key(text.strip(BREAK_CHARS))


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _json_object(part: str, name: str, problems: list[str]) -> dict | None:
    if not _BASE64URL.fullmatch(part) or len(part) % 4 == 1:
        problems.append(f"the {name} is not valid base64url")
        return None
    try:
        value = json.loads(_b64url(part))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        problems.append(f"the {name} is not base64url-encoded JSON")
        return None
    if not isinstance(value, dict):
        problems.append(f"the {name} is JSON but not an object")
        return None
    return value


def decode_key(raw: str) -> SignedKey:
    """Decode header and claims without verifying anything; note every way the key is malformed."""
    cleaned, breaks = clean(raw)
    key = SignedKey(raw=raw, cleaned=cleaned, had_whitespace=breaks > 0, breaks_removed=breaks)
    if len(cleaned) > MAX_KEY_CHARS:
        key.problems.append(
            f"the key is {len(cleaned):,} characters long; Signed License Keys are far shorter"
        )
        return key
    if key.cut_short:  # only its start is here: nothing else about it can be told
        key.parts = len(_CUT_SHORT.sub("", cleaned).split("."))
        key.problems.append(
            'it ends with "...": only its start is here, it was cut short where it was copied'
        )
        return key
    parts = cleaned.split(".")
    key.parts = len(parts)
    if len(parts) == 5:
        key.problems.append("it has five parts: an encrypted token (JWE), not a Signed License Key")
        return key
    if len(parts) != 3:
        key.problems.append(f"a key has three parts separated by dots; this has {len(parts)}")
    key.header = _json_object(parts[0], "header", key.problems)
    if len(parts) >= 2:
        key.claims = _json_object(parts[1], "payload", key.problems)
    if len(parts) == 3:
        signature = parts[2]
        if not _BASE64URL.fullmatch(signature):
            key.problems.append("the signature is not base64url")
        key.signature_chars = len(signature)
        key.signature_bytes = len(signature) * 3 // 4  # what those characters hold, even when cut mid-group
    return key
