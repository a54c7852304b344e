"""LEF checks: a table of (input, expected findings) per check, failing and passing cases side by side."""

from datetime import date

import pytest

from tests.diagnoser import material
from tests.diagnoser.runner import run_check, severities

M = material

TOKEN_ONLY = [
    ("the seed's token license", M.SEED_TOKEN_LEF, ["error"]),
    ("token license, current date", M.TOKEN_LEF, ["error"]),
    ("token license without header, CRLF", M.TOKEN_LEF.split("\n", 1)[1].replace("\n", "\r\n"), ["error"]),
    ("tokens with login/user access passes are still tokens", M.TOKEN_LEF + "LOGIN_ACCESS;10;;\n", ["error"]),
    ("user-based Sense", M.SENSE_USER_LEF, []),
    ("tokens and professional users", M.TOKEN_LEF + "PROFESSIONAL;5;;\n", []),
    ("tokens and analyzer capacity", M.TOKEN_LEF + "ANALYZER_TIME;1000;;\nANALYZER_TIME_UNIT;6;;\n", []),
    ("tokens and QlikView CALs", M.TOKEN_LEF + "NUMBER_OF_NAMED_CALS;10;;\n", []),
    ("zero professional users allocate nobody", M.TOKEN_LEF + "PROFESSIONAL;0;;\n", ["error"]),
    ("zero tokens", M.SENSE_USER_LEF.replace("PROFESSIONAL;25;;", "TOKENS;0;;"), []),
    ("QlikView Server", M.QLIKVIEW_SERVER_LEF, []),
    ("GeoAnalytics", M.GEO_LEF, []),
]

TIMELIMIT = [
    ("the seed's TIMELIMIT;;;2018-04-30", M.QLIKVIEW_EXPIRED_LEF, ["error"]),
    ("yesterday", "PRODUCTLEVEL;10;;\nTIMELIMIT;;;2026-11-27\n", ["error"]),
    ("today is still valid", "PRODUCTLEVEL;10;;\nTIMELIMIT;;;2026-11-28\n", []),
    ("future", M.SENSE_USER_LEF, []),
    ("empty TIMELIMIT", M.QLIKVIEW_SERVER_LEF, []),
    ("no TIMELIMIT", M.GEO_LEF, []),
    ("date in the value column", "PRODUCTLEVEL;10;;\nTIMELIMIT;2020-01-31;;\n", ["error"]),
    ("an extension wins over an old limit", "TIMELIMIT;;;2020-01-01\nTIMELIMIT;;;2027-01-01\n", []),
]

PRODUCTLEVEL_DATE = [
    ("the seed's PRODUCTLEVEL;3;;2018-04-30", "PRODUCTLEVEL;3;;2018-04-30\n", ["warning"]),
    ("the seed's token LEF (2020-12-31)", M.SEED_TOKEN_LEF, ["warning"]),
    ("expired QlikView", M.QLIKVIEW_EXPIRED_LEF, ["warning"]),
    ("future", M.SENSE_USER_LEF, []),
    ("no date", "PRODUCTLEVEL;50;;\nPROFESSIONAL;1;;\n", []),
]

ANALYZER_CAPACITY = [
    ("no unit", M.SENSE_CAPACITY_LEF.replace("ANALYZER_TIME_UNIT;6;;\n", ""), ["error"]),
    ("no time", M.SENSE_CAPACITY_LEF.replace("ANALYZER_TIME;1000;;\n", ""), ["error"]),
    (
        "unit without a value",
        M.SENSE_CAPACITY_LEF.replace("ANALYZER_TIME_UNIT;6;;", "ANALYZER_TIME_UNIT;;;"),
        ["error"],
    ),
    ("both, as the seed shows", M.SENSE_CAPACITY_LEF, []),
    ("neither", M.SENSE_USER_LEF, []),
]

GEO_SERVER = [
    ("GeoAnalytics without GEO_SERVER", M.GEO_LEF_WITHOUT_SERVER, ["error"]),
    ("GEO_SERVER;NO;;", M.GEO_LEF.replace("GEO_SERVER;YES;;", "GEO_SERVER;NO;;"), ["error"]),
    ("GEO_SERVER;YES;;", M.GEO_LEF, []),
    ("lower-case yes", M.GEO_LEF.replace("GEO_SERVER;YES;;", "GEO_SERVER;yes;;"), []),
    ("not GeoAnalytics", M.SENSE_USER_LEF, []),
    ("NPrinting", M.NPRINTING_LEF, []),
]

PRODUCT = [
    ("QlikView Server", M.QLIKVIEW_SERVER_LEF, ["info"]),
    ("Sense", M.SENSE_USER_LEF, ["info"]),
    ("unknown level", "PRODUCTLEVEL;77;;\nTOKENS;1;;\n", ["info"]),
    ("no PRODUCTLEVEL", "TOKENS;1;;\nOVERAGE;NO;;\n", []),
]

TABLES = [
    ("lef.token-only", TOKEN_ONLY),
    ("lef.timelimit-expired", TIMELIMIT),
    ("lef.productlevel-date", PRODUCTLEVEL_DATE),
    ("lef.analyzer-capacity-incomplete", ANALYZER_CAPACITY),
    ("lef.geo-server-missing", GEO_SERVER),
    ("lef.product", PRODUCT),
]
CASES = [
    pytest.param(check_id, lef, expected, id=f"{check_id}: {name}")
    for check_id, table in TABLES
    for name, lef, expected in table
]


@pytest.mark.parametrize(("check_id", "lef", "expected"), CASES)
def test_lef_check(check_id, lef, expected):
    assert severities(check_id, lef) == expected


def test_token_only_says_what_to_use_instead_and_links_its_articles():
    [finding] = run_check("lef.token-only", M.SEED_TOKEN_LEF)
    assert "license number (serial) and control number instead of a Signed License Key" in finding.fix
    # the seed says so in the connection error article; the product-level table only lists the method
    assert finding.articles == ("license-server-connection-error",)
    assert "TOKENS;3000;;" in finding.detail


def test_timelimit_names_the_date_and_whom_to_contact():
    [finding] = run_check("lef.timelimit-expired", M.QLIKVIEW_EXPIRED_LEF)
    assert "2018-04-30" in finding.title
    assert "account owner" in finding.fix and "partner" in finding.fix
    assert finding.articles == ("qlikview-unable-to-acquire-license",)


def test_dates_follow_the_injected_today():
    lef = "PRODUCTLEVEL;10;;2025-06-30\nTIMELIMIT;;;2025-06-30\n"
    assert severities("lef.timelimit-expired", lef, today=date(2025, 6, 30)) == []
    assert severities("lef.timelimit-expired", lef, today=date(2025, 7, 1)) == ["error"]
    assert severities("lef.productlevel-date", lef, today=date(2025, 7, 1)) == ["warning"]


def test_productlevel_date_links_the_unable_to_acquire_article():
    [finding] = run_check("lef.productlevel-date", "PRODUCTLEVEL;3;;2018-04-30\n")
    assert finding.articles == ("qlikview-unable-to-acquire-license",)
    assert "2018-04-30" in finding.title


def test_analyzer_capacity_names_the_missing_tag():
    [finding] = run_check(
        "lef.analyzer-capacity-incomplete", M.SENSE_CAPACITY_LEF.replace("ANALYZER_TIME_UNIT;6;;\n", "")
    )
    assert "ANALYZER_TIME_UNIT" in finding.title
    assert finding.articles == ("analyzer-capacity-missing-minutes",)


def test_geo_server_fix_names_the_tag():
    [finding] = run_check("lef.geo-server-missing", M.GEO_LEF_WITHOUT_SERVER)
    assert "GEO_SERVER;YES;;" in finding.fix
    assert finding.articles == ("geoanalytics-lef-server-permission",)


@pytest.mark.parametrize(
    ("lef", "title_has", "detail_has"),
    [
        (M.TOKEN_LEF, "Qlik Sense Tokens", "License & Control LEF"),
        (M.SENSE_USER_LEF, "Qlik Sense Client Managed", "QLS / SLK"),
        (M.QLIKVIEW_SERVER_LEF, "QlikView Server", "Named user / Document / Session CALs"),
        (M.GEO_LEF, "GeoAnalytics Server", "SLK from May 2021"),
        (M.NPRINTING_LEF, "NPrinting", "Prior to Feb 2020"),
        ("PRODUCTLEVEL;3;;\n", "QlikView Desktop", "Desktop License"),
        ("PRODUCTLEVEL;95;;\n", "Qlik Catalog", "September 2020 onwards"),
        ("PRODUCTLEVEL;77;;\n", "not in the product-level table", "live chat"),
    ],
)
def test_product_names_the_product_and_its_activation(lef, title_has, detail_has):
    [finding] = run_check("lef.product", lef)
    assert title_has in finding.title
    assert detail_has in finding.detail
    assert finding.articles == ("product-levels-activation-methods",)


def test_product_picks_the_row_the_tags_point_at():
    [tokens] = run_check("lef.product", M.TOKEN_LEF)
    assert tokens.title == "PRODUCTLEVEL 50: Qlik Sense Tokens"
    assert "Other products at this level" in tokens.detail
    [cores] = run_check("lef.product", "PRODUCTLEVEL;50;;\nNUMBER_OF_CORES;8;;\n")
    assert "Core based" in cores.detail.splitlines()[0]


def test_a_lef_without_analyzer_capacity_tags_is_incomplete_when_the_paste_says_it_was_bought():
    said = "We bought Analyzer Capacity last month but there are no minutes. Our LEF:\n" + M.SENSE_USER_LEF
    [finding] = run_check("lef.analyzer-capacity-incomplete", M.SENSE_USER_LEF, paste=said)
    assert finding.severity == "error"
    assert "neither ANALYZER_TIME nor ANALYZER_TIME_UNIT" in finding.title
    assert finding.articles == ("analyzer-capacity-missing-minutes",)
    assert (
        run_check("lef.analyzer-capacity-incomplete", M.SENSE_USER_LEF, paste="Our LEF:\n" + M.SENSE_USER_LEF)
        == []
    )


def test_a_log_asking_for_analyzer_time_makes_a_lef_without_it_incomplete():
    log = '{"level":"warn","msg":"allotment analyzer_time not present in license definition"}\n'
    [finding] = run_check("lef.analyzer-capacity-incomplete", M.SENSE_USER_LEF, paste=log + M.SENSE_USER_LEF)
    assert finding.articles == ("analyzer-capacity-missing-minutes",)
    said = "Where do I see analyser minutes? Our LEF:\n" + M.SENSE_USER_LEF
    assert len(run_check("lef.analyzer-capacity-incomplete", M.SENSE_USER_LEF, paste=said)) == 1
    timed = "We changed the time zone of the analyzer server. Our LEF:\n" + M.SENSE_USER_LEF
    assert run_check("lef.analyzer-capacity-incomplete", M.SENSE_USER_LEF, paste=timed) == []
