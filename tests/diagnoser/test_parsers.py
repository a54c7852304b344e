"""Parsers: raw text in, facts out."""

from diagnoser.parsers.lef import find_inline_tags, parse_lef
from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.parsers.log import parse_log
from diagnoser.parsers.slk import find_key
from tests.diagnoser import keys, material

# --- LEF ---------------------------------------------------------------------------------------------------


def test_lef_keeps_header_apart_with_crlf_blanks_and_stray_spaces():
    lef = parse_lef(material.QLIKVIEW_EXPIRED_LEF)
    assert lef.header == ["9999000000004711", "12345"]
    assert lef.serial == "9999000000004711" and lef.control == "12345"
    assert [tag.name for tag in lef.tags] == ["PRODUCTLEVEL", "NUMBER_OF_NAMED_CALS", "TIMELIMIT"]
    named = lef.first("NUMBER_OF_NAMED_CALS")
    assert (named.value, named.valid_from, named.valid_to, named.line) == ("50", "", "", 5)
    assert lef.first("TIMELIMIT").valid_to == "2018-04-30"


def test_lef_serial_in_groups_of_four_and_licensee_lines():
    lef = parse_lef(material.QLIKVIEW_SERVER_LEF)
    assert lef.serial == "9999 0000 0000 4711"
    assert lef.header[1:] == ["Acme Corporation", "Acme Corporation"]


def test_lef_labelled_serial_and_control():
    lef = parse_lef("Serial Number: 9999 0000 0000 1253\nControl Number: 12345\nPRODUCTLEVEL;50;;\n")
    assert (lef.serial, lef.control) == ("9999 0000 0000 1253", "12345")


def test_lef_seed_token_license():
    lef = parse_lef(material.SEED_TOKEN_LEF)
    assert lef.header == ["00000000000000"] and lef.serial == "00000000000000"
    assert [(t.name, t.value, t.valid_to) for t in lef.tags] == [
        ("OVERAGE", "NO", ""),
        ("PRODUCTLEVEL", "50", "2020-12-31"),
        ("SPECIAL_EDITION", "TEST", ""),
        ("TEST_EDITION", "YES", ""),
        ("TOKENS", "3000", ""),
    ]


def test_a_sentence_that_starts_with_a_tag_is_not_a_tag_line():
    lef = parse_lef("PRODUCTLEVEL;90;; in the GeoAnalytics LEF - is that one SLK?")
    assert lef.tags == []


def test_lef_indented_quoted_and_spaced_around_semicolons():
    lef = parse_lef("    > PRODUCTLEVEL ; 50 ; ; 2027-12-31\n\t TOKENS;3000;;;\n`GEO_SERVER;YES;;`\n")
    assert [(t.name, t.value, t.valid_to) for t in lef.tags] == [
        ("PRODUCTLEVEL", "50", "2027-12-31"),
        ("TOKENS", "3000", ""),
        ("GEO_SERVER", "YES", ""),
    ]


def test_lef_unknown_and_repeated_tags_are_kept_in_order():
    lef = parse_lef("PRODUCTLEVEL;50;;\nSOMETHING_NEW;X;;\nTOKENS;1;;\nTOKENS;2;;\n")
    assert [tag.name for tag in lef.tags] == ["PRODUCTLEVEL", "SOMETHING_NEW", "TOKENS", "TOKENS"]
    assert [tag.value for tag in lef.all("TOKENS")] == ["1", "2"]
    assert lef.repeated == ["TOKENS"]


def test_lef_lines_after_the_tags_are_kept_apart():
    lef = parse_lef("123456789012345\nPRODUCTLEVEL;50;;\nA1B2C3D4E5F6\n")
    assert lef.header == ["123456789012345"]
    assert lef.other_lines == ["A1B2C3D4E5F6"]


def test_lef_without_header():
    lef = parse_lef("PRODUCTLEVEL;90;;2027-01-01\r\nGEO_SERVER;YES;;\r\n")
    assert lef.header == [] and lef.serial is None and len(lef.tags) == 2


def test_lef_tags_quoted_in_a_sentence():
    lef = find_inline_tags(
        "We have PRODUCTLEVEL;10;;2018-04-30 and\nTIMELIMIT;;;2018-04-30, since (GEO_SERVER;NO;;)."
    )
    assert [(t.name, t.value, t.valid_to, t.line) for t in lef.tags] == [
        ("PRODUCTLEVEL", "10", "2018-04-30", 1),
        ("TIMELIMIT", "", "2018-04-30", 2),
        ("GEO_SERVER", "NO", "", 2),
    ]


def test_no_lef_tags_in_ordinary_semicolons():
    assert find_inline_tags("a;b;c;d ABC;1;2;3 x;PRODUCTLEVEL;;1 SELECT a;b;c;d") is None


# --- license.txt -------------------------------------------------------------------------------------------


def test_license_txt_splits_on_the_first_equals_only():
    parsed = parse_license_txt(material.REPLICATE_LICENSE)
    assert parsed.fields["features"] == "log_stream=yes;file_channel=yes"
    assert parsed.fields["checksum"] == "9f8e7d6c5b4a3f2e1d0c=="


def test_license_txt_bom_crlf_comment_order_and_empty_values():
    parsed = parse_license_txt(material.REPLICATE_LICENSE)
    assert list(parsed.fields)[:3] == ["license_type", "licensed_to", "licensed_by"]
    assert parsed.fields["hosts"] == ""
    assert all("\r" not in value for value in parsed.fields.values())
    assert parsed.other_lines == []  # the comment is not a field


def test_license_txt_quoted_in_an_email_reads_as_the_file():
    quoted = "\n".join("> " + line for line in material.REPLICATE_LICENSE.splitlines())
    assert parse_license_txt(quoted).fields == parse_license_txt(material.REPLICATE_LICENSE).fields
    assert parse_license_txt("> > features=a>b\n").fields == {"features": "a>b"}


def test_license_txt_values_verbatim_for_repctl():
    parsed = parse_license_txt("licensed_to=Acme Corp \nhosts=\n")
    assert [(entry.key, entry.value) for entry in parsed.entries] == [
        ("licensed_to", "Acme Corp "),
        ("hosts", ""),
    ]
    assert parsed.fields["licensed_to"] == "Acme Corp"


def test_license_txt_reports_duplicates_and_keeps_the_first_value():
    parsed = parse_license_txt("serial_no=1\nlicensed_to=A\nserial_no=2\nSERIAL_NO=3\n")
    assert parsed.duplicates == ["serial_no", "serial_no"]
    assert parsed.fields["serial_no"] == "1"
    assert len(parsed.entries) == 4


def test_license_txt_colon_only_for_known_fields():
    parsed = parse_license_txt("host_role: DEV\nnumber_of_dms: 5\nNote: call me at 10:30\nlicensed_to=X: Y\n")
    assert parsed.fields == {"host_role": "DEV", "number_of_dms": "5", "licensed_to": "X: Y"}
    assert parsed.other_lines == ["Note: call me at 10:30"]
    assert parsed.is_compose


def test_a_license_json_reads_as_its_license_txt():
    from diagnoser.convert import license_json_text

    parsed = parse_license_txt(license_json_text(material.REPLICATE_LICENSE))
    assert parsed.fields == parse_license_txt(material.REPLICATE_LICENSE).fields


# --- Signed License Key ------------------------------------------------------------------------------------


def test_the_seeds_key_broken_by_a_pdf_is_found_and_cleaned():
    key = find_key("Here is our key:\n" + material.SEED_KEY_FROM_PDF + " |\nthanks")
    assert key.had_whitespace and key.breaks_removed == 6
    assert key.cleaned == "".join(material.SEED_KEY_FROM_PDF.split())
    assert key.header == {"alg": "RS512", "typ": "JWT", "kid": "a337ad17-9587-4ca9-93b7-0b2b9e3e9b48"}
    assert key.claims == {"jti": "623aa9af-950f-47f7-8bf0-f4d39f42d96c", "license": material.SEED_KEY_LICENSE}
    assert key.signature_bytes == 247 and not key.problems


def test_a_key_inside_a_log_line():
    good = keys.signed_key()
    key = find_key(f"2024-01-02 10:00:00 ERROR Applying key {good}: LICENSES-030 failed")
    assert key.cleaned == good and not key.had_whitespace
    assert key.license_number == keys.LICENSE_NUMBER


def test_a_key_in_json_and_quotes():
    good = keys.signed_key()
    assert find_key(f'{{"signedKey":"{good}","cause":"Initial"}}').cleaned == good
    assert find_key(f"key '{good}'.").cleaned == good


def test_a_key_cut_short_on_a_line_of_its_own_is_found_and_said_to_be_cut_short():
    start = keys.signed_key()[:60]
    key = find_key(f"Customer forwarded this from the licensing email, what is it?\n{start}...")
    assert key is not None and key.cleaned == f"{start}..."
    assert key.problems == [
        'it ends with "...": only its start is here, it was cut short where it was copied'
    ]
    assert find_key(f"what is this?\n{start}\u2026").problems == key.problems


def test_a_key_broken_over_lines_inside_a_sentence():
    good = keys.signed_key(3072)
    text = "Hello, the key below is refused:\n\n" + keys.broken_like_a_pdf(good, 64) + "\n\nRegards, Bob"
    key = find_key(text)
    assert key.cleaned == good and key.had_whitespace


def test_the_next_log_line_is_not_taken_into_a_key():
    for good in (keys.signed_key(2048), keys.signed_key(3072, "RS256"), keys.signed_key(4096)):
        key = find_key(f"{good}\n2024-03-05 10:12:01.130 INFO next\nABCDEFGHIJKLMNOPQRSTUVWXYZ line")
        assert key.cleaned == good and not key.had_whitespace


def test_words_after_a_key_are_not_taken_into_it():
    good = keys.signed_key()
    assert find_key(f"{good} is my key").cleaned == good


def test_signature_sizes_for_rsa_keys():
    assert find_key(keys.signed_key(2048)).signature_bytes == 256
    assert find_key(keys.signed_key(3072, "RS256")).signature_bytes == 384
    assert find_key(keys.signed_key(4096)).signature_bytes == 512


def test_no_key_in_ordinary_text():
    assert find_key("There was an error when getting license information from the license server") is None
    assert find_key("eyJ alone is not a key") is None


# --- log ---------------------------------------------------------------------------------------------------


def test_log_facts_from_the_seeds_repository_log():
    facts = parse_log(material.LICENSE_SERVER_LOG + " core.error.code.INVALID_LICENSE_KEY_PROVIDED QB-17039")
    assert facts.error_codes == [
        "LICENSES-InternalServerError",
        "LICENSES-030",
        "core.error.code.INVALID_LICENSE_KEY_PROVIDED",
        "QB-17039",
    ]
    assert facts.mentions_license_host
    assert facts.urls == ["https://license.qlikcloud.com/v1/definitions/signed"]
    assert facts.license_urls == ["https://license.qlikcloud.com/"]


def test_log_host_port_and_named_license_host():
    facts = parse_log("dial tcp license.qlikcloud.com:443: i/o timeout via proxy.acme.local:8080 QV-23240")
    assert facts.host_ports == ["license.qlikcloud.com:443", "proxy.acme.local:8080"]
    assert facts.license_urls == ["https://license.qlikcloud.com/"]
    assert facts.error_codes == ["QV-23240"]


def test_log_only_the_host_name():
    assert parse_log("cannot reach license.qlikcloud.com").license_urls == ["https://license.qlikcloud.com/"]
    assert parse_log("Keyset does not exist").license_urls == []


def test_log_license_host_on_another_port():
    facts = parse_log("GET https://license.example.internal:8443/v1/x failed")
    assert facts.license_urls == ["https://license.example.internal:8443/"]
