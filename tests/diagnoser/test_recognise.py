"""Recognition on realistic material, pasted the ways people paste it; never raising on anything."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diagnoser import recognise
from diagnoser.convert import license_json_text
from tests.diagnoser import keys, material

M = material


def indented(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def without_header(lef: str) -> str:
    return "\n".join(line for line in lef.splitlines() if ";" in line)


LEFS = {
    "seed token LEF": M.SEED_TOKEN_LEF,
    "QlikView Server (10)": M.QLIKVIEW_SERVER_LEF,
    "Sense user-based (50)": M.SENSE_USER_LEF,
    "Sense capacity (50)": M.SENSE_CAPACITY_LEF,
    "GeoAnalytics (90)": M.GEO_LEF,
    "NPrinting (60)": M.NPRINTING_LEF,
}
LEF_VARIANTS = {
    "as is": lambda text: text,
    "CRLF": crlf,
    "indented": indented,
    "blank lines between": lambda text: text.replace("\n", "\n\n"),
    "without header": without_header,
    "quoted in an email": lambda text: indented(text, "> "),
    "with a sentence before": lambda text: "Here is our LEF, please check:\n" + text,
}

CASES = [
    pytest.param(variant(lef), "lef", id=f"lef: {name}, {variant_name}")
    for name, lef in LEFS.items()
    for variant_name, variant in LEF_VARIANTS.items()
] + [
    pytest.param("GEO_SERVER;YES;;", "lef", id="lef: one tag line"),
    pytest.param(" ".join(M.SEED_TOKEN_LEF.split()), "lef", id="lef: line breaks lost"),
    pytest.param(
        "Our LEF has PRODUCTLEVEL;50;;2027-01-01, is that OK?", "text", id="text: one tag in a question"
    ),
    pytest.param(M.REPLICATE_LICENSE, "replicate-license", id="replicate: BOM, CRLF, comment"),
    pytest.param(M.REPLICATE_EVALUATION_EXPIRED, "replicate-license", id="replicate: evaluation"),
    pytest.param(indented(M.REPLICATE_LICENSE), "replicate-license", id="replicate: indented"),
    pytest.param(
        indented(M.REPLICATE_LICENSE, "> ") + "\nAbove is the file we got. Why is hosts empty?",
        "replicate-license",
        id="replicate: quoted in an email",
    ),
    pytest.param("serial_no=1\nchecksum=abc==", "replicate-license", id="replicate: two fields alone"),
    pytest.param(
        license_json_text(M.REPLICATE_LICENSE), "replicate-license", id="replicate: its license.json"
    ),
    pytest.param(M.COMPOSE_LICENSE, "compose-license", id="compose"),
    pytest.param(M.COMPOSE_LICENSE_PROSE, "compose-license", id="compose: key: value fields"),
    pytest.param(crlf(M.COMPOSE_LICENSE), "compose-license", id="compose: CRLF"),
    pytest.param(M.SEED_KEY_FROM_PDF, "slk", id="slk: the seed's key from a PDF"),
    pytest.param(M.SEED_KEY_FROM_PDF + " |", "slk", id="slk: with the table's bar"),
    pytest.param(keys.signed_key(), "slk", id="slk: RS512 2048"),
    pytest.param(keys.broken_like_a_pdf(keys.signed_key(4096)), "slk", id="slk: broken into lines"),
    pytest.param("Signed License Key: " + keys.signed_key(), "slk", id="slk: with a label"),
    pytest.param(keys.unsigned_key(), "slk", id="slk: alg none"),
    pytest.param(keys.signed_key().rsplit(".", 1)[0], "slk", id="slk: header and payload only"),
    pytest.param(
        "User forwarded this string from the licensing email and asks what it is and where it goes:\n"
        + keys.signed_key(),
        "slk",
        id="slk: a sentence above it",
    ),
    pytest.param(
        "Is this the key we need?\n" + keys.signed_key()[:60] + "...\nIt came in the order email.",
        "slk",
        id="slk: cut short, a sentence above and below",
    ),
    pytest.param(
        "We applied it.\nThe QMC rejects it.\nIt came by email.\n" + keys.signed_key(),
        "text",
        id="not slk: three lines around it",
    ),
    pytest.param("Is this key right?\n" + keys.hmac_key(), "slk", id="slk: HS256 but a license claim"),
    pytest.param(M.LICENSE_SERVER_LOG, "log", id="log: repository trace"),
    pytest.param("2024-01-02 10:00:00 ERROR something failed", "log", id="log: one line with a timestamp"),
    pytest.param('{"level":"error","message":"license"}', "log", id="log: JSON line"),
    pytest.param("first line\nsecond line", "log", id="log: several lines"),
    pytest.param(
        "System.Exception: x\n   at Qlik.Licenses.Apply(String key)\n   at Main()",
        "log",
        id="log: stack trace",
    ),
    pytest.param(
        f"2024-01-02 10:00:00 ERROR Applying key {keys.signed_key()} failed", "log", id="log: a key inside"
    ),
    pytest.param("Only one license per product level is allowed", "text", id="text: bare error"),
    pytest.param("Why can't I use my signed key on a token license?", "text", id="text: a question"),
    pytest.param(
        "Hi team,\n\nSince this morning the license service will not start and the QMC shows no license.\n\n"
        "Many thanks,\nRobert Okafor\nIT Service Manager",
        "text",
        id="text: an email",
    ),
    pytest.param(
        "Unable to start License service.\nKeyset does not exist", "text", id="text: an error over two lines"
    ),
    pytest.param("version=3\nhosts=all\nname=web", "log", id="not a license: a config file"),
    pytest.param("ID;NAME;CITY;ZIP\nA;B;C;D", "log", id="not a LEF: CSV"),
    pytest.param("", "text", id="empty"),
    pytest.param("   \n\t\n", "text", id="whitespace"),
    pytest.param("\x00\x01\x02 binary", "text", id="binary junk"),
]


@pytest.mark.parametrize(("paste", "kind"), CASES)
def test_recognise(paste, kind):
    assert recognise(paste) == kind


def test_an_apps_access_token_is_not_a_license_key():
    from diagnoser import diagnose

    token = keys.hmac_key({"sub": "user_8812", "aud": "orders-api", "exp": 1716205200})
    for paste in (token, "Our API rejects this token:\n" + token):
        assert recognise(paste) != "slk"
        assert not [finding for finding in diagnose(paste).findings if finding.check.startswith("slk.")]


@given(st.text(max_size=3000))
@settings(max_examples=300, deadline=None)
def test_recognise_never_raises_on_any_text(text):
    assert recognise(text) in ("lef", "slk", "replicate-license", "compose-license", "log", "text")


@given(
    st.lists(
        st.sampled_from(
            ["eyJ", ".", " ", "\n", "PRODUCTLEVEL;50;;", "TOKENS;1;;", "serial_no=", "=", ":", "A" * 20]
        ),
        max_size=200,
    )
)
@settings(max_examples=300, deadline=None)
def test_recognise_never_raises_on_license_shaped_junk(pieces):
    assert recognise("".join(pieces)) in ("lef", "slk", "replicate-license", "compose-license", "log", "text")


@pytest.mark.parametrize(
    "huge",
    [
        pytest.param("x" * 20_000_000, id="20 MB of one character"),
        pytest.param("INFO all good\n" * 1_500_000, id="20 MB of log lines"),
        pytest.param(("AeyJ " + "B" * 20 + " ") * 800_000, id="20 MB of key starts"),
        pytest.param("eyJa." * 4_000_000, id="20 MB of dots"),
    ],
)
def test_recognise_is_fast_on_huge_pastes(huge):
    started = time.perf_counter()
    recognise(huge)
    assert time.perf_counter() - started < 3.0


def test_recognise_bytes_and_other_types_do_not_raise():
    assert recognise(b"PRODUCTLEVEL;50;;\nTOKENS;1;;") == "lef"
    assert recognise(None) == "text"
