"""Each check with its failing and passing cases side by side: input in, findings out."""

import base64
import json
from datetime import date

import jwt
import pytest

import diagnoser
from diagnoser.checks import REGISTRY, Context, check, run_checks
from tests.diagnoser import material
from tests.diagnoser.keys import signed_key

TODAY = date(2026, 11, 28)


def findings_of(text, hostname="replicate01"):
    return diagnoser.diagnose(text, today=TODAY, hostname=hostname).findings


def severities(text, **kwargs):
    return {(finding.check, finding.severity) for finding in findings_of(text, **kwargs)}


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


CASES = [
    # (check, paste, expected severity or None for "no finding of this check")
    ("lef.token-only", material.SEED_TOKEN_LEF, "error"),
    ("lef.token-only", material.SENSE_USER_LEF, None),
    ("lef.token-only", material.SENSE_USER_LEF + "TOKENS;100;;\n", None),
    ("lef.timelimit-expired", material.QLIKVIEW_SERVER_LEF, "error"),
    ("lef.timelimit-expired", material.SENSE_USER_LEF, None),
    ("lef.productlevel-date", material.QLIKVIEW_SERVER_LEF, "warning"),
    ("lef.productlevel-date", material.SENSE_USER_LEF, None),
    (
        "lef.analyzer-capacity-incomplete",
        material.SENSE_USER_LEF.replace("ANALYZER_TIME_UNIT;6;;\n", ""),
        "error",
    ),
    (
        "lef.analyzer-capacity-incomplete",
        material.SENSE_USER_LEF.replace("ANALYZER_TIME;1000;;\n", ""),
        "error",
    ),
    ("lef.analyzer-capacity-incomplete", material.SENSE_USER_LEF, None),
    ("lef.geo-server-missing", material.GEO_LEF_WITHOUT_SERVER, "error"),
    ("lef.geo-server-missing", material.GEO_LEF_WITH_SERVER, None),
    ("lef.geo-server-missing", material.SENSE_USER_LEF, None),
    ("lef.product", material.QLIKVIEW_SERVER_LEF, "info"),
    ("slk.whitespace", material.SEED_KEY_FROM_PDF, "error"),
    ("slk.whitespace", signed_key(), None),
    ("slk.truncated", material.SEED_KEY_FROM_PDF, "warning"),
    ("slk.truncated", signed_key(2048), None),
    ("slk.truncated", signed_key(3072), None),
    ("slk.truncated", signed_key(4096, "RS256"), None),
    ("slk.unsigned", jwt.encode({"license": "1"}, None, algorithm="none"), "error"),
    (
        "slk.unsigned",
        jwt.encode({"license": "1"}, "secret-secret-secret-secret-1234", algorithm="HS256"),
        "error",
    ),
    ("slk.unsigned", signed_key(), None),
    ("slk.malformed", "eyJhbGciOiJSUzI1NiJ9.not-json-at-all.c2ln", "error"),
    ("slk.malformed", signed_key(), None),
    ("slk.decoded", signed_key(), "info"),
    ("replicate.expired", material.REPLICATE_LICENSE.replace("2099-12-31", "2024-01-31"), "error"),
    ("replicate.expired", material.REPLICATE_LICENSE, None),
    (
        "replicate.host-mismatch",
        material.REPLICATE_LICENSE.replace("hosts=", "hosts=repsrv1,repsrv2"),
        "warning",
    ),
    (
        "replicate.host-mismatch",
        material.REPLICATE_LICENSE.replace("hosts=", "hosts=repsrv1,replicate01"),
        None,
    ),
    ("replicate.host-mismatch", material.REPLICATE_LICENSE, None),
    ("replicate.fields", material.REPLICATE_LICENSE.replace("checksum=", "checksun="), "warning"),
    ("compose.fields", material.COMPOSE_LICENSE, "info"),
    ("compose.fields", material.REPLICATE_LICENSE, None),
]


@pytest.mark.parametrize(("check_id", "paste", "severity"), CASES)
def test_check(check_id, paste, severity):
    found = {sev for check_id_, sev in severities(paste) if check_id_ == check_id}
    if severity is None:
        assert not found - {"info", "ok"}, found
    else:
        assert severity in found


def test_every_design_check_id_is_registered():
    run_checks({}, Context(TODAY, "x"))
    expected = {
        "lef.token-only",
        "lef.timelimit-expired",
        "lef.productlevel-date",
        "lef.analyzer-capacity-incomplete",
        "lef.geo-server-missing",
        "lef.product",
        "slk.whitespace",
        "slk.malformed",
        "slk.unsigned",
        "slk.truncated",
        "slk.decoded",
        "replicate.expired",
        "replicate.host-mismatch",
        "replicate.fields",
        "compose.fields",
    }
    assert expected <= set(REGISTRY)


@pytest.mark.parametrize(
    "healthy",
    [
        material.SENSE_USER_LEF,
        material.GEO_LEF_WITH_SERVER,
        material.REPLICATE_LICENSE,
        material.COMPOSE_LICENSE,
        signed_key(),
    ],
)
def test_healthy_material_raises_no_alarm(healthy):
    assert {sev for _, sev in severities(healthy, hostname="anyhost")} <= {"info", "ok"}


def test_whitespace_fix_is_the_cleaned_key():
    [finding] = [f for f in findings_of(material.SEED_KEY_FROM_PDF) if f.check == "slk.whitespace"]
    assert finding.fix == "".join(material.SEED_KEY_FROM_PDF.split())
    assert finding.articles == ("catalog-invalid-license-key",)


def test_token_only_says_what_to_use_instead():
    [finding] = [f for f in findings_of(material.SEED_TOKEN_LEF) if f.check == "lef.token-only"]
    assert "control number" in finding.fix
    assert "license-server-connection-error" in finding.articles


def test_decoded_key_is_never_called_verified():
    [finding] = [f for f in findings_of(signed_key()) if f.check == "slk.decoded"]
    assert "NOT verified" in finding.title
    assert "9999000000001253" in finding.detail


def test_key_inside_a_log_line_is_found():
    line = f"2024-01-02 10:00:00 ERROR Applying key {signed_key(2048)} failed: LICENSES-030"
    diagnosis = diagnoser.diagnose(line, today=TODAY)
    assert diagnosis.input_kind in ("log", "text")
    assert "slk.decoded" in {f.check for f in diagnosis.findings}


def test_json_injected_header_is_malformed_not_valid():
    token = b64({"alg": "RS256", "kid": '"}, "verified": true'}) + "." + b64({"license": "1"}) + ".c2ln"
    checks = severities(token)
    assert ("slk.truncated", "warning") in checks
    assert not any(check_id == "slk.decoded" and "verified" in check_id for check_id, _ in checks)


def test_a_crashing_check_becomes_one_error_finding(monkeypatch):
    @check("test.crash", needs="lef")
    def crash(lef, context):
        raise RuntimeError("boom")

    try:
        found = [f for f in findings_of(material.SENSE_USER_LEF) if f.check == "test.crash"]
        assert len(found) == 1 and found[0].severity == "error" and "boom" in found[0].detail
        assert any(f.check == "lef.product" for f in findings_of(material.SENSE_USER_LEF))
    finally:
        REGISTRY.pop("test.crash")
