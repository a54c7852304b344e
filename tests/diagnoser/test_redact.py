"""Redaction: plant known secrets in realistic pastes and answers, none may survive; the rest stays readable."""

import time

import pytest

import diagnoser
from diagnoser.convert import license_json_text
from diagnoser.redact import MARK, redact
from tests.diagnoser import keys, material

M = material
KEY = keys.signed_key(2048)
KEY_4096 = keys.signed_key(4096)


def survivors(text: str, secrets: list[str]) -> list[str]:
    redacted = redact(text)
    return [secret for secret in secrets if secret in redacted]


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        pytest.param(M.SEED_TOKEN_LEF, ["00000000000000"], id="the seed's LEF header serial"),
        pytest.param(
            M.QLIKVIEW_EXPIRED_LEF, ["9999000000004711", "12345"], id="LEF serial and control lines"
        ),
        pytest.param(M.QLIKVIEW_SERVER_LEF, ["9999 0000 0000 4711"], id="LEF serial in groups"),
        pytest.param(
            M.REPLICATE_LICENSE, ["60012345", "9f8e7d6c5b4a3f2e1d0c=="], id="serial_no and checksum"
        ),
        pytest.param(M.COMPOSE_LICENSE_PROSE, ["70054322", "ZmFrZQ=="], id="Compose license"),
        pytest.param("serial_no: 123456\nchecksum : abc=def", ["123456", "abc=def"], id="colon form"),
        pytest.param('"license": "1234 1234 1234 1234"', ["1234 1234 1234 1234"], id="seed's sync metadata"),
        pytest.param("my license number is 9999-0000-0000-1253", ["9999-0000-0000-1253"], id="dashed"),
        pytest.param(
            "Serial number: 9999000000001253, control number: 54321",
            ["9999000000001253", "54321"],
            id="prose",
        ),
        pytest.param("control no. 4711 please", ["4711"], id="a short control number in prose"),
        pytest.param("CONTROL;31337;;\nPRODUCTLEVEL;50;;", ["31337"], id="a CONTROL tag"),
        pytest.param(KEY, [KEY.split(".")[2]], id="a key's signature"),
        pytest.param(
            license_json_text(M.REPLICATE_LICENSE), ["60012345", "9f8e7d6c5b4a3f2e1d0c=="], id="license.json"
        ),
        pytest.param(
            '{"serial_no":"60012345","checksum":"a\\"b=="}', ["60012345", 'a\\"b=='], id="one-line JSON"
        ),
        pytest.param(
            f"ERROR key={KEY_4096} refused", [KEY_4096.split(".")[2][-40:]], id="a key in a log line"
        ),
        pytest.param(
            M.SEED_KEY_FROM_PDF,
            ["YJqTct2ngqLfl2VP3jxW4RsDNK2MTL", "VlNitxmcm8OoUrR_ZIk8VuOkoz", "8yhd1RtE"],
            id="the seed's key broken by a PDF",
        ),
        pytest.param(
            keys.broken_like_a_pdf(KEY, 50),
            [line for line in keys.broken_like_a_pdf(KEY, 50).split("\n") if len(line) == 50][-2:],
            id="a key in lines",
        ),
        pytest.param(KEY[:-10] + "$" + KEY[-9:], [KEY[-9:], KEY[-40:-10]], id="a key with a stray character"),
        pytest.param(
            "Here it is:\n" + "\n".join("> " + line for line in keys.broken_like_a_pdf(KEY, 60).split("\n")),
            [line for line in keys.broken_like_a_pdf(KEY, 60).split("\n") if len(line) == 60][-2:],
            id="a key quoted in an email",
        ),
    ],
)
def test_planted_secrets_are_redacted(text, secrets):
    assert survivors(text, secrets) == []
    assert MARK in redact(text)


def test_what_is_not_secret_stays_readable():
    redacted = redact(M.SEED_TOKEN_LEF + M.REPLICATE_LICENSE + KEY + "\n" + M.LICENSE_SERVER_LOG)
    for kept in (
        "PRODUCTLEVEL;50;;2020-12-31",
        "TOKENS;3000;;",
        "licensed_to=Acme Corporation",
        "expiration_date=2027-12-31",
        KEY.split(".")[0] + "." + KEY.split(".")[1] + ".",
        "LICENSES-030",
        "2024-03-05 10:12:01.123",
        "58250808-d4f0-40d8-ba4c-73290bc63979",
    ):
        assert kept in redacted, kept


def test_findings_of_a_diagnosis_redact_cleanly():
    """What an export writes: the paste and the findings' text, every secret gone."""
    diagnosis = diagnoser.diagnose(M.SEED_KEY_FROM_PDF, today=M.TODAY, hostname="h")
    text = "\n".join(f"{f.title}\n{f.detail}\n{f.fix}" for f in diagnosis.findings)
    assert M.SEED_KEY_LICENSE in text  # the decoded license number and the cleaned key are in the answer
    redacted = redact(text)
    assert M.SEED_KEY_LICENSE not in redacted
    assert diagnosis.cleaned_key.split(".")[2] not in redacted


def test_redaction_is_linear_on_big_exports():
    big = (M.LICENSE_SERVER_LOG + KEY + "\n") * 2000 + ("AeyJ " + "B" * 20 + " ") * 200_000
    started = time.perf_counter()
    redacted = redact(big)
    assert time.perf_counter() - started < 10.0
    assert KEY.split(".")[2] not in redacted
