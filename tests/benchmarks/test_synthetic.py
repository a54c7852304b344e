"""The synthetic knowledge bases and noisy queries of the scale benchmark: deterministic, valid, noisy."""

import re
from collections import Counter

import yaml

from benchmarks.noisy import LOG_LINES, make_queries
from benchmarks.synthetic import article_to_yaml, generate_articles, write_knowledge_base
from kb import KnowledgeBase

ARTICLES = generate_articles(300, seed=7)


def test_same_seed_same_articles_other_seed_other_articles():
    assert generate_articles(300, seed=7) == ARTICLES
    assert generate_articles(300, seed=8) != ARTICLES


def test_ids_and_error_strings_are_unique():
    errors = [error for article in ARTICLES for error in article.errors]
    assert len({article.id for article in ARTICLES}) == len(ARTICLES)
    assert len(set(errors)) == len(errors)
    assert all(article.errors and article.symptoms and article.resolution for article in ARTICLES)


def words(text):
    return set(re.findall(r"[a-z]+", text.lower()))


def test_articles_share_words():
    # A realistic KB: error strings are distinct combinations of a shared vocabulary.
    articles_using = Counter(
        word for article in ARTICLES for word in set().union(*map(words, article.errors))
    )
    error_words = [word for article in ARTICLES for error in article.errors for word in words(error)]
    shared = sum(1 for word in error_words if articles_using[word] > 1)
    assert shared / len(error_words) > 0.9


def test_yaml_round_trip_loads_as_the_same_knowledge_base(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_NO_CACHE", "1")
    folder = write_knowledge_base(50, seed=7, root=tmp_path)
    first = ARTICLES[0]
    assert yaml.safe_load(article_to_yaml(first))["errors"] == list(first.errors)
    loaded = KnowledgeBase.load(dirs=[folder])
    assert loaded.problems == []
    assert [article.id for article in loaded] == [article.id for article in generate_articles(50, seed=7)]


def test_single_line_queries_are_noisy_but_come_from_their_article():
    queries = make_queries(ARTICLES, 60, "single", seed=1)
    by_id = {article.id: article for article in ARTICLES}
    assert len({query.truth for query in queries}) == 60
    assert all("\n" not in query.text for query in queries)
    # At least one change each: none is an article's error string verbatim.
    assert not any(query.text in by_id[query.truth].errors for query in queries)
    assert make_queries(ARTICLES, 60, "single", seed=1) == queries


def test_log_queries_hold_the_error_among_unrelated_lines():
    by_id = {article.id: article for article in ARTICLES}
    for kind, line_count in LOG_LINES.items():
        for query in make_queries(ARTICLES, 5, kind, seed=1):
            lines = query.text.splitlines()
            assert len(lines) == line_count
            error_lines = [line for line in lines if "ERROR" in line or '"level":"error"' in line]
            assert len(error_lines) == 1
            assert any(words(error) <= words(error_lines[0]) for error in by_id[query.truth].errors)


def test_synonyms_never_turn_one_article_into_another():
    from benchmarks import vocabulary

    vocabulary_words = {word for verb in vocabulary.VERBS for form in verb for word in form.split()}
    vocabulary_words |= {word.lower() for obj in vocabulary.OBJECTS for word in obj.split()}
    assert {word for word in vocabulary.SYNONYMS.values() if word in vocabulary_words} == set()
