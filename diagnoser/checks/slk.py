"""Checks over a Signed License Key found in the paste."""

from __future__ import annotations

from diagnoser.checks import Context, check
from diagnoser.findings import Finding
from diagnoser.parsers.slk import RSA_SIGNATURE_BYTES, SignedKey

INVALID_KEY = "catalog-invalid-license-key"
OVERVIEW = "signed-license-key-overview"


@check("slk.whitespace", needs="slk")
def whitespace(key: SignedKey, context: Context) -> list[Finding]:
    if not key.had_whitespace:
        return []
    return [
        Finding(
            "slk.whitespace",
            "error",
            "The key contains line breaks or spaces",
            detail="A key copied out of a PDF or an email gets a line break at every line end; the product "
            "then refuses it (Qlik Catalog: core.error.code.INVALID_LICENSE_KEY_PROVIDED).",
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
            detail="; ".join(key.problems) + ".",
            fix="Copy the whole key again from the original email or license portal, in one piece.",
            articles=(INVALID_KEY, OVERVIEW),
        )
    ]


@check("slk.unsigned", needs="slk")
def unsigned(key: SignedKey, context: Context) -> list[Finding]:
    if key.header is None:
        return []
    algorithm = str(key.header.get("alg") or "").strip()
    if algorithm and algorithm.lower() != "none" and not algorithm.upper().startswith("HS"):
        return []
    if algorithm.upper().startswith("HS"):
        title = f"Signed with a shared secret ({algorithm}), not with Qlik's key pair"
    else:
        title = "Unsigned key (alg is none or missing)"
    return [
        Finding(
            "slk.unsigned",
            "error",
            title,
            detail="A Signed License Key is signed with Qlik's private key (RSA); this one can never be valid.",
            fix="Use the Signed License Key Qlik sent you; do not edit or re-create keys.",
            articles=(OVERVIEW,),
        )
    ]


@check("slk.truncated", needs="slk")
def truncated(key: SignedKey, context: Context) -> list[Finding]:
    algorithm = str(key.algorithm or "")
    if key.problems or not algorithm.upper().startswith(("RS", "PS")):
        return []
    if key.signature_bytes in RSA_SIGNATURE_BYTES:
        return []
    return [
        Finding(
            "slk.truncated",
            "warning",
            f"The signature is {key.signature_bytes} bytes: the key looks cut short",
            detail=f"An {algorithm} signature is {', '.join(map(str, RSA_SIGNATURE_BYTES))} bytes long; part of "
            "the key was probably lost when copying it.",
            fix="Copy the full key again, from its first to its last character.",
            articles=(INVALID_KEY,),
        )
    ]


@check("slk.decoded", needs="slk")
def decoded(key: SignedKey, context: Context) -> list[Finding]:
    if key.header is None and key.claims is None:
        return []
    header = key.header or {}
    claims = key.claims or {}
    lines = [f"header: alg={header.get('alg')!s}, kid={header.get('kid')!s}"]
    lines += [f"claim {name}: {value}" for name, value in claims.items()]
    return [
        Finding(
            "slk.decoded",
            "info",
            "Signed License Key decoded (signature NOT verified)",
            detail="\n".join(lines),
            articles=(OVERVIEW,),
        )
    ]
