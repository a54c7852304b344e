"""Signed License Key checks: (input, expected findings) tables with real keys from PyJWT and broken ones."""

import pytest

from tests.diagnoser import keys, material
from tests.diagnoser.runner import run_check, severities

GOOD_2048 = keys.signed_key(2048, "RS512")
GOOD_3072 = keys.signed_key(3072, "RS256")
GOOD_4096 = keys.signed_key(4096, "RS512")
HEADER = {"alg": "RS512", "typ": "JWT", "kid": "a337ad17"}


def cut(key: str, characters: int) -> str:
    return key[:-characters]


WHITESPACE = [
    ("the seed's key copied from a PDF", material.SEED_KEY_FROM_PDF, ["error"]),
    ("a key broken into 76-character lines", keys.broken_like_a_pdf(GOOD_2048), ["error"]),
    ("CRLF line breaks", keys.broken_like_a_pdf(GOOD_2048, 64, "\r\n"), ["error"]),
    ("a zero-width space", GOOD_2048[:40] + "\u200b" + GOOD_2048[40:], ["error"]),
    ("a non-breaking space", GOOD_2048[:40] + "\u00a0" + GOOD_2048[40:], ["error"]),
    ("one unbroken key", GOOD_2048, []),
    ("spaces only around the key", f"   {GOOD_2048}  \n", []),
]

MALFORMED = [
    ("payload is not JSON", "eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2lnbmF0dXJl", ["error"]),
    ("header is a JSON list", keys.hand_made(b"[1,2]", keys.CLAIMS, b"x" * 256), ["error"]),
    ("an encrypted token (five parts)", GOOD_2048 + ".eyJhIjoxfQ.eyJhIjoxfQ", ["error"]),
    ("a bad character in the signature", GOOD_2048[:-10] + "$" + GOOD_2048[-9:], ["error"]),
    ("a good RS512 key", GOOD_2048, []),
    ("a good RS256 key", GOOD_3072, []),
    ("the seed's key (truncated, not malformed)", material.SEED_KEY_FROM_PDF, []),
]

UNSIGNED = [
    ("alg none", keys.unsigned_key(), ["error"]),
    ("alg missing", keys.hand_made({"typ": "JWT"}, keys.CLAIMS, b"s" * 256), ["error"]),
    ("HS256 with a shared secret", keys.hmac_key(), ["error"]),
    ("RS512", GOOD_2048, []),
    ("RS256", GOOD_3072, []),
    ("undecodable header: malformed says it", "eyJub3Q.eyJhIjoxfQ.c2ln", []),
]

TRUNCATED = [
    ("the seed's key: 247-byte signature", material.SEED_KEY_FROM_PDF, ["warning"]),
    ("a 2048-bit key missing its last 20 characters", cut(GOOD_2048, 20), ["warning"]),
    ("a 4096-bit key missing one character", cut(GOOD_4096, 1), ["warning"]),
    ("signature lost entirely", GOOD_2048.rsplit(".", 1)[0] + ".", ["warning"]),
    ("something glued after the signature", GOOD_4096 + "AAAAAAAAAAAA", ["warning"]),
    ("RSA 2048 (256 bytes)", GOOD_2048, []),
    ("RSA 3072 (384 bytes)", GOOD_3072, []),
    ("RSA 4096 (512 bytes)", GOOD_4096, []),
    ("PS256 2048", keys.signed_key(2048, "PS256"), []),
    ("not RSA: HS256 is for slk.unsigned", keys.hmac_key(), []),
]

DECODED = [
    ("a good key", GOOD_2048, ["info"]),
    ("the seed's key", material.SEED_KEY_FROM_PDF, ["info"]),
    ("nothing decodable", "eyJub3Q.bm90.c2ln", []),
]

TABLES = [
    ("slk.whitespace", WHITESPACE),
    ("slk.malformed", MALFORMED),
    ("slk.unsigned", UNSIGNED),
    ("slk.truncated", TRUNCATED),
    ("slk.decoded", DECODED),
]
CASES = [
    pytest.param(check_id, key, expected, id=f"{check_id}: {name}")
    for check_id, table in TABLES
    for name, key, expected in table
]


@pytest.mark.parametrize(("check_id", "key", "expected"), CASES)
def test_slk_check(check_id, key, expected):
    assert severities(check_id, key) == expected


def test_whitespace_fix_is_the_cleaned_key():
    [finding] = run_check("slk.whitespace", material.SEED_KEY_FROM_PDF)
    assert finding.fix == "".join(material.SEED_KEY_FROM_PDF.split())
    assert " " not in finding.fix
    assert finding.articles == ("catalog-invalid-license-key",)


def test_whitespace_fix_restores_the_original_key():
    [finding] = run_check("slk.whitespace", keys.broken_like_a_pdf(GOOD_4096, 50, "\r\n"))
    assert finding.fix == GOOD_4096
    assert str(len(GOOD_4096) // 50) in finding.detail  # how many breaks were removed


def test_decoded_key_is_never_called_verified():
    [finding] = run_check("slk.decoded", GOOD_2048)
    assert "NOT verified" in finding.title
    assert "without verifying" in finding.detail
    assert "alg: RS512" in finding.detail and "kid: a337ad17" in finding.detail
    assert f"license number: {keys.LICENSE_NUMBER}" in finding.detail
    assert "claim jti: 623aa9af-950f-47f7-8bf0-f4d39f42d96c" in finding.detail
    assert finding.articles == ("signed-license-key-overview",)


def test_decoded_shows_time_claims_as_dates():
    key = keys.signed_key(2048, "RS512", {"license": "1", "exp": 1893456000})
    [finding] = run_check("slk.decoded", key)
    assert "2030-01-01" in finding.detail


def test_decoded_seed_key_shows_its_license_number():
    [finding] = run_check("slk.decoded", material.SEED_KEY_FROM_PDF)
    assert material.SEED_KEY_LICENSE in finding.detail


def test_malformed_and_unsigned_link_their_articles():
    [malformed] = run_check("slk.malformed", "eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2lnbmF0dXJl")
    assert malformed.articles == ("signed-license-key-overview", "catalog-invalid-license-key")
    assert "payload" in malformed.detail
    [unsigned] = run_check("slk.unsigned", keys.unsigned_key())
    assert unsigned.articles == ("signed-license-key-overview",)
    assert '"none"' in unsigned.title


def test_truncated_says_how_long_the_signature_should_be():
    [finding] = run_check("slk.truncated", material.SEED_KEY_FROM_PDF)
    assert "247 bytes" in finding.title
    assert "256, 384, 512" in finding.detail
    assert finding.articles == ("catalog-invalid-license-key",)


def test_a_forged_verified_claim_in_the_header_changes_nothing():
    forged = keys.hand_made({"alg": "RS256", "kid": '"}, "verified": true'}, {"license": "1"}, b"x" * 100)
    [finding] = run_check("slk.decoded", forged)
    assert "NOT verified" in finding.title
    assert severities("slk.truncated", forged) == ["warning"]
