"""Checks over a Signed License Key found in the paste (alone, or inside a log line or a sentence).

A Signed License Key is a JWT signed by Qlik with RSA (the seed's example: RS512). kb never verifies the
signature (it has no Qlik public key); it decodes and says so. Signature sizes follow from the RSA key size:
256, 384 or 512 bytes for 2048, 3072 or 4096-bit keys.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diagnoser.checks import Context, check
from diagnoser.findings import Finding
from diagnoser.parsers.slk import RSA_SIGNATURE_BYTES, SignedKey

INVALID_KEY = "catalog-invalid-license-key"
OVERVIEW = "signed-license-key-overview"
COPY_AGAIN = (
    "Copy the whole key again from the email or portal where Qlik sent it, as one line, and paste it again."
)
_TIME_CLAIMS = ("iat", "nbf", "exp")


def _is_rsa(algorithm: str | None) -> bool:
    return bool(algorithm) and algorithm.upper().startswith(("RS", "PS"))


@check("slk.whitespace", needs="slk")
def whitespace(key: SignedKey, context: Context) -> list[Finding]:
    if not key.had_whitespace:
        return []
    pieces = (
        "a line break or space" if key.breaks_removed == 1 else f"{key.breaks_removed} line breaks or spaces"
    )
    return [
        Finding(
            "slk.whitespace",
            "error",
            "The key contains line breaks or spaces",
            detail=f"The key holds {pieces}, as when it is copied out of a PDF or an email. A key must be one "
            "unbroken string; the product refuses it otherwise (Qlik Catalog: "
            "core.error.code.INVALID_LICENSE_KEY_PROVIDED). The fix is the same key with them removed.",
            fix=key.cleaned,
            articles=(INVALID_KEY,),
        )
    ]


@check("slk.malformed", needs="slk")
def malformed(key: SignedKey, context: Context) -> list[Finding]:
    if not key.problems:
        return []
    return [
        Finding(
            "slk.malformed",
            "error",
            "This is not a well-formed Signed License Key",
            detail="A Signed License Key is three base64url parts separated by dots: a JSON header, JSON claims "
            "and the signature. Here " + "; ".join(key.problems) + ".",
            fix=COPY_AGAIN,
            articles=(OVERVIEW, INVALID_KEY),
        )
    ]


@check("slk.unsigned", needs="slk")
def unsigned(key: SignedKey, context: Context) -> list[Finding]:
    if key.header is None:
        return []  # undecodable: slk.malformed says so
    algorithm = str(key.header.get("alg") or "").strip()
    if algorithm.upper().startswith("HS"):
        title = f"The key is signed with a shared secret ({algorithm}), not with Qlik's private key"
    elif not algorithm or algorithm.lower() == "none":
        title = "The key is unsigned (alg is " + ("missing" if not algorithm else '"none"') + ")"
    else:
        return []
    return [
        Finding(
            "slk.unsigned",
            "error",
            title,
            detail="A Signed License Key is signed by Qlik with its private RSA key; a key without such a "
            "signature can never be valid, whatever its claims say. It was edited or made by hand.",
            fix="Use the Signed License Key exactly as Qlik sent it; if you no longer have it, ask your Qlik "
            "account owner or Qlik Support for it.",
            articles=(OVERVIEW,),
        )
    ]


@check("slk.truncated", needs="slk")
def truncated(key: SignedKey, context: Context) -> list[Finding]:
    if key.parts != 3 or not _is_rsa(key.algorithm) or key.signature_bytes in RSA_SIGNATURE_BYTES:
        return []
    sizes = ", ".join(map(str, RSA_SIGNATURE_BYTES))
    if key.signature_bytes > max(RSA_SIGNATURE_BYTES):
        title = f"The signature is {key.signature_bytes} bytes, longer than any RSA signature"
        detail = (
            f"An {key.algorithm} signature is {sizes} bytes long; something was pasted after the key "
            "(another key, or text glued to its end)."
        )
    else:
        title = f"The signature is {key.signature_bytes} bytes: the key looks cut short"
        detail = (
            f"An {key.algorithm} signature is {sizes} bytes long (2048, 3072 or 4096-bit keys); "
            f"{key.signature_chars} characters are left, so the end of the key was lost when copying it."
        )
    return [
        Finding("slk.truncated", "warning", title, detail=detail, fix=COPY_AGAIN, articles=(INVALID_KEY,))
    ]


def _claim_text(name: str, value: object) -> str:
    if name in _TIME_CLAIMS and isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return f"{value} ({datetime.fromtimestamp(value, UTC):%Y-%m-%d %H:%M} UTC)"
        except (OverflowError, OSError, ValueError):
            return str(value)
    return str(value)


@check("slk.decoded", needs="slk")
def decoded(key: SignedKey, context: Context) -> list[Finding]:
    if key.header is None and key.claims is None:
        return []
    header = key.header or {}
    lines = ["Decoded without verifying the signature: the content is readable, its authenticity is unknown."]
    lines.append(
        ", ".join(f"{name}: {header[name]}" for name in ("alg", "typ", "kid") if name in header)
        or "header: (unreadable)"
    )
    if key.license_number:
        lines.append(f"license number: {key.license_number}")
    if key.claims is not None:
        lines += [
            f"claim {name}: {_claim_text(name, value)}"
            for name, value in key.claims.items()
            if name != "license"
        ]
    return [
        Finding(
            "slk.decoded",
            "info",
            "Signed License Key decoded (signature NOT verified)",
            detail="\n".join(lines),
            articles=(OVERVIEW,),
        )
    ]
