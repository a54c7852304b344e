"""Matching against the real bundled articles. New articles are covered without new code."""

import os
from pathlib import Path

import pytest
import yaml

from kb import KnowledgeBase, evidence, questions, search
from kb.evidence import MIN_SCORE
from kb.normalise import normalise, tokens

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def _verbatim_errors():
    for path in sorted(ARTICLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for error in data.get("errors") or []:
            yield pytest.param(data["id"], error, id=f"{data['id']}:{error[:40]}")


@pytest.mark.parametrize(("article_id", "error"), list(_verbatim_errors()))
def test_every_verbatim_error_finds_its_article_first(bundled_kb, article_id, error):
    matches = bundled_kb.search(error)
    assert matches, f"no match for {error!r}"
    best_ids = [match.article.id for match in matches if match.score == matches[0].score]
    assert article_id in best_ids, f"{error!r} -> {[(m.article.id, m.score) for m in matches]}"


def test_every_bundled_article_has_an_error_or_a_symptom(bundled_kb):
    assert len(bundled_kb) >= 19
    for article in bundled_kb:
        assert article.errors or article.symptoms, article.id


def test_error_inside_a_repository_trace_line_is_found(bundled_kb):
    line = (
        "20221117T101513.123+0100\tERROR\tQLIKSERVER1\tSystem.Repository.Repository.Core.Licensing.LicenseServer."
        "LicenseServerFacade\t29\t58250808-d4f0-40d8-ba4c-73290bc63979\tDOMAIN\\qvservice\tThere was an error when "
        "getting license information from the license service."
    )
    best = bundled_kb.search(line)[0]
    assert best.article.id in {"license-server-connection-error", "lost-license-assignments"}
    assert best.score == 100.0
    assert "found" in best.why


def test_error_in_200000_info_lines(bundled_kb):
    lines = [
        f"2024-03-0{n % 9 + 1} 12:00:{n % 60:02d},000 INFO Engine heartbeat {n} ok" for n in range(200_000)
    ]
    lines[150_000] = "2024-03-05 12:00:00,000 ERROR Error adding license LEF does not give server permissions"
    best = bundled_kb.search("\n".join(lines))[0]
    assert best.article.id == "geoanalytics-lef-server-permission"
    assert "line 150001" in best.why


def test_typo_still_matches(bundled_kb):
    best = bundled_kb.search("The datetime proprety is to low for the folowing property: updated")[0]
    assert best.article.id == "slk-datetime-property-too-low"


@pytest.mark.parametrize(
    "paste",
    [
        'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
        "npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree",
        "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nKeyError: 'user'",
        "2024-01-01 10:00:00.000  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080",
        "What is a good recipe for a chocolate cake?",
        "Docker Desktop asks us to buy a paid subscription. Is it free for a company with 300 employees?",
        "Oracle Database - Enterprise Manager Cloud Control\nSetup > Management Packs > Management Pack Access\n"
        "Diagnostics Pack   Tuning Pack   Licensed: No\nYou are not licensed to use this feature.",
        "SAP indirect access audit: a third-party system writes orders into SAP. Does that require extra named "
        "user licenses?",
        # the keyset error's exception with another message: another error
        "System.Security.Cryptography.CryptographicException: The system cannot find the file specified.\n"
        "   at System.Security.Cryptography.X509Certificates.X509Certificate2..ctor(String fileName)\n"
        "   at MyCompany.Api.Startup.ConfigureServices(IServiceCollection services)",
    ],
)
def test_unrelated_pastes_get_no_match(bundled_kb, paste):
    assert bundled_kb.search(paste) == []


def test_a_paste_that_names_our_product_beside_an_other_vendors_is_ours(bundled_kb):
    paste = "Our Replicate license expired, the task from Oracle Database to Snowflake stopped. How do we renew it?"
    assert bundled_kb.search(paste)[0].article.id == "purchase-replicate-compose-em"


def test_scores_are_bounded_and_sorted(bundled_kb):
    matches = bundled_kb.search("license server error token license proxy port 443")
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(MIN_SCORE <= score <= 100 for score in scores)


def test_error_strings_outrank_symptoms():
    from kb.article import Article

    by_symptom = Article(id="a", title="Alpha", resolution="r", symptoms=("keyset does not exist on start",))
    by_error = Article(id="b", title="Beta", resolution="r", errors=("Keyset does not exist",))
    knowledge_base = KnowledgeBase.from_articles([by_symptom, by_error])
    assert knowledge_base.search("Keyset does not exist")[0].article.id == "b"


def test_a_lef_tag_named_in_a_short_question_finds_its_article(bundled_kb):
    best = bundled_kb.search("is GEO_SERVER;YES;; required?")[0]
    assert best.article.id == "geoanalytics-lef-server-permission"


def test_a_json_log_is_answered_by_its_error_not_its_routine_lines(bundled_kb):
    log = "\n".join(
        [
            '{"level":"info","ts":"2023-04-03T05:10:01.540Z","caller":"sync/sync.go:204","msg":"assignment sync started"}',
            '{"level":"error","ts":"2023-04-03T05:30:01.550Z","caller":"license/license.go:301",'
            '"msg":"license disabled by backend","error":"license has been disabled; assignments removed"}',
        ]
    )
    assert bundled_kb.search(log)[0].article.id == "lost-license-assignments"


def test_a_generic_error_quoted_in_another_products_log_is_no_match(bundled_kb):
    docker = (
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": context deadline exceeded '
        "(Client.Timeout exceeded while awaiting headers)"
    )
    assert bundled_kb.search(docker) == []
    # The same error from the license service, or pasted alone, is this knowledge base's.
    qlik = 'Post "https://license.qlikcloud.com/v1/definitions/signed": ' + docker.split(": ", 2)[2]
    assert bundled_kb.search(qlik)[0].article.id == "license-server-connection-error"
    alone = "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
    assert bundled_kb.search(alone)[0].article.id == "license-server-connection-error"


def test_an_error_is_found_whole_only_on_word_boundaries():
    from kb.article import Article
    from kb.knowledge_base import KnowledgeBase

    def article(article_id: str, error: str) -> Article:
        return Article(id=article_id, title=article_id, resolution="r", errors=(error,))

    knowledge_base = KnowledgeBase.from_articles(
        [
            article("load", 'Load bookmark failed: Post "https://localhost:4242/v1/bookmark": EOF'),
            article("upload", 'Upload bookmark failed: Post "https://localhost:4242/v1/bookmark": EOF'),
            article("other", "The stream cannot be parsed: the session was terminated"),
        ]
    )
    line = 'ERROR Upload bookmark failed: Post "https://localhost:4242/v1/bookmark": EOF'
    scores = {match.article.id: match.score for match in knowledge_base.search(line)}
    assert scores["upload"] == 100.0
    assert scores.get("load", 0.0) < 100.0


def test_long_postings_reads_pick_what_sorted_reads_pick(monkeypatch):
    """A large knowledge base adds up long postings reads in a scratch array instead of sorting them: on
    the same articles and pastes both ways give the same answers, and the scratch array is zero after."""
    import numpy as np

    import kb.term_index as term_index
    from benchmarks.noisy import make_queries
    from benchmarks.synthetic import generate_articles

    articles = generate_articles(300, seed=7)
    knowledge_base = KnowledgeBase.from_articles(articles)
    pastes = [
        query.text for kind in ("single", "log20") for query in make_queries(articles, 40, kind, seed=7)
    ]

    def answers():
        return [[(m.article.id, m.score) for m in knowledge_base.search(paste)] for paste in pastes]

    monkeypatch.setattr(term_index, "SORTED_READ_LIMIT", 10**9)
    sorted_reads = answers()
    monkeypatch.setattr(term_index, "SORTED_READ_LIMIT", 0)
    scratch_reads = answers()
    assert scratch_reads == sorted_reads
    assert sum(map(bool, sorted_reads)) >= 70  # the pastes do find articles
    scratch = knowledge_base.index._scratch()
    assert not np.any(scratch.overlap_of)
    assert not np.any(scratch.weight_of) and not np.any(scratch.emphasis_of)


def test_a_fragment_of_generic_error_words_is_no_match_but_a_telling_fragment_is(bundled_kb):
    load_script_error = (
        "The following error occurred:\nField 'CustomerID' not found\nThe error occurred here:\n"
        "LOAD OrderID, CustomerID, Amount RESIDENT Orders_tmp\n"
        "Data has not been loaded. Please correct the error and try loading again."
    )
    assert bundled_kb.search(load_script_error) == []
    assert bundled_kb.search("Keyset does not exist")[0].article.id == "license-service-keyset-does-not-exist"


def test_a_line_alike_an_error_only_in_generic_words_is_not_that_error(bundled_kb):
    # As long as "There was an error when getting license information from the license service" and
    # alike in its first words, but about nothing of ours.
    assert bundled_kb.search("There was an error while performing this operation.") == []
    misspelt = bundled_kb.search("There was an eror when geting licence informaton from the licence server")
    assert misspelt[0].article.id == "license-server-connection-error"


def test_a_line_of_one_known_word_among_others_is_not_matched_by_itself(bundled_kb):
    # "administrator" typed alone is a query (the Catalog article speaks of the team administrator); a
    # line of an email, it is not. "QV-23240" is an identifier and counts.
    assert bundled_kb.search("administrator")
    assert bundled_kb.search("Regarding the below\nadministrator") == []
    assert (
        bundled_kb.search("see below\nQV-23240")[0].article.id
        == "qlikview-dynamic-allocation-double-assignment"
    )


def test_another_vendors_license_server_error_is_no_match_but_ours_named_by_host_is(bundled_kb):
    # Unknown words weigh more when only a passage of an article's text would explain the line, unless
    # the line names an identifier of this knowledge base (its license host).
    assert (
        bundled_kb.search(
            'FLEXnet Licensing error:-15,570. System Error: 10061 "WinSock: Connection refused"'
        )
        == []
    )
    ours = bundled_kb.search(
        "2024-06-11 14:02:17.881 +02:00 [ERR] Licenses: POST https://license.qlikcloud.com/v1/definitions/"
        "signed failed: dial tcp: lookup license.qlikcloud.com: no such host"
    )
    assert ours[0].article.id == "license-server-connection-error"


def test_long_lists_that_only_add_weight_give_the_listed_entries_their_whole_overlap(monkeypatch):
    """In a long read, a common term's long list only adds weight to the entries the rarer terms listed:
    each of those gets the same overlap as when every list is read, and the answers hardly change."""
    import numpy as np

    import kb.term_index as term_index
    from benchmarks.noisy import make_queries
    from benchmarks.synthetic import generate_articles

    articles = generate_articles(300, seed=11)
    knowledge_base = KnowledgeBase.from_articles(articles)
    index = knowledge_base.index
    pastes = [query.text for query in make_queries(articles, 60, "single", seed=11)]
    monkeypatch.setattr(term_index, "SORTED_READ_LIMIT", 0)

    def overlaps_and_answers():
        overlaps, answers = [], []
        for paste in pastes:
            terms = index._query_terms(normalise(paste))
            entries, overlap = index._overlapping(
                terms.ids, index.posting_ptr[terms.ids], index.body_ptr[terms.ids], term_index.POSTINGS_BUDGET
            )
            overlaps.append(dict(zip(entries.tolist(), overlap.tolist(), strict=True)))
            answers.append([match.article.id for match in knowledge_base.search(paste, limit=1)])
        return overlaps, answers

    monkeypatch.setattr(term_index, "LONG_LIST_POSTINGS", 10**9)
    read_all, answers_read_all = overlaps_and_answers()
    monkeypatch.setattr(term_index, "LONG_LIST_POSTINGS", 0)
    only_adding, answers_only_adding = overlaps_and_answers()

    assert sum(len(listed) < len(every) for listed, every in zip(only_adding, read_all, strict=True)) >= 10
    for listed, every in zip(only_adding, read_all, strict=True):
        assert listed.keys() <= every.keys()
        assert all(np.isclose(overlap, every[entry]) for entry, overlap in listed.items())
    same = sum(a == b for a, b in zip(answers_only_adding, answers_read_all, strict=True))
    assert same >= 0.95 * len(pastes)
    assert not np.any(index._scratch().overlap_of)


def test_a_line_about_another_vendors_product_is_no_match(bundled_kb):
    # Every word but the product's name is a licensing word the articles use too.
    assert bundled_kb.search("Tableau Server: license activation fails behind a proxy") == []
    assert bundled_kb.search("Citrix: the license server has entered the grace period") == []
    ours = bundled_kb.search("Qlik Sense: license activation fails behind a proxy (we moved from Tableau)")
    assert ours[0].article.id == "license-server-connection-error"
    log = "Tableau Server license activation fails\nThere was an error when getting license information from the license server"
    assert bundled_kb.search(log)[0].article.id == "license-server-connection-error"


def test_a_product_the_articles_speak_of_is_not_another_vendors():
    from kb.article import Article

    article = Article(
        id="tableau-export",
        title="Export to Tableau fails",
        resolution="r",
        symptoms=("the Tableau export fails with a license error",),
    )
    knowledge_base = KnowledgeBase.from_articles([article])
    assert knowledge_base.search("Tableau export fails: license error")[0].article.id == "tableau-export"


def test_another_vendors_alert_about_our_products_traffic_is_not_about_another_vendors_product(bundled_kb):
    paste = (
        "Splunk Alert: Unapproved outbound SaaS traffic\n"
        'src_host=qse-central01 dest=license.qlikcloud.com:443 http_user_agent="Licenses/1.6.4 (windows) QSEfW"\n'
        "what is this traffic and is it required for the product?"
    )
    matches = bundled_kb.search(paste)
    assert matches and matches[0].article.id == "signed-license-key-overview"
    assert bundled_kb.search("Splunk Alert: disk usage above 90% on the indexer") == []


def test_a_single_digit_does_not_make_a_line_long_enough_for_the_articles_text(bundled_kb):
    from kb.extract import query_lines

    [line] = [line for line in query_lines("a\nb\non our side. Page 1") if line.text == "on our side. Page 1"]
    hits: dict = {}
    index = bundled_kb.index
    index._score_line(line, index._query_terms(line.normalised), hits, in_context=True, alone=False)
    assert hits == {}  # "side", "page" and "1" found the Sense Desktop article's text at 89.7


def test_a_misread_identifier_is_corrected_to_the_articles(bundled_kb):
    index = bundled_kb.index
    assert index.correct_typo("analyzer_tlme") == index.vocabulary["analyzer_time"]
    matches = bundled_kb.search("lef pic:\nANALYZER_TlME;1000;;\nno capacity in qmc")
    assert matches and matches[0].article.id == "analyzer-capacity-missing-minutes"


def test_text_read_from_a_screenshot_with_digits_for_letters_finds_its_article(bundled_kb):
    matches = bundled_kb.search(
        "There was an err0r when getting 1icense inforrnation from the 1icense server"
    )
    assert matches and matches[0].article.id == "license-server-connection-error"
    # numbers stay numbers
    assert evidence._read_as_letters("1000") == evidence._read_as_letters("10") == ""
    assert evidence._read_as_letters("import1icense") == "importlicens"


def _filler_articles(title: str, symptom: str) -> list:
    """Three more articles, so the words of a small test knowledge base have IDFs of a real one."""
    from kb.article import Article

    return [
        Article(
            id=f"filler{number}", title=f"{title} {number}", resolution="r", symptoms=(f"{symptom} {number}",)
        )
        for number in range(3)
    ]


def test_a_line_an_error_message_answers_is_not_matched_against_the_articles_text():
    """An error found whole answers its line; the text of another article that quotes it is not read."""
    from kb.article import Article

    by_error = Article(
        id="a", title="Keyset", resolution="Repair the keys.", errors=("Keyset does not exist",)
    )
    by_text = Article(
        id="b",
        title="License service cannot start",
        resolution="r",
        symptoms=("license service stopped",),
        cause="When the License service starts it logs: Keyset does not exist. The service account cannot "
        "read the machine keys.",
    )
    knowledge_base = KnowledgeBase.from_articles(
        [by_error, by_text, *_filler_articles("Other topic", "unrelated")]
    )
    assert [match.article.id for match in knowledge_base.search("Keyset does not exist")] == ["a"]
    described = knowledge_base.search("the service account cannot read the machine keys")
    assert described[0].article.id == "b"
    assert "article's text" in described[0].why


@pytest.mark.parametrize("paste", ["license error", "Qlik licensing failed", "ERROR: license problem"])
def test_a_line_of_only_words_every_article_or_every_error_has_is_no_match(bundled_kb, paste):
    assert bundled_kb.search(paste) == []


def test_an_error_message_of_such_words_found_whole_still_matches():
    from kb.article import Article

    vague_error = Article(id="a", title="Alpha", resolution="r", errors=("License error",))
    knowledge_base = KnowledgeBase.from_articles([vague_error, *_filler_articles("License topic", "license")])
    assert knowledge_base.search("2024-05-02 ERROR License error")[0].article.id == "a"
    assert knowledge_base.search("error license") == []


def test_a_dns_failure_in_a_short_log_finds_the_connection_article_not_a_startup_failure(bundled_kb):
    # The INFO line says "starting", the error line "failed": together they looked like the symptom
    # "Qlik License Service fails to start" of another article.
    log = (
        "2024-06-11 14:02:11.120 INFO  [main] Qlik License Service starting\n"
        "2024-06-11 14:02:11.455 INFO  [main] Reading configuration\n"
        "2024-06-11 14:02:17.881 ERROR [lic] Licenses: POST https://license.qlikcloud.com/v1/definitions/signed "
        "failed: dial tcp: lookup license.qlikcloud.com: no such host\n"
        "2024-06-11 14:02:17.882 WARN  [lic] retrying in 60 s"
    )
    matches = bundled_kb.search(log)
    assert matches[0].article.id == "license-server-connection-error"
    assert matches[0].score >= 70


def test_every_line_of_a_paste_about_another_vendors_product_is_left_out_unless_an_error_is_found_whole(
    bundled_kb,
):
    flexnet_log = (
        'FLEXnet Licensing error:-15,10.  System Error: 10061 "WinSock: Connection refused"\n'
        "Feature:       MATLAB\n"
        "License path:  27000@flexlm01.corp.local\n"
        "License server system does not support this feature."
    )
    assert bundled_kb.search(flexnet_log) == []
    quoting_ours = "Citrix Workspace shows a popup\nOnly one license per product level is allowed"
    assert bundled_kb.search(quoting_ours)[0].article.id == "lost-license-assignments"
    # a generic error found whole is the other product's own; alone, it is still the article's
    generic = "System.Security.Cryptography.CryptographicException: Keyset does not exist"
    assert bundled_kb.search(f"Our IIS site stopped after the certificate renewal:\n{generic}") == []
    assert bundled_kb.search(generic)[0].article.id == "license-service-keyset-does-not-exist"


def test_a_misspelt_service_name_is_the_service_it_means(bundled_kb):
    matches = bundled_kb.search("qlik licese service basic authentification username is mising")
    assert matches and matches[0].article.id == "license-service-basic-auth-username-missing"


def test_a_text_editors_license_block_is_another_vendors(bundled_kb):
    block = (
        "----- BEGIN LICENSE -----\nFabrikam Inc\nSingle User License\nEA7E-7654321\n"
        "1A2B3C4D 5E6F7A8B 9C0D1E2F\n----- END LICENSE -----\n"
        "Sublime Text says the license key doesn't appear to be valid, copied from the receipt."
    )
    assert bundled_kb.search(block) == []


def test_remote_desktop_licensing_is_another_vendors(bundled_kb):
    rds = (
        "Terminal server says: The Remote Desktop licensing mode is not configured.\n"
        "Do we need to buy RDS CALs, and how many for 60 users?"
    )
    assert bundled_kb.search(rds) == []
    ssms = (
        'SQL Server Management Studio says "Evaluation period has expired". We bought a license through a'
        " reseller, where do I enter the product key?"
    )
    assert bundled_kb.search(ssms) == []
    sage = "Sage 50 shows: The license server is not responding.\nCheck that the Sage license service is running."
    assert bundled_kb.search(sage) == []
    asp_net = (
        "Event from ASP.NET 4.0 on WEB02:\nException message: Keyset does not exist - the app pool identity"
        " cannot read the private key of the SSL certificate"
    )
    assert bundled_kb.search(asp_net) == []


def test_a_question_in_other_words_is_answered_by_the_article_clearly_closest(bundled_kb):
    question = "How do I log Qlik Sense Desktop in against our company server?"
    found = bundled_kb.find(question)
    assert [match.article.id for match in found.matches] == ["sense-desktop-authentication"]
    assert search.QUESTION_MIN_SCORE <= found.matches[0].score < evidence.MIN_WORDS_SCORE
    # The same words beside an error word are not a question: the article is only the closest.
    reported = bundled_kb.find(question + "\nfatal")
    assert reported.matches == []
    assert reported.closest[0].article.id == "sense-desktop-authentication"
    assert reported.closest[0].score >= search.QUESTION_MIN_SCORE
    # Asked without a question mark, it is a question still; said as a statement, it is not one.
    assert bundled_kb.find(question.rstrip("?").lower()).matches
    stated = bundled_kb.find("We log Qlik Sense Desktop in against our company server.")
    assert stated.matches == [] and stated.closest[0].score >= search.QUESTION_MIN_SCORE
    # Two articles about as close: neither is the answer.
    unclear = bundled_kb.find("How do I renew my license online before it expires next month?")
    assert unclear.matches == []
    assert unclear.closest[0].score >= search.QUESTION_MIN_SCORE
    assert unclear.closest[0].score - unclear.closest[1].score < search.QUESTION_MARGIN


def test_an_articles_entries_are_one_run_of_numbers(bundled_kb):
    index = bundled_kb.index
    for number in range(len(index.articles)):
        assert list(index.entries_of(number)) == [
            entry for entry, article in enumerate(index.entry_article.tolist()) if article == number
        ]


def test_products_few_articles_are_about_tell_what_a_line_is_about(bundled_kb, monkeypatch):
    index = bundled_kb.index
    telling = {index.term_names[term] for term in index.telling_products}
    assert {"compos", "geoanalyt", "replic"} <= telling
    assert not {"sens", "qlikview"} & telling  # most articles are about Qlik Sense or QlikView
    # Named, the product raises its articles' symptoms and text
    asked = "Our GeoAnalytics server is new. Why does adding the license fail?"
    [favoured] = bundled_kb.search(asked)
    monkeypatch.setattr(evidence, "NAMED_PRODUCT_FACTOR", 1.0)
    [plain] = bundled_kb.search(asked)
    assert favoured.article.id == plain.article.id == "geoanalytics-lef-server-permission"
    assert favoured.score > plain.score


def test_a_part_of_a_question_is_about_the_products_the_question_names_elsewhere(bundled_kb):
    # "When and how does the license reach us?" alone is answered by the connection article's text; in a
    # question about a Compose order, no article about other products answers it.
    asked = "Finance signed the Compose order on Friday. When and how does the license reach us?"
    assert bundled_kb.search("When and how does the license reach us?")
    index = bundled_kb.index
    compose = next(term for term in index.product_terms if index.term_names[term] == "compos")
    for match in bundled_kb.search(asked):
        assert compose in index.article_products[index.article_numbers[match.article.id]]


def test_among_articles_sure_of_the_same_error_the_one_the_other_lines_describe_comes_first(bundled_kb):
    error = "There was an error when getting license information from the license service."
    [first, second] = [match.article.id for match in bundled_kb.search(f"The log says:\n{error}")][:2]
    assert {first, second} == {"license-server-connection-error", "lost-license-assignments"}
    described = (
        "All our users lost their licenses overnight and the QMC asked for the key again. After re-entering "
        f"it the log says:\n{error}"
    )
    matches = bundled_kb.search(described)
    assert matches[0].score == matches[1].score == 100.0
    assert matches[0].article.id == "lost-license-assignments"


def test_a_passage_is_corroborated_by_the_articles_strings_not_by_its_other_passages_of_the_line():
    from kb.scoring import BODY, SYMPTOM, WORDS

    by_passages = evidence.Hit(65.0, (1, WORDS, 1), best_kind=BODY)
    by_passages.add_second(64.0, BODY, 1)  # another passage of the same line
    assert by_passages.combined == 65.0
    by_passages.add_second(60.0, BODY, 2)  # a passage matching another line of the paste
    by_symptoms = evidence.Hit(65.0, (1, WORDS, 1), best_kind=BODY)
    by_symptoms.add_second(60.0, SYMPTOM, 1)
    assert by_passages.combined == by_symptoms.combined > 65.0


def test_where_an_article_sends_the_reader_elsewhere_its_passages_do_not_take_the_other_articles_words():
    from kb.article import Article
    from kb.term_index import passages_of

    article = Article(
        id="buying",
        title="Buying Replicate",
        resolution="Apply the new license in the product; from a command line, see *Import a license from the "
        "command line* (repctl importlicense).",
        references=(
            "Licensing guide (Qlik help)",
            "Import a license from the command line (import-license-cli)",
        ),
    )
    text = " ".join(passages_of(article))
    assert "Import a license" not in text
    assert "Licensing guide" in text and "repctl importlicense" in text
    # another article's id, wherever it is named; words that only look like an id stay
    article = Article(
        id="overview",
        title="Overview",
        resolution="The products in the product-level table (product-levels). Fix the connection first (see "
        "*connection-error*), pay-per-minute users too.",
        references=("connection-error",),
    )
    text = " ".join(passages_of(article, frozenset(["overview", "product-levels", "connection-error"])))
    assert "product-levels" not in text and "connection-error" not in text
    assert "product-level table" in text and "pay-per-minute" in text


def test_a_cross_reference_does_not_make_the_citing_article_answer_the_cited_ones_question(bundled_kb):
    # the purchase and fields articles both cite "Import a Qlik Replicate license from the command line"
    matches = bundled_kb.search("replicate renewal license apply from command line repctl")
    assert matches[0].article.id == "replicate-import-license-cli"
    matches = bundled_kb.search("replicate apply license from command line")
    assert matches[0].article.id == "replicate-import-license-cli"
    # the overview names "(product-levels-activation-methods)" in its text
    matches = bundled_kb.search(
        "list of product levels and suported activation methds (LEF vs signed licence key)"
    )
    assert matches[0].article.id == "product-levels-activation-methods"


def test_a_misspelt_licensing_word_keeps_a_generic_error_in_context(bundled_kb):
    # the wsarecv error has no licensing word of its own: "licnese" is the paste's only one
    paste = (
        "wsarecv: An existing connection was forcibly closed by the remote host when activating the sense "
        "licnese key, is that expected with ssl inspection on our firewall?"
    )
    assert bundled_kb.search(paste)[0].article.id == "license-server-connection-error"


@pytest.mark.parametrize(
    "paste",
    [
        "NPrinting publish task fails: Failed to connect to the QlikView document, the connection timed out",
        "After upgrading Qlik Sense to May 2023 the Repository service will not start and the PostgreSQL upgrade "
        "step failed",
    ],
)
def test_another_products_failure_told_in_the_articles_words_is_no_match(bundled_kb, paste):
    assert bundled_kb.search(paste) == []


def test_a_question_in_the_articles_words_without_licensing_words_still_finds_its_passage(bundled_kb):
    # not a failure report: a passage answers it as before
    [match, *_] = bundled_kb.search(
        "user wants to sign Qlik Sense Desktop in with their Qlik Cloud tenant account"
    )
    assert match.article.id == "sense-desktop-authentication"


def test_a_line_that_only_names_products_is_no_evidence(bundled_kb):
    assert bundled_kb.search("Qlik Sense Enterprise on Windows") == []
    ticket = (
        "Short description: Users locked out of the app after reload - Access denied\n"
        "CI: Qlik Sense Enterprise on Windows\n"
        "Description: after adding section access every user gets Access denied when opening the app"
    )
    assert bundled_kb.search(ticket) == []
    # a product named with what is wrong is evidence as before
    [match, *_] = bundled_kb.search("Qlik Sense Desktop authentication link")
    assert match.article.id == "sense-desktop-authentication"


def test_another_services_problem_told_in_an_articles_words_is_not_its_problem(bundled_kb):
    # the License service article tells of a proxy (a web proxy) and a password; this is the Proxy Service
    paste = (
        "Qlik Sense on Windows: the Proxy service will not start after changing the service account password"
    )
    assert bundled_kb.search(paste) == []


def test_a_search_goes_to_the_article_whose_symptoms_agree_with_its_text(bundled_kb):
    # The analyzer-capacity article's text mentions buying in Qlik Cloud as much as the purchase article's;
    # only the purchase article's symptoms ("how do I buy a Qlik Cloud subscription") agree.
    assert bundled_kb.search("buy Qlik Cloud")[0].article.id == "purchase-qlik-cloud"


def test_an_articles_own_error_quoted_in_other_words_lets_its_text_answer(bundled_kb):
    # "Unable to acquire valid license information", remembered: the article's text answers under
    # ERROR_TEXT_MIN_SCORE, as it would with no quote at all
    paste = (
        'After the upgrade our QlikView Publisher shows "unable to acquire the license" and the LEF is a few '
        "years old, is the date on the PRODUCTLEVEL line the reason?"
    )
    [match] = bundled_kb.search(paste)
    assert match.article.id == "qlikview-unable-to-acquire-license"
    assert match.score < evidence.ERROR_TEXT_MIN_SCORE
    assert "article's text" in match.why


def test_a_quoted_error_matched_only_by_an_articles_text_needs_a_higher_score(bundled_kb):
    # PostgreSQL's login failure shares "password", "authentication" and "user" with the text of the
    # proxy basic-authentication article: that is not its answer.
    reported = bundled_kb.find('FATAL: password authentication failed for user "qliksenserepository"')
    assert reported.matches == []
    [closest] = reported.closest
    assert closest.article.id == "license-service-basic-auth-username-missing"
    assert evidence.MIN_WORDS_SCORE <= closest.score < evidence.ERROR_TEXT_MIN_SCORE
    assert "article's text" in closest.why
    # Described in a person's words, the same few words are a search that never speaks of licensing: no
    # licensing passage answers it under ERROR_TEXT_MIN_SCORE either. A description of the keyset error
    # still finds its article ("cannot" is an error word, but no program wrote this).
    described = bundled_kb.find("password authentication for user qliksenserepository")
    assert described.matches == [] and described.closest[0].article.id == closest.article.id
    [keyset] = bundled_kb.search("the process cannot open the key container")
    assert keyset.article.id == "license-service-keyset-does-not-exist"
    assert keyset.score < evidence.ERROR_TEXT_MIN_SCORE


@pytest.mark.parametrize(
    ("paste", "asks"),
    [
        ("how do I import the license", True),
        ("is QB-17039 fixed in patch 2", True),
        ("Security wants to know why the server calls out every 10 minutes.", True),
        ("The customer asks whether the hosts line may stay empty.", True),
        ("log lines below\nwhat is in the payload?", True),
        ("The Remote Desktop licensing mode is not configured.", False),
        ("Whatever we do, the key is refused.", False),
        ("Hi team\nhow do I import the license", True),
        # a long line without an end goes on on the next: "when" starts no question there
        (
            "It shows under Extensions but not in the assets panel of the sheet editor for anyone\n"
            "when editing a sheet. Qlik Sense Enterprise on Windows November 2023.",
            False,
        ),
        (
            "It shows under Extensions but not in the assets panel of the sheet editor for anyone.\n"
            "when will that be fixed",
            True,
        ),
    ],
)
def test_a_question_is_told_from_a_statement(paste, asks):
    assert questions.asks(paste) is asks


def test_a_question_of_several_parts_is_answered_part_by_part(bundled_kb):
    asked = (
        "Compliance check before go-live: when we license Sense with the new key, what goes to Qlik's cloud, "
        "over which port, and are the user names encrypted in transit and at rest?"
    )
    assert questions.question_parts(asked) == [
        "Compliance check before go-live: when we license Sense with the new key",
        "what goes to Qlik's cloud, over which port",
        "and are the user names encrypted in transit and at rest?",
    ]
    match, *others = bundled_kb.search(asked)
    assert match.article.id == "signed-license-key-overview"
    # "over which port" is the connection article's question too
    assert [other.article.id for other in others] in ([], ["license-server-connection-error"])
    assert match.why.endswith('in the question "what goes to Qlik\'s cloud, over which port"')
    assert "line" not in match.why
    # As a statement with an error word, the same words are not taken apart.
    assert bundled_kb.search(asked.replace("?", ". It failed.")) == []


def test_among_articles_equally_sure_of_an_error_the_one_that_explains_more_lines_comes_first():
    from kb.article import Article

    many_strings = Article(
        id="many",
        title="Licensing service errors",
        resolution="r",
        errors=(
            "Licensing service failed to start",
            "Licensing service failed to start: timeout",
            "Licensing service failed to start: access denied",
        ),
    )
    more_lines = Article(
        id="lines",
        title="Lost allocations",
        resolution="r",
        errors=("Licensing service failed to start",),
        symptoms=("all user allocations are gone",),
    )
    knowledge_base = KnowledgeBase.from_articles(
        [many_strings, more_lines, *_filler_articles("Other topic", "unrelated")]
    )
    paste = "ERROR Licensing service failed to start: timeout\nall user allocations are gone this morning"
    matches = knowledge_base.search(paste)
    assert [(match.article.id, match.score) for match in matches][:2] == [("lines", 100.0), ("many", 100.0)]
    # With only the error, the article with more of its strings in the line comes first.
    assert [match.article.id for match in knowledge_base.search(paste.splitlines()[0])][:2] == [
        "many",
        "lines",
    ]


def test_a_line_of_two_words_among_others_is_not_matched_against_the_articles_text(bundled_kb):
    # "how is the license sent?" is two known words: in the Replicate purchase article's text (the
    # license is sent by email), which used to outrank what the user agent line says.
    paste = "User-Agent: Licenses/1.6.4 (windows) QSEfW\nhow is the license sent?"
    assert [match.article.id for match in bundled_kb.search(paste)] == ["signed-license-key-overview"]
    # Asked alone, the two words are all there is to go by.
    assert bundled_kb.search("how is the license sent?")


def test_a_long_text_with_a_question_mark_is_not_taken_apart(bundled_kb, monkeypatch):
    calls = []
    real_find = search.SearchIndex._find

    def counting_find(self, *args, **kwargs):
        calls.append(args[0])
        return real_find(self, *args, **kwargs)

    monkeypatch.setattr(search.SearchIndex, "_find", counting_find)
    sentences = [
        f"We moved the reporting dashboards to cluster number {number} last week." for number in range(30)
    ]
    assert bundled_kb.search("\n".join(sentences) + "\nWhat should we do?") == []
    assert len(calls) == 1  # asked as a whole only: thirty parts would be thirty searches
    calls.clear()
    assert not questions.is_a_question(
        "2024-01-01 10:00:00 INFO request served?\n" * 200
    )  # a log, not an email
    short = "We moved the reporting dashboards last week. Where do the cluster nodes live, and who runs them?"
    assert bundled_kb.search(short) == []
    assert len(calls) == 1 + len(questions.question_parts(short)) == 4  # a short question, part by part


@pytest.mark.parametrize(
    ("paste", "article_id"),
    [
        (
            "bonjour, licence avec capacité analyzer achetée mais pas de minutes visibles dans la console",
            "analyzer-capacity-missing-minutes",
        ),
        (
            "hola, al aplicar la licencia SLK en la QMC sale un error que la fecha es demasiado baja en el campo"
            " updated",
            "slk-datetime-property-too-low",
        ),
        (
            "Benutzer bekommen doppelte Lizenz in QV QMC: analyzer vorab zugewiesen und dann kommt professional"
            " noch dazu via dynamic",
            "qlikview-dynamic-allocation-double-assignment",
        ),
        (
            "QlikView でユーザーに二重のライセンスが割り当てられます",
            "qlikview-dynamic-allocation-double-assignment",
        ),
        (
            "Bonjour, nos utilisateurs n'ont plus aucune allocation Professional ou Analyzer et la console de"
            " gestion demande la clé de licence signée",
            "lost-license-assignments",
        ),
        (
            "Dzien dobry, kupilismy licencje bezposrednio od Qlik i chcemy dokupic wiecej licencji do Qlik Cloud",
            "purchase-qlik-cloud",
        ),
        (
            "Hola, la persona que recibió el correo con la licencia de Replicate ya no está en la empresa",
            "purchase-replicate-compose-em",
        ),
        (
            "Alla användare har tappat sina licenstilldelningar och QMC ber om licensnyckeln igen",
            "lost-license-assignments",
        ),
        (
            "O serviço de licenças não sobe, diz que a autenticação básica está ativada mas falta o nome de usuário",
            "license-service-basic-auth-username-missing",
        ),
    ],
)
def test_a_paste_in_another_language_finds_its_article(bundled_kb, paste, article_id):
    matches = bundled_kb.search(paste)
    assert matches and matches[0].article.id == article_id


@pytest.mark.parametrize(
    "paste",
    [
        "Qlik Sense Proxy service will not start after the server certificate expired",  # a passage at 66.1
        "Qlik Sense Scheduler Service won't start after the upgrade",
        'Qlik Sense Repository Service will not start: password authentication failed for user "qliksenserepository"',
        "Qlik Sense Proxy service will not start after the server certificate expired. How do I regenerate the"
        " certificates?",
        "Qlik Sense Engine Service stops a few seconds after starting. Engine log says: Failed to bind listener"
        " to port 4747, address already in use.",
    ],
)
def test_another_service_that_will_not_start_is_no_match(bundled_kb, paste):
    assert bundled_kb.search(paste) == []


@pytest.mark.parametrize(
    "paste",
    [
        "The Qlik License Service will not start after the reboot, something about a key set",
        "Licensing service dies at startup: Qlik Sense Service Dispatcher cannot start the Licenses service",
    ],
)
def test_the_license_service_that_will_not_start_still_finds_its_article(bundled_kb, paste):
    matches = bundled_kb.search(paste)
    assert matches and matches[0].article.id == "license-service-keyset-does-not-exist"


def test_a_line_about_a_product_an_article_is_not_about_needs_more_than_its_words(bundled_kb):
    # QlikView's licensing article shares "license ... applied in the management console" with it
    assert (
        bundled_kb.search("Replicate task stops after the license was applied in the management console")
        == []
    )
    matches = bundled_kb.search(
        "Licensing a new GeoAnalytics install: it rejects the key, the license does not allow it to run as a server"
    )
    assert matches and matches[0].article.id == "geoanalytics-lef-server-permission"


def test_a_misspelt_word_is_corrected_to_the_articles_word_as_written(bundled_kb):
    index = bundled_kb.index
    # stemmed, "purchse" is "purchs": nearer the word "purchase" (a "buy" term) than any term
    assert index.term_names[index.correct_typo("purchs")] == index.term_names[index.correct_typo("purchac")]
    assert index.correct_typo("purchs") == index.vocabulary[tokens(normalise("purchase"))[0]]
    matches = bundled_kb.search("analyser capacitiy minutes not showing after purchace")
    assert matches and matches[0].article.id == "analyzer-capacity-missing-minutes"
    # a misspelt stem two letters longer than the right one: "direclty" is "direclti", "directly" is "direct"
    assert (
        index.correct_typo(tokens(normalise("direclty"))[0])
        == index.vocabulary[tokens(normalise("directly"))[0]]
    )
    # two letters swapped are one edit: "licnes" is as near "lines" as "licens", and the articles say license more
    assert index.correct_typo("licnes") == index.vocabulary["licens"]
    # "purches" is stemmed "purch": too short for "purchase", near its own stem "purchas" (a "buy" term)
    assert (
        index.correct_typo(tokens(normalise("purches"))[0]) == index.vocabulary[tokens(normalise("buy"))[0]]
    )
    matches = bundled_kb.search("want to purches qlik cloud subscription for our team")
    assert matches and matches[0].article.id == "purchase-qlik-cloud"


def test_a_real_word_is_not_corrected_as_a_typo_unless_it_is_another_form_of_the_word(bundled_kb):
    index = bundled_kb.index
    assert index.correct_typo(tokens(normalise("module"))[0]) is None  # not a misspelt "model"
    assert index.correct_typo(tokens(normalise("status"))[0]) is None  # not a misspelt "start"
    # "given" is a form of "give", and "manger" is always a misspelt manager here
    assert index.term_names[index.correct_typo(tokens(normalise("given"))[0])] == tokens(normalise("give"))[0]
    assert tokens(normalise("Enterprise Manger")) == tokens(normalise("Enterprise Manager"))
    # a rare word is more often a misspelling: "analyzer minuets" are minutes
    assert (
        index.term_names[index.correct_typo(tokens(normalise("minuets"))[0])]
        == tokens(normalise("minutes"))[0]
    )
    # A QlikView Server crash as Event Viewer records it: with "module" read as "model", line 2 shared
    # enough words with the product-level table ("QlikView Server ... user model") to be answered by it.
    crash = (
        "Faulting application name: QVS.exe, version: 12.80.20400.0, time stamp: 0x5f1a2b3c\n"
        "Faulting module name: KERNELBASE.dll, version: 10.0.20348.2227\n"
        "Exception code: 0xe0434352\n"
        "Faulting application path: C:\\Program Files\\QlikView\\Server\\QVS.exe"
    )
    assert bundled_kb.search(crash) == []


def test_a_question_that_also_reports_a_problem_is_answered_by_a_near_licensing_article(
    bundled_kb, monkeypatch
):
    paste = (
        "We handed the Enterprise Manager license email to a colleague who has since left and the mailbox was "
        "removed, the install fails without it. How do we get it again?"
    )
    monkeypatch.setattr(search, "REPORTED_QUESTION_MIN_SCORE", 100.0)
    closest = bundled_kb.index.find(paste).closest
    assert (
        closest and closest[0].article.id == "purchase-replicate-compose-em" and closest[0].score < MIN_SCORE
    )
    # answered from the score such a question needs, and only from it
    monkeypatch.setattr(search, "REPORTED_QUESTION_MIN_SCORE", closest[0].score - 0.5)
    assert [match.article.id for match in bundled_kb.search(paste)] == ["purchase-replicate-compose-em"]
    monkeypatch.setattr(search, "REPORTED_QUESTION_MIN_SCORE", closest[0].score + 0.5)
    assert bundled_kb.search(paste) == []


def test_a_question_that_reports_a_problem_but_not_about_licensing_gets_no_answer(bundled_kb, monkeypatch):
    paste = (
        "After adding section access to the sales app and reloading, users get Access denied when they open "
        "it. How do we fix this?"
    )
    found = bundled_kb.index.find(paste)
    assert found.matches == [] and found.closest  # a lead, under the score such a question needs
    monkeypatch.setattr(search, "REPORTED_QUESTION_MIN_SCORE", found.closest[0].score - 1)
    assert bundled_kb.search(paste) == []  # nor would it be answered lower: it never speaks of licensing


def test_a_screens_breadcrumb_is_not_answered_by_an_articles_text(bundled_kb):
    # "QMC > Data connections" is the management console, data and connection: words of many a passage
    screen = (
        "QMC > Data connections\n"
        "Name: SQL_Sales   Type: ODBC\n"
        "Test connection\n"
        "Error: ERROR [08001] [Qlik][ODBC SQL Server Wire Protocol driver]Connection refused."
    )
    assert bundled_kb.search(screen) == []


def test_the_header_row_of_an_export_is_not_answered_by_an_articles_text(bundled_kb):
    # "User","Allocation","Assigned","Method" are all words of the product-level table's text (76.5)
    paste = (
        '"User","Allocation","Assigned","Method"\n'
        '"ACME\\lnorth","Analyzer","2024-05-02","Manual"\n'
        '"ACME\\lnorth","Professional","2024-06-11","Dynamic"\n'
        '"ACME\\tbell","Professional","2024-04-01","Manual"\n'
        "QlikView QMC export: why does lnorth hold an analyzer and a professional line?"
    )
    matches = bundled_kb.search(paste)
    assert [match.article.id for match in matches] == ["qlikview-dynamic-allocation-double-assignment"]


def test_a_word_made_with_license_speaks_of_licensing(bundled_kb):
    # no licensing word but "importlicence": the symptom about repctl.sh answers it
    matches = bundled_kb.search(
        "repctl.sh importlicence on our linux box: is the txt to json step a perl script there?"
    )
    assert matches and matches[0].article.id == "replicate-import-license-cli"


@pytest.mark.parametrize(
    "paste",
    [
        pytest.param(
            "At what time is the data in our Qlik dashboards refreshed each night? This morning the figures "
            "were still yesterday's.",
            id="a question asked whole: the SLK overview's text on its refresh schedule, 51.1",
        ),
        pytest.param(
            "What time does the data in the Qlik dashboards refresh every night? We still saw old numbers at 9.",
            id="a question asked part by part: its first part found the same passage, 61.0",
        ),
        pytest.param(
            "Upgrade runbook - Qlik Sense Enterprise to the latest release\n"
            "[x] Back up the repository database\n"
            "[ ] Upgrade the central node\n"
            "[ ] Upgrade the rim nodes the same night?",
            id="a line of a longer paste: the datetime article's text on upgrading, 62.9",
        ),
        pytest.param("qlik data gateway connection failed", id="a search of a few words: 61.4"),
        pytest.param("qlik sense repository service wont start postgres", id="a search of a few words: 54.8"),
    ],
)
def test_a_paste_not_about_licensing_is_not_answered_by_a_passage_about_it(bundled_kb, paste):
    assert bundled_kb.search(paste) == []


def test_a_licensing_passage_must_be_close_to_all_of_a_paste_that_never_speaks_of_licensing(
    bundled_kb, monkeypatch
):
    paste = "qlik sense upgrade failed on the repository database"  # the datetime article's text: 69.7
    assert bundled_kb.search(paste) == []
    monkeypatch.setattr(search, "NOT_LICENSING_MIN_SCORE", evidence.ERROR_TEXT_MIN_SCORE)
    assert [match.article.id for match in bundled_kb.search(paste)] == ["slk-datetime-property-too-low"]


def test_a_misspelt_licensing_word_speaks_of_licensing(bundled_kb):
    from kb.extract import query_lines

    assert bundled_kb.index._speaks_of_licensing(query_lines("were can i purchse qlik cloud"))
    assert not bundled_kb.index._speaks_of_licensing(query_lines("were can i find qlik cloud"))
    # a license file's checksum is licensing talk too
    assert bundled_kb.index._speaks_of_licensing(query_lines("if I edit hosts= will the checksum break it?"))
    # a misspelt word made with "license" too
    assert bundled_kb.index._speaks_of_licensing(query_lines("repctl.sh importlicnese steps"))
    matches = bundled_kb.search("repctl.sh importlicnese steps for the linux replicate box")
    assert matches and matches[0].article.id == "replicate-import-license-cli"


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        ("Cannot insert duplicate key row in object 'dbo.TDWH_Customer'", False),
        ("The private key is marked as exportable.", False),
        ("the API key of the REST connector expired", False),
        ("the QMC refuses our new signed key", True),
        ("the key from the PDF is not accepted", True),
        ("erreur de clé primaire sur la table", False),
        ("one signed key for the primary and the DR site", True),
    ],
)
def test_a_key_that_is_not_a_license_key_does_not_speak_of_licensing(bundled_kb, line, speaks):
    from kb.extract import query_lines

    assert bundled_kb.index._speaks_of_licensing(query_lines(line)) is speaks


def test_to_analyze_is_not_the_analyzer_license(bundled_kb):
    from kb.extract import query_lines

    assert not bundled_kb.index._speaks_of_licensing(query_lines("how to analyze performance of the app"))
    assert bundled_kb.index._speaks_of_licensing(query_lines("no minutes for our analyzers"))
    # a forum post about a slow app: "2 minutes" and "analyze" found the analyzer capacity article's text
    paste = (
        "App takes 2 minutes to open - how to analyze performance?\n"
        "one of our Qlik Sense apps takes around 2 minutes to open and the first sheet is very slow.\n"
        "What are good first steps to find the bottleneck?"
    )
    assert bundled_kb.search(paste) == []


def test_a_question_of_two_known_words_among_other_sentences_is_not_answered_by_a_passage(bundled_kb):
    paste = "I need to submit expenses in SAP Concur for my boss. Do I need an extra licence for that?"
    assert bundled_kb.search(paste) == []


def test_a_version_number_is_one_term(bundled_kb):
    assert tokens(normalise("version 1.4.0")) == ["version", "1.4.0"]
    assert bundled_kb.search('{\n  "name": "web-portal",\n  "version": "1.4.0",\n  "license": "MIT"\n}') == []


def test_a_caption_line_is_not_answered_by_an_articles_text(bundled_kb):
    # "Windows System log:" is in the articles' text (where to look for the License Service's errors): as
    # a line of its own it said 84.8 for two articles
    paste = (
        "Windows System log:\n"
        "The Qlik Sense Proxy Service service terminated unexpectedly. It has done this 2 time(s).\n"
        "proxy down every morning, any idea?"
    )
    assert bundled_kb.search(paste) == []


def test_a_terminal_is_a_command_line_but_terminated_is_not():
    assert tokens(normalise("from a terminal")) == ["cli"]
    assert tokens(normalise("from a command line"))[0] == "cli"
    assert "cli" not in tokens(normalise("the service terminated unexpectedly"))


def test_a_product_named_in_full_is_a_subject_of_the_line_too(bundled_kb):
    # "catalog" alone names no product, "Qlik Catalog" does: the line is not only about QlikView
    paste = "We run Qlik Catalog next to our QlikView servers; the license key we copied from the PDF is rejected."
    matches = bundled_kb.search(paste)
    assert matches and matches[0].article.id == "catalog-invalid-license-key"


def test_a_question_is_not_answered_by_an_article_about_another_product(bundled_kb):
    # purchase-qlik-cloud's "we bought through a partner" is closest by far, but about Qlik Cloud
    paste = "hi how can we purchse qlik replicate and compose licences, do we go throught a partner or direct sales?"
    matches = bundled_kb.search(paste)
    assert matches and matches[0].article.id == "purchase-replicate-compose-em"


def test_a_word_corrected_to_a_product_name_does_not_make_a_line_about_that_product(bundled_kb):
    # "component" is near "Compose"; read as Compose, the line would be about another product
    matches = bundled_kb.search("what does the licensing component send to Qlik")
    assert matches and matches[0].article.id == "signed-license-key-overview"


def test_a_passage_about_another_product_needs_to_be_close_to_the_line_as_a_whole(bundled_kb):
    # Qlik Sense Desktop's text speaks of client-managed Sense and Qlik Cloud subscriptions (71.6)
    paste = "Are our QlikView client-managed serial and the Qlik Cloud subscription linked technically in any way?"
    assert "sense-desktop-authentication" not in [match.article.id for match in bundled_kb.search(paste)]


def test_answers_do_not_depend_on_the_hash_seed():
    """Two processes (or a cached index and a fresh one) answer a paste alike: among equally close
    spellings, a misspelt word is corrected to the same one whatever order Python's sets come in."""
    import subprocess
    import sys

    code = (
        "from kb import KnowledgeBase\n"
        "index = KnowledgeBase.load(use_cache=False).index\n"
        "print(list(index.typo_terms.items()))\n"
        "print([index.correct_typo(word) for word in ('sevrer', 'licnese', 'asignment', 'proxxy', 'keyst')])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(outputs) == 1


def test_a_licensing_symptom_answers_a_paste_about_licensing_or_one_of_its_codes(bundled_kb):
    # Shares QlikView, Publisher and management console with "cannot license QlikView Publisher in the
    # management console", but says nothing of licensing.
    reload_failure = (
        'QlikView reload task in QMC fails with "General Script Error" after the ODBC driver was updated '
        "on the Publisher"
    )
    assert bundled_kb.search(reload_failure) == []
    # No licensing word either, but a defect id of the articles.
    [best, *_] = bundled_kb.search("Any news on QV-23240? Still see it on 12.80 SR3")
    assert best.article.id == "qlikview-dynamic-allocation-double-assignment"
