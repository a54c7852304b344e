"""Replicate / Compose license.txt checks: (input, expected findings) tables, failing and passing side by side."""

from datetime import date

import pytest

from tests.diagnoser import material
from tests.diagnoser.runner import run_check, severities

M = material
EXPIRED = M.REPLICATE_LICENSE.replace("expiration_date=2027-12-31", "expiration_date=2024-01-31")

EXPIRED_CASES = [
    ("expired permanent license", EXPIRED, ["error"]),
    ("expired evaluation license", M.REPLICATE_EVALUATION_EXPIRED, ["error"]),
    ("expired yesterday", M.REPLICATE_LICENSE.replace("2027-12-31", "2026-11-27"), ["error"]),
    ("US date format", M.REPLICATE_LICENSE.replace("2027-12-31", "01/31/2024"), ["error"]),
    ("expires today: still valid", M.REPLICATE_LICENSE.replace("2027-12-31", "2026-11-28"), []),
    ("future", M.REPLICATE_LICENSE, []),
    (
        "no expiration date (permanent)",
        M.REPLICATE_LICENSE.replace("expiration_date=2027-12-31", "expiration_date="),
        [],
    ),
    ("Compose, future", M.COMPOSE_LICENSE, []),
]

HOST_CASES = [
    # (name, license, hostname, expected)
    ("this host not listed", M.REPLICATE_EVALUATION_EXPIRED, "laptop42", ["warning"]),
    ("listed, fully qualified", M.REPLICATE_EVALUATION_EXPIRED, "repsrv1.acme.local", []),
    ("listed, short name", M.REPLICATE_EVALUATION_EXPIRED, "REPSRV2", []),
    (
        "another domain's host of the same name",
        M.REPLICATE_EVALUATION_EXPIRED,
        "repsrv1.other.example",
        ["warning"],
    ),
    ("hosts= blank means any host", M.REPLICATE_LICENSE, "laptop42", []),
    ("hosts=* means any host", M.REPLICATE_LICENSE.replace("hosts=", "hosts=*"), "laptop42", []),
    (
        "hosts separated by semicolons",
        M.REPLICATE_LICENSE.replace("hosts=", "hosts=a; laptop42"),
        "laptop42",
        [],
    ),
    ("no host name known", M.REPLICATE_EVALUATION_EXPIRED, "", []),
]

FIELD_CASES = [
    ("a complete license", M.REPLICATE_LICENSE, ["info"]),
    ("a complete Compose license", M.COMPOSE_LICENSE, ["info"]),
    ("checksum missing", M.REPLICATE_LICENSE.replace("checksum=", "checksun="), ["warning", "info"]),
    ("serial_no missing", M.REPLICATE_LICENSE.replace("serial_no=60012345\r\n", ""), ["warning", "info"]),
    ("a repeated key", M.REPLICATE_LICENSE + "licensed_to=Someone Else\n", ["warning", "info"]),
]

COMPOSE_CASES = [
    ("Compose", M.COMPOSE_LICENSE, ["info"]),
    ("Compose in the seed's key: value form", M.COMPOSE_LICENSE_PROSE, ["info"]),
    ("Replicate", M.REPLICATE_LICENSE, []),
]


@pytest.mark.parametrize(
    ("license_txt", "expected"), [pytest.param(*case[1:], id=case[0]) for case in EXPIRED_CASES]
)
def test_replicate_expired(license_txt, expected):
    assert severities("replicate.expired", license_txt) == expected


@pytest.mark.parametrize(
    ("license_txt", "hostname", "expected"), [pytest.param(*c[1:], id=c[0]) for c in HOST_CASES]
)
def test_replicate_host_mismatch(license_txt, hostname, expected):
    assert severities("replicate.host-mismatch", license_txt, hostname=hostname) == expected


@pytest.mark.parametrize(
    ("license_txt", "expected"), [pytest.param(*case[1:], id=case[0]) for case in FIELD_CASES]
)
def test_replicate_fields(license_txt, expected):
    assert severities("replicate.fields", license_txt) == expected


@pytest.mark.parametrize(
    ("license_txt", "expected"), [pytest.param(*case[1:], id=case[0]) for case in COMPOSE_CASES]
)
def test_compose_fields(license_txt, expected):
    assert severities("compose.fields", license_txt) == expected


def test_expired_says_whom_to_contact_and_how_the_license_arrives():
    [finding] = run_check("replicate.expired", EXPIRED)
    assert "2024-01-31" in finding.title
    assert "account owner" in finding.fix and "sales office" in finding.fix
    assert "license.txt" in finding.fix and "email" in finding.fix and "Support Portal" in finding.fix
    assert finding.articles == ("purchase-replicate-compose-em", "license-txt-fields")


def test_expired_follows_the_injected_today():
    assert severities("replicate.expired", M.REPLICATE_LICENSE, today=date(2028, 1, 1)) == ["error"]
    assert severities("replicate.expired", EXPIRED, today=date(2024, 1, 1)) == []


def test_evaluation_is_named_as_such():
    [finding] = run_check("replicate.expired", M.REPLICATE_EVALUATION_EXPIRED)
    assert "evaluation license" in finding.title


def test_host_mismatch_names_the_machine_and_the_allowed_hosts():
    [finding] = run_check("replicate.host-mismatch", M.REPLICATE_EVALUATION_EXPIRED, hostname="laptop42")
    assert "laptop42" in finding.title
    assert "repsrv1.acme.local, repsrv2.acme.local" in finding.detail
    assert finding.articles == ("license-txt-fields",)


def test_fields_explain_each_field_and_never_show_secrets():
    [info] = run_check("replicate.fields", M.REPLICATE_LICENSE)
    assert "license_type=permanent  (evaluation or permanent)" in info.detail
    assert "hosts=  (host names on which Replicate may run; blank means any host)" in info.detail
    assert "60012345" not in info.detail and "9f8e7d6c5b4a3f2e1d0c" not in info.detail
    assert "kb convert" in info.fix
    assert info.articles == ("license-txt-fields", "replicate-import-license-cli")


def test_fields_warning_lists_what_is_missing_and_repeated():
    [warning, _] = run_check(
        "replicate.fields", M.REPLICATE_LICENSE.replace("checksum=", "checksun=") + "hosts=x\n"
    )
    assert "missing: checksum" in warning.detail
    assert "repeated: hosts" in warning.detail
    assert warning.articles == ("license-txt-fields", "replicate-import-license-cli")


def test_fields_mention_unknown_fields_without_alarm():
    [info] = run_check("replicate.fields", M.REPLICATE_LICENSE + "max_tasks=100\n")
    assert "max_tasks" in info.detail


def test_compose_fields_are_explained():
    [finding] = run_check("compose.fields", M.COMPOSE_LICENSE_PROSE)
    assert 'host_role=DEV  (DEV, TEST, PROD or "*" for all)' in finding.detail
    assert "number_of_developers=3" in finding.detail
    assert finding.articles == ("license-txt-fields",)


def test_compose_notes_developers_on_a_non_dev_host():
    text = M.COMPOSE_LICENSE.replace("number_of_developers=", "number_of_developers=4")
    [finding] = run_check("compose.fields", text)
    assert "host_role is PROD" in finding.detail
