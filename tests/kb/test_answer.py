"""The answer joins the diagnoser's findings with the matches: findings raise the articles they link."""

from datetime import date

from kb.answer import answer

SERVER_ERROR = "There was an error when getting license information from the license server"
TOKEN_LEF = "00000000000000\nOVERAGE;NO;;\nPRODUCTLEVEL;50;;2020-12-31\nSPECIAL_EDITION;TEST;;\nTEST_EDITION;YES;;\nTOKENS;3000;;\n"
TODAY = date(2026, 11, 28)


def test_token_only_lef_with_the_server_error_puts_the_connection_article_first(bundled_kb):
    result = answer(bundled_kb, SERVER_ERROR + "\n" + TOKEN_LEF, today=TODAY)
    assert result.input_kind == "lef"
    assert "lef.token-only" in {finding.check for finding in result.findings}
    best = result.best
    assert best.article.id == "license-server-connection-error"
    assert "lef.token-only" in best.why


def test_a_problem_finding_outranks_an_information_finding(bundled_kb):
    lef = "9999000000001253\n1234\nPRODUCTLEVEL;50;;2099-12-31\nPROFESSIONAL;10;;\nANALYZER_TIME;1000;;\n"
    result = answer(bundled_kb, lef, today=TODAY)
    ids = [match.article.id for match in result.matches]
    assert ids[0] == "analyzer-capacity-missing-minutes"
    assert "product-levels-activation-methods" in ids


def test_a_finding_names_its_article_and_says_why(bundled_kb):
    lef = "9999000000009090\n1111\nPRODUCTLEVEL;90;;2099-12-31\nGEO_USERS;10;;\n"
    result = answer(bundled_kb, lef, today=TODAY)
    assert result.best.article.id == "geoanalytics-lef-server-permission"
    assert "check lef.geo-server-missing" in result.best.why


def test_among_articles_a_finding_raises_alike_its_first_comes_first(bundled_kb):
    # A key cut short: slk.malformed points at the overview (what a key is made of), then at the Catalog
    # invalid-key article; neither is matched by the words, so both score the same.
    result = answer(bundled_kb, "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImEzMzdhZDE3", today=TODAY)
    first, second = result.matches[:2]
    assert [first.article.id, second.article.id] == [
        "signed-license-key-overview",
        "catalog-invalid-license-key",
    ]
    assert first.score == second.score


def test_among_linked_articles_alike_the_one_closer_to_the_words_comes_first(bundled_kb):
    from kb.search import Boost

    boosts = {
        "purchase-qlik-cloud": Boost(25.0, "check x: y", place=0),
        "purchase-replicate-compose-em": Boost(25.0, "check x: y", place=1),
    }
    first, second = bundled_kb.search("zzz qlik compose", boosts=boosts)
    assert first.score == second.score
    assert first.article.id == "purchase-replicate-compose-em"


def test_a_linked_article_is_offered_even_without_matching_words(bundled_kb):
    from kb.search import Boost

    (match,) = bundled_kb.search("zzz", boosts={"purchase-qlik-cloud": Boost(25.0, "check x: y")})
    assert match.article.id == "purchase-qlik-cloud"
    assert match.why == "check x: y"


def test_information_about_a_lef_tag_quoted_in_a_reported_error_is_no_answer_by_itself(bundled_kb):
    paste = (
        "Our license is fine (PRODUCTLEVEL;50;;2026-12-31, PROFESSIONAL;30;;) but the nightly reload task fails:\n"
        "2025-11-28 03:00:22 Error: Field 'CustomerID' not found\n"
        "2025-11-28 03:00:22 Execution Failed"
    )
    result = answer(bundled_kb, paste, today=TODAY)
    assert "lef.product" in {finding.check for finding in result.findings}
    assert result.matches == []
    # asked about, the level is what the paste is about
    asked = answer(bundled_kb, "our LEF says PRODUCTLEVEL;10;; what product is that", today=TODAY)
    assert asked.best.article.id == "product-levels-activation-methods"


def test_what_the_paste_says_is_wrong_comes_before_what_a_check_infers(bundled_kb):
    from tests.diagnoser import keys

    key = keys.signed_key()
    short_signature = key[: key.rindex(".") + 1 + 128]
    paste = (
        f"We use the same key on our Windows site and a Kubernetes site:\n{short_signature}\n"
        "Do user assignments carry across both sites?"
    )
    result = answer(bundled_kb, paste, today=TODAY)
    assert ("slk.truncated", "warning") in {(finding.check, finding.severity) for finding in result.findings}
    ids = [match.article.id for match in result.matches]
    assert ids[:2] == ["signed-license-key-overview", "catalog-invalid-license-key"]
    # the key alone: the finding's article is the answer, at its full points
    alone = answer(bundled_kb, short_signature, today=TODAY)
    assert alone.best.article.id == "catalog-invalid-license-key" and alone.best.score == 75.0


def test_json_of_an_answer_has_the_contract_shape(bundled_kb):
    payload = answer(bundled_kb, TOKEN_LEF, today=TODAY).to_dict()
    assert set(payload) == {"input_kind", "findings", "matches"}
    assert all(
        set(finding) == {"check", "severity", "title", "detail", "fix", "articles"}
        for finding in payload["findings"]
    )
    assert all(set(match) == {"id", "title", "score", "why"} for match in payload["matches"])


# In other words than any article's: no match, but the right article is the closest.
AUTHORING_APP = (
    "Can our analysts keep using the free Windows authoring app if we only have the cheap SaaS business tier "
    "and no on-prem server? How do they tie it to our tenant?"
)


def test_when_nothing_matches_the_closest_articles_are_offered_but_not_as_matches(bundled_kb):
    result = answer(bundled_kb, AUTHORING_APP, today=TODAY)
    assert result.matches == []
    assert result.closest[0].article.id == "sense-desktop-authentication"
    assert all(40.0 <= match.score < 54.0 for match in result.closest)
    assert "closest" not in result.to_dict()


def test_no_closest_articles_for_an_unrelated_paste_or_another_vendors_product(bundled_kb):
    assert (
        answer(bundled_kb, 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space').closest
        == []
    )
    assert answer(bundled_kb, "Tableau Server: license activation fails behind a proxy").closest == []
    assert answer(bundled_kb, SERVER_ERROR).closest == []


def test_a_no_match_names_each_other_product_once(bundled_kb):
    result = answer(
        bundled_kb, "FLEXnet Licensing error:-15,10\nFeature: MATLAB\nFlexNet Licensing error:-15,10"
    )
    assert (
        result.no_match_reason == "The paste is about FLEXnet and MATLAB, which none of the articles cover."
    )


def test_a_lef_pasted_after_saying_analyzer_capacity_was_bought_answers_with_the_missing_minutes_article(
    bundled_kb,
):
    lef = "9999000055556666\nACME\nPRODUCTLEVEL;50;;\nPROFESSIONAL;25;;\nANALYZER;100;;\nOVERAGE;NO;;\n"
    result = answer(
        bundled_kb, "We purchased analyzer capacity last month, this is our LEF:\n" + lef, today=TODAY
    )
    assert "lef.analyzer-capacity-incomplete" in [finding.check for finding in result.findings]
    assert result.best.article.id == "analyzer-capacity-missing-minutes"
