"""diagnose(): recognise, parse, run the checks; no false alarms, crash containment, the Diagnosis fields."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diagnoser
import diagnoser.parsers.lef
from diagnoser.checks import REGISTRY, check, load_check_modules
from diagnoser.findings import SEVERITIES
from diagnoser.parsers.email import unquote
from tests.diagnoser import keys, material

M = material
REPO = Path(__file__).resolve().parents[2]
DESIGN_CHECK_IDS = {
    "lef.token-only", "lef.timelimit-expired", "lef.productlevel-date", "lef.analyzer-capacity-incomplete",
    "lef.geo-server-missing", "lef.product", "slk.whitespace", "slk.malformed", "slk.unsigned", "slk.truncated",
    "slk.decoded", "replicate.expired", "replicate.host-mismatch", "replicate.fields", "compose.fields",
}  # fmt: skip


def diagnose(text, hostname="replicate01"):
    return diagnoser.diagnose(text, today=M.TODAY, hostname=hostname)


def pairs(text, **kwargs):
    return sorted((finding.check, finding.severity) for finding in diagnose(text, **kwargs).findings)


def test_every_design_check_id_is_registered():
    load_check_modules()
    assert set(REGISTRY) >= DESIGN_CHECK_IDS


@pytest.mark.parametrize(
    ("paste", "expected"),
    [
        pytest.param(M.SENSE_USER_LEF, [("lef.product", "info")], id="Sense user-based LEF"),
        pytest.param(M.SENSE_CAPACITY_LEF, [("lef.product", "info")], id="Sense capacity LEF"),
        pytest.param(M.QLIKVIEW_SERVER_LEF, [("lef.product", "info")], id="QlikView Server LEF"),
        pytest.param(M.GEO_LEF, [("lef.product", "info")], id="GeoAnalytics LEF"),
        pytest.param(M.NPRINTING_LEF, [("lef.product", "info")], id="NPrinting LEF"),
        pytest.param(M.REPLICATE_LICENSE, [("replicate.fields", "info")], id="Replicate license.txt"),
        pytest.param(
            M.COMPOSE_LICENSE,
            [("compose.fields", "info"), ("replicate.fields", "info")],
            id="Compose license.txt",
        ),
        pytest.param(keys.signed_key(), [("slk.decoded", "info")], id="a good Signed License Key"),
        pytest.param(keys.signed_key(4096, "RS256"), [("slk.decoded", "info")], id="a good 4096-bit key"),
        pytest.param("Only one license per product level is allowed", [], id="a bare error message"),
    ],
)
def test_healthy_material_gives_no_alarm(paste, expected):
    assert pairs(paste, hostname="anyhost") == expected


@pytest.mark.parametrize(
    ("paste", "expected"),
    [
        pytest.param(
            M.SEED_TOKEN_LEF,
            [("lef.product", "info"), ("lef.productlevel-date", "warning"), ("lef.token-only", "error")],
            id="the seed's token LEF",
        ),
        pytest.param(
            M.QLIKVIEW_EXPIRED_LEF,
            [
                ("lef.product", "info"),
                ("lef.productlevel-date", "warning"),
                ("lef.timelimit-expired", "error"),
            ],
            id="the seed's expired QlikView LEF",
        ),
        pytest.param(
            M.GEO_LEF_WITHOUT_SERVER, [("lef.geo-server-missing", "error"), ("lef.product", "info")], id="Geo"
        ),
        pytest.param(
            M.SEED_KEY_FROM_PDF,
            [("slk.decoded", "info"), ("slk.truncated", "warning"), ("slk.whitespace", "error")],
            id="the seed's key from a PDF",
        ),
        pytest.param(
            M.REPLICATE_EVALUATION_EXPIRED,
            [
                ("replicate.expired", "error"),
                ("replicate.fields", "info"),
                ("replicate.host-mismatch", "warning"),
            ],
            id="an expired evaluation license on another host",
        ),
    ],
)
def test_broken_material_gives_exactly_its_findings(paste, expected):
    assert pairs(paste) == expected


def test_every_finding_is_well_formed():
    pastes = [
        M.SEED_TOKEN_LEF,
        M.QLIKVIEW_EXPIRED_LEF,
        M.SEED_KEY_FROM_PDF,
        M.REPLICATE_EVALUATION_EXPIRED,
        M.GEO_LEF_WITHOUT_SERVER,
        keys.unsigned_key(),
        "eyJhbGciOiJSUzI1NiJ9.bm90.c2ln",
        M.COMPOSE_LICENSE,
    ]
    for paste in pastes:
        for finding in diagnose(paste).findings:
            assert finding.severity in SEVERITIES
            assert finding.title and finding.articles and all(isinstance(a, str) for a in finding.articles)
            if finding.severity in ("error", "warning"):
                assert finding.fix, finding.check
            assert set(finding.to_dict()) == {"check", "severity", "title", "detail", "fix", "articles"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "QlikView says Unable to acquire valid license information; our LEF has PRODUCTLEVEL;10;;2018-04-30",
            [("lef.product", "info"), ("lef.productlevel-date", "warning")],
        ),
        ("Our LEF only has TOKENS;3000;; and the signed key fails", [("lef.token-only", "error")]),
        (
            "ERROR Error adding license LEF does not give server permissions PRODUCTLEVEL;90;;2027-01-01 "
            "GEO_SERVER;NO;;",
            [("lef.geo-server-missing", "error"), ("lef.product", "info")],
        ),
        # One tag quoted says nothing of the tags the file lacks.
        (
            "ERROR Error adding license LEF does not give server permissions PRODUCTLEVEL;90;;2027-01-01",
            [("lef.product", "info")],
        ),
        (
            "PRODUCTLEVEL;90;; in the GeoAnalytics LEF - is that one SLK or serial + control?",
            [("lef.product", "info")],
        ),
    ],
)
def test_lef_tags_quoted_in_a_sentence_or_log_are_checked(sentence, expected):
    assert pairs(sentence) == expected


@pytest.mark.parametrize(
    ("question", "title"),
    [
        # A product level named in prose.
        ("I inherited a license file that says PRODUCTLEVEL;95 at the top. What product is it?", "PRODUCTLEVEL 95: Qlik Catalog & QC for QVD"),
        ("what is product level 90? we also bought analyzer capacity", "PRODUCTLEVEL 90: GeoAnalytics Server"),
        ("Product-Level: 10, can it take a signed key?", "PRODUCTLEVEL 10: QlikView Server"),
        ("our LEF shows PRODUCTLEVEL;60 - which activation?", "PRODUCTLEVEL 60: NPrinting"),
        # A product of a level of its own, asked how it is activated.
        ("can NPrinting be activated with a signed license key?", "PRODUCTLEVEL 60: NPrinting"),
        ("Does the SAP connector support SLK or only a control number?", "PRODUCTLEVEL 80: SAP Connector"),
        ("how is Qlik Catalog for QVDs activated", "PRODUCTLEVEL 95: Qlik Catalog & QC for QVD"),
        ("GeoAnalytics Server and NPrinting: which can move to a signed key?", "PRODUCTLEVEL 90: GeoAnalytics Server"),
    ],
)  # fmt: skip
def test_a_product_level_asked_about_is_explained_and_nothing_more(question, title):
    """A level asked about is not a LEF: GEO_SERVER or ANALYZER_TIME missing from it means nothing."""
    findings = diagnose(question, hostname="").findings
    assert [(finding.check, finding.title) for finding in findings] == [("lef.product", title)]


def test_a_product_named_without_an_activation_question_gets_no_product_level():
    assert diagnose("NPrinting reports fail to distribute since Monday", hostname="").findings == []
    assert diagnose("GeoAnalytics maps load slowly", hostname="").findings == []


def test_tags_quoted_as_tag_and_value_are_checked():
    assert pairs("Customer has a token license (TOKENS;3000, PRODUCTLEVEL 50), the key fails", hostname="") == [
        ("lef.product", "info"), ("lef.token-only", "error"),
    ]  # fmt: skip
    assert diagnose("ticket PRODUCTLEVEL 1234 of the queue").findings == []
    assert diagnose("product level 5.5 of the plan").findings == []


def test_a_key_or_a_lef_forwarded_in_an_email_is_read_without_the_quote_markers():
    key = keys.signed_key()
    quoted_key = "Forwarded below\n" + "\n".join("> " + key[at : at + 60] for at in range(0, len(key), 60))
    diagnosis = diagnose(quoted_key)
    assert diagnosis.input_kind == "slk"
    assert diagnosis.cleaned_key == key  # without the markers and the breaks
    quoted_lef = "> > " + M.SEED_TOKEN_LEF.replace("\n", "\n> > ")
    assert pairs(quoted_lef) == pairs(M.SEED_TOKEN_LEF)
    one_quoted_line = "see the line below\n> it said no\nand more\nlines of mine"
    assert unquote(one_quoted_line) == one_quoted_line  # a quote is most of the lines, not one of them


def test_a_lef_flattened_onto_one_line_is_checked():
    assert pairs(" ".join(M.SEED_TOKEN_LEF.split())) == [
        ("lef.product", "info"), ("lef.productlevel-date", "warning"), ("lef.token-only", "error"),
    ]  # fmt: skip


def test_cleaned_key_is_offered_for_a_broken_key():
    diagnosis = diagnose(M.SEED_KEY_FROM_PDF)
    assert diagnosis.input_kind == "slk"
    assert diagnosis.cleaned_key == "".join(M.SEED_KEY_FROM_PDF.split())
    assert diagnose("eyJhbGciOiJSUzI1NiJ9.bm90.c2ln").cleaned_key is None  # malformed: nothing to offer


def test_a_license_key_inside_a_log_or_a_sentence_is_checked():
    broken = keys.broken_like_a_pdf(keys.signed_key(), 60)
    for paste in (
        f"2024-01-02 10:00:00 ERROR Applying key {keys.signed_key()} failed: LICENSES-030",
        f"Hi, the QMC refuses our key, can you help? It is\n{broken}\nThanks, Bob from IT",
    ):
        checks = {finding.check for finding in diagnose(paste).findings}
        assert "slk.decoded" in checks
    assert ("slk.whitespace", "error") in pairs(f"Hi, our key\n{broken}\nis refused, thanks a lot Bob")


def test_a_bearer_token_in_a_log_is_not_taken_for_a_license_key():
    bearer = keys.hmac_key({"sub": "acme\\bob", "iss": "qlik.api.internal"})
    log = f"2024-01-02 10:00:00 INFO Authorization: Bearer {bearer}\n2024-01-02 10:00:01 INFO ok"
    assert diagnose(log).findings == []


def test_a_keys_start_shown_cut_short_among_other_lines_is_not_checked_as_a_key():
    # a dialog copied as text: it shows the key's start only; the error under it is the problem
    dialog = (
        "Signed License Key\neyJhbGciOiJSUzUxMi...\nApply     Cancel\n"
        "The datetime property is too low for the following\nproperty: updated"
    )
    diagnosis = diagnose(dialog)
    assert diagnosis.input_kind == "log"
    assert diagnosis.findings == []
    # pasted alone (or with a sentence around it), the key cut short is what is wrong
    assert ("slk.malformed", "error") in pairs("eyJhbGciOiJSUzUxMi...")


def test_connection_urls_come_from_the_log():
    diagnosis = diagnose(M.LICENSE_SERVER_LOG)
    assert diagnosis.input_kind == "log"
    assert diagnosis.connection_urls == ["https://license.qlikcloud.com/"]
    assert diagnose("Unable to start License service. Keyset does not exist").connection_urls == []


def test_a_crashing_check_becomes_one_error_finding_naming_it():
    @check("test.crash", needs="lef")
    def crash(lef, context):
        raise RuntimeError("boom")

    try:
        findings = diagnose(M.SENSE_USER_LEF).findings
        crashed = [finding for finding in findings if finding.check == "test.crash"]
        assert len(crashed) == 1
        assert crashed[0].severity == "error"
        assert crashed[0].title == "check test.crash crashed: RuntimeError: boom"
        assert ("lef.product", "info") in {(f.check, f.severity) for f in findings}  # the others still ran
    finally:
        REGISTRY.pop("test.crash")


def test_a_check_returning_garbage_is_contained_too():
    @check("test.garbage", needs="slk")
    def garbage(key, context):
        return ["not a finding"]

    try:
        [crashed] = [f for f in diagnose(keys.signed_key()).findings if f.check == "test.garbage"]
        assert crashed.severity == "error" and "crashed" in crashed.title
    finally:
        REGISTRY.pop("test.garbage")


def test_a_check_whose_facts_are_absent_is_skipped():
    @check("test.needs-license", needs="license_txt")
    def needs_license(license_txt, context):
        raise AssertionError("must not run on a LEF")

    try:
        assert "test.needs-license" not in {f.check for f in diagnose(M.SENSE_USER_LEF).findings}
    finally:
        REGISTRY.pop("test.needs-license")


def test_a_crashing_parser_is_one_finding_not_a_crash(monkeypatch):
    def broken_parser(text):
        raise ValueError("parser defect")

    monkeypatch.setattr(diagnoser, "parse_lef", broken_parser)
    diagnosis = diagnose(M.SENSE_USER_LEF)
    assert diagnosis.input_kind == "lef"
    assert [(f.check, f.severity) for f in diagnosis.findings] == [("parse.lef", "error")]
    assert diagnoser.parsers.lef.parse_lef is not broken_parser


def test_hostname_defaults_to_this_machine(monkeypatch):
    monkeypatch.setattr(diagnoser.socket, "gethostname", lambda: "repsrv1")
    found = diagnoser.diagnose(M.REPLICATE_EVALUATION_EXPIRED, today=M.TODAY).findings
    assert "replicate.host-mismatch" not in {finding.check for finding in found}


@given(st.text(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_diagnose_never_raises(text):
    diagnosis = diagnose(text)
    assert all(finding.severity in SEVERITIES for finding in diagnosis.findings)


PIECES = ["https://", "http://", "[", "]", ":", "99999", "443", "license.", "qlikcloud.com", "/", "@", "eyJ",
          "eyJhbGciOiJSUzI1NiJ9", ".", " ", "\n", "\r\n", "=", ";", "PRODUCTLEVEL;90;;", "TOKENS;1;;", "serial_no=",
          "expiration_date=", "host_role: ", "2024-13-45", "99999999-99-99", "\u200b", "\x00", "A" * 30]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=120))
@settings(max_examples=400, deadline=None)
def test_diagnose_never_raises_on_license_and_url_shaped_junk(pieces):
    diagnosis = diagnose("".join(pieces))
    assert not [finding for finding in diagnosis.findings if "crashed" in finding.title]


def test_markup_and_broken_urls_do_not_crash():
    diagnosis = diagnose(
        "[link=https://example.invalid]y[/link] https://[::1 https://license.x:99999/ $error"
    )
    assert diagnosis.findings == [] and diagnosis.connection_urls == []


@pytest.mark.parametrize(
    "huge",
    [
        pytest.param("INFO all good\n" * 1_500_000 + M.LICENSE_SERVER_LOG, id="20 MB log"),
        pytest.param(("AeyJ " + "B" * 20 + " ") * 800_000, id="20 MB of key starts"),
        pytest.param(bytes(range(256)).decode("latin-1") * 80_000, id="20 MB of binary"),
    ],
)
def test_diagnose_is_fast_on_huge_pastes(huge):
    started = time.perf_counter()
    diagnose(huge)
    assert time.perf_counter() - started < 10.0


def test_diagnoser_never_imports_kb_or_textual():
    code = (
        "import sys, diagnoser, diagnoser.redact, diagnoser.convert;"
        "diagnoser.diagnose('PRODUCTLEVEL;50;;\\nTOKENS;1;;');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('kb', 'textual')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
