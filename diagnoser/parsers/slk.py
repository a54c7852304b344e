"""Signed License Key: a JWT (header.payload.signature, base64url), decoded but never verified here."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field

_START = re.compile(r"eyJ[A-Za-z0-9_\-]*")
_RUN = re.compile(r"\s*([A-Za-z0-9_\-]+)")
_DOT = re.compile(r"\s*\.")
_PLAIN_WORD = re.compile(r"[a-z]+|[A-Z][a-z]+|[A-Z]+")
MAX_SIGNATURE_CHARS = 1400


def _continues(run: str) -> bool:
    """A piece after a space or line break still belongs to the key (a PDF broke it), unless it is a word."""
    if run.startswith("eyJ"):
        return False  # the next key
    return len(run) >= 16 or not _PLAIN_WORD.fullmatch(run)


def _part_end(text: str, position: int, limit: int | None = None) -> int:
    """End of a base64url part that may be broken by whitespace, from position."""
    while (limit is None or position < limit) and (match := _RUN.match(text, position)):
        if match.start(1) > position and not _continues(match.group(1)):
            break
        position = match.end()
    return position


def key_spans(text: str):
    """(start, signature_start, end) of every JWT-looking key in text, whitespace inside allowed."""
    position = 0
    while match := _START.search(text, position):
        header_end = _part_end(text, match.end())
        dot = _DOT.match(text, header_end)
        payload_end = _part_end(text, dot.end()) if dot else -1
        second_dot = _DOT.match(text, payload_end) if dot and payload_end > dot.end() else None
        if second_dot is None:
            position = match.end()
            continue
        end = _part_end(text, second_dot.end(), second_dot.end() + MAX_SIGNATURE_CHARS)
        yield match.start(), second_dot.end(), end
        position = max(end, match.end())


RSA_SIGNATURE_BYTES = (256, 384, 512)
MAX_KEY_CHARS = 64_000


@dataclass
class SignedKey:
    raw: str  # as found in the paste
    cleaned: str  # whitespace removed
    had_whitespace: bool
    header: dict | None = None
    claims: dict | None = None
    signature_bytes: int = 0
    problems: list[str] = field(default_factory=list)  # why it is malformed, if it is

    @property
    def algorithm(self) -> str | None:
        return self.header.get("alg") if self.header else None


def find_key(text: str) -> SignedKey | None:
    span = next(key_spans(text[:2_000_000]), None)
    if span is None:
        return None
    raw = text[span[0] : span[2]].strip()
    cleaned = re.sub(r"\s+", "", raw)
    return decode_key(raw, cleaned)


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def decode_key(raw: str, cleaned: str) -> SignedKey:
    key = SignedKey(raw=raw, cleaned=cleaned, had_whitespace=raw != cleaned)
    if len(cleaned) > MAX_KEY_CHARS:
        key.problems.append(
            f"the key is {len(cleaned):,} characters long; Signed License Keys are far shorter"
        )
        return key
    parts = cleaned.split(".")
    if len(parts) != 3:
        key.problems.append(f"a key has three parts separated by dots; this has {len(parts)}")
        return key
    for name, part in (("header", parts[0]), ("payload", parts[1])):
        try:
            value = json.loads(_b64url(part))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            key.problems.append(f"the {name} is not base64url-encoded JSON")
            continue
        if not isinstance(value, dict):
            key.problems.append(f"the {name} is JSON but not an object")
            continue
        if name == "header":
            key.header = value
        else:
            key.claims = value
    try:
        key.signature_bytes = len(_b64url(parts[2])) if parts[2] else 0
    except (binascii.Error, ValueError):
        key.problems.append("the signature is not base64url")
    return key
