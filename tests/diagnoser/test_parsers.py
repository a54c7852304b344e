import pytest

from diagnoser import recognise
from diagnoser.convert import NotALicense, import_commands, license_json
from diagnoser.parsers.lef import parse_lef
from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.parsers.log import parse_log
from diagnoser.parsers.slk import find_key
from diagnoser.redact import redact
from tests.diagnoser import material
from tests.diagnoser.keys import signed_key


def test_lef_keeps_header_apart_and_tolerates_crlf_blanks_spaces():
    lef = parse_lef(material.QLIKVIEW_SERVER_LEF)
    assert lef.header == ["9999000000004711", "8888"]
    assert [tag.name for tag in lef.tags] == ["PRODUCTLEVEL", "NAMED_CALS", "TIMELIMIT"]
    assert lef.first("NAMED_CALS").value == "50"
    assert lef.first("TIMELIMIT").valid_to == "2018-04-30"


def test_lef_unknown_tags_are_kept():
    assert parse_lef("PRODUCTLEVEL;50;;\nSOMETHING_NEW;X;;\n").has("SOMETHING_NEW")


def test_license_txt_splits_on_first_equals_and_keeps_order():
    parsed = parse_license_txt(material.REPLICATE_LICENSE)
    assert parsed.fields["features"] == "log_stream=yes;cdc=yes"
    assert parsed.fields["checksum"] == "9f8e7d6c5b4a=="
    assert parsed.fields["hosts"] == ""
    assert list(parsed.fields)[0] == "license_type"


def test_license_txt_reports_duplicates():
    assert parse_license_txt("serial_no=1\nserial_no=2\n").duplicates == ["serial_no"]


@pytest.mark.parametrize(
    ("paste", "kind"),
    [
        (material.SEED_TOKEN_LEF, "lef"),
        (material.QLIKVIEW_SERVER_LEF, "lef"),
        (material.SENSE_USER_LEF, "lef"),
        (material.REPLICATE_LICENSE, "replicate-license"),
        (material.COMPOSE_LICENSE, "compose-license"),
        (material.SEED_KEY_FROM_PDF, "slk"),
        (signed_key(), "slk"),
        ("2024-01-02 10:00:00 ERROR something failed\n2024-01-02 10:00:01 INFO ok", "log"),
        ("Only one license per product level is allowed", "text"),
        ("", "text"),
        ("\x00\x01\x02 binary", "text"),
    ],
)
def test_recognise(paste, kind):
    assert recognise(paste) == kind


def test_key_broken_by_a_pdf_is_found_and_cleaned():
    key = find_key("Here is our key:\n" + material.SEED_KEY_FROM_PDF + "\nthanks")
    assert key.had_whitespace
    assert key.header["alg"] == "RS512"
    assert key.claims["license"] == "9999000000001253"
    assert key.signature_bytes == 247


def test_log_facts():
    facts = parse_log(
        'LicenseDefinition: {"errors":[{"code":"LICENSES-030","title":"Post \\"https://license.qlikcloud.com/v1/'
        'definitions/signed\\": context deadline exceeded"}]} core.error.code.INVALID_LICENSE_KEY_PROVIDED QB-17039'
    )
    assert facts.error_codes == ["LICENSES-030", "core.error.code.INVALID_LICENSE_KEY_PROVIDED", "QB-17039"]
    assert facts.mentions_license_host
    assert facts.urls == ["https://license.qlikcloud.com/v1/definitions/signed"]


def test_license_json_loses_nothing():
    converted = license_json(material.REPLICATE_LICENSE)["cmd.license"]
    assert converted == parse_license_txt(material.REPLICATE_LICENSE).fields
    assert converted["features"] == "log_stream=yes;cdc=yes" and converted["hosts"] == ""


def test_not_a_license_is_refused():
    with pytest.raises(NotALicense):
        license_json("hello world")


def test_import_commands_cover_windows_and_linux():
    commands = import_commands("/tmp/license.json")
    assert "repctl.exe connect" in commands
    assert "importlicense license_file=/tmp/license.json" in commands
    assert "repctl.sh" in commands


SECRETS = ["60012345", "9f8e7d6c5b4a==", "9999000000001253", "1234 5678 9012 3456"]


def test_redaction_removes_planted_secrets():
    key = signed_key()
    signature = key.split(".")[2]
    text = "\n".join(
        [
            material.REPLICATE_LICENSE,
            material.SENSE_USER_LEF,
            f"license number: {SECRETS[3]}",
            key,
            material.SEED_KEY_FROM_PDF,
        ]
    )
    redacted = redact(text)
    for secret in [*SECRETS, signature, "VlNitxmcm8OoUrR_ZIk8VuOkoz"]:
        assert secret not in redacted
    assert "PRODUCTLEVEL;50;;2099-12-31" in redacted
    assert key.split(".")[0] in redacted
