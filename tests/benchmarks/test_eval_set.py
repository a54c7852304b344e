"""The evaluation set's shape (not the scores: those are a report, `python -m benchmarks.quality`)."""

from collections import Counter

import pytest

from benchmarks.eval_set import DEFAULT_SET, KINDS, NO_MATCH_KINDS, EvalSetError, load_eval_set
from tests.conftest import ARTICLES

CASES = load_eval_set(DEFAULT_SET)
ARTICLE_IDS = {path.stem for path in ARTICLES.glob("*.yaml")}


def test_enough_pastes():
    assert len(CASES) >= 80


def test_enough_no_match_pastes():
    assert sum(1 for case in CASES if case.expect is None) >= 15


def test_kinds_are_known():
    assert {case.kind for case in CASES} <= set(KINDS)


def test_expected_articles_exist():
    expected = {case.expect for case in CASES if case.expect is not None}
    assert expected - ARTICLE_IDS == set()


def test_every_bundled_article_has_five_pastes():
    per_article = Counter(case.expect for case in CASES)
    assert {
        article_id: per_article[article_id] for article_id in ARTICLE_IDS if per_article[article_id] < 5
    } == {}


def test_pastes_are_not_duplicated():
    duplicates = [paste for paste, count in Counter(case.paste for case in CASES).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- paste: x\n  expect: null\n  kind: exact\n", "needs expect an article id"),
        ("- paste: x\n  expect: some-id\n  kind: unrelated\n", "needs expect null"),
        ("- paste: x\n  expect: some-id\n  kind: guess\n", "kind 'guess'"),
        ("- paste: ''\n  expect: some-id\n  kind: exact\n", "non-empty"),
        ("- paste: x\n  expect: some-id\n  kind: exact\n  score: 3\n", "unknown keys"),
        ("paste: x\n", "expected a list"),
    ],
)
def test_malformed_entries_are_rejected(tmp_path, text, message):
    path = tmp_path / "set.yaml"
    path.write_text(text)
    with pytest.raises(EvalSetError, match=message):
        load_eval_set(path)


def test_no_match_kinds_are_the_null_expectations():
    assert all((case.expect is None) == (case.kind in NO_MATCH_KINDS) for case in CASES)


@pytest.mark.parametrize(
    ("name", "size", "no_match"),
    [
        ("holdout_set.yaml", 80, 15),
        ("holdout2_set.yaml", 70, 12),
        ("holdout3_set.yaml", 70, 12),
        ("holdout4_set.yaml", 75, 17),
        ("holdout5_set.yaml", 70, 16),
        ("holdout6_set.yaml", 80, 18),
        ("holdout7_set.yaml", 80, 20),
        ("holdout8_set.yaml", 85, 20),
        ("holdout9_set.yaml", 85, 20),
        ("holdout10_set.yaml", 85, 20),
        ("holdout11_set.yaml", 85, 20),
        ("holdout12_set.yaml", 85, 20),
        ("holdout13_set.yaml", 80, 20),
        ("holdout14_set.yaml", 90, 22),
        ("holdout15_set.yaml", 85, 20),
        ("holdout16_set.yaml", 90, 22),
        ("holdout17_set.yaml", 88, 22),
        ("holdout18_set.yaml", 92, 22),
        ("holdout19_set.yaml", 90, 22),
        ("holdout20_set.yaml", 88, 22),
        ("holdout21_set.yaml", 104, 22),
        ("holdout22_set.yaml", 105, 22),
        ("holdout23_set.yaml", 104, 22),
        ("holdout24_set.yaml", 99, 22),
        ("holdout25_set.yaml", 107, 22),
        ("holdout26_set.yaml", 103, 22),
        ("holdout27_set.yaml", 101, 22),
        ("holdout28_set.yaml", 102, 22),
        ("holdout29_set.yaml", 105, 22),
        ("holdout30_set.yaml", 100, 22),
        ("holdout31_set.yaml", 105, 22),
        ("holdout32_set.yaml", 102, 22),
        ("holdout33_set.yaml", 98, 22),
        ("holdout34_set.yaml", 101, 22),
        ("holdout35_set.yaml", 104, 22),
        ("holdout36_set.yaml", 105, 22),
        ("holdout37_set.yaml", 113, 24),
        ("holdout38_set.yaml", 108, 24),
        ("holdout39_set.yaml", 114, 24),
        ("holdout40_set.yaml", 110, 24),
        ("holdout41_set.yaml", 115, 24),
        ("holdout42_set.yaml", 110, 24),
        ("holdout43_set.yaml", 113, 24),
        ("holdout44_set.yaml", 111, 24),
        ("holdout45_set.yaml", 113, 24),
        ("holdout46_set.yaml", 107, 24),
        ("holdout47_set.yaml", 112, 24),
        ("holdout48_set.yaml", 110, 24),
        ("holdout49_set.yaml", 110, 24),
        ("holdout50_set.yaml", 114, 24),
        ("holdout51_set.yaml", 111, 24),
        ("holdout52_set.yaml", 118, 24),
        ("holdout53_set.yaml", 109, 24),
        ("holdout54_set.yaml", 115, 24),
        ("holdout55_set.yaml", 109, 24),
        ("holdout56_set.yaml", 108, 24),
        ("holdout57_set.yaml", 108, 24),
        ("holdout58_set.yaml", 108, 24),
        ("holdout59_set.yaml", 107, 24),
        ("holdout60_set.yaml", 110, 24),
        ("holdout61_set.yaml", 107, 24),
        ("holdout62_set.yaml", 107, 24),
        ("holdout63_set.yaml", 111, 24),
        ("holdout64_set.yaml", 109, 24),
        ("holdout65_set.yaml", 112, 24),
        ("holdout66_set.yaml", 107, 24),
        ("holdout67_set.yaml", 115, 24),
        ("holdout68_set.yaml", 109, 24),
        ("holdout69_set.yaml", 111, 24),
        ("holdout70_set.yaml", 109, 24),
        ("holdout71_set.yaml", 107, 24),
        ("holdout72_set.yaml", 112, 24),
        ("holdout73_set.yaml", 111, 24),
        ("holdout74_set.yaml", 110, 24),
        ("holdout75_set.yaml", 116, 24),
        ("holdout76_set.yaml", 118, 24),
        ("holdout77_set.yaml", 109, 24),
        ("holdout78_set.yaml", 110, 24),
        ("holdout79_set.yaml", 109, 24),
        ("holdout80_set.yaml", 112, 24),
        ("holdout81_set.yaml", 109, 24),
        ("holdout82_set.yaml", 106, 24),
        ("holdout83_set.yaml", 113, 24),
        ("holdout84_set.yaml", 106, 24),
        ("holdout85_set.yaml", 110, 24),
        ("holdout86_set.yaml", 108, 24),
        ("holdout87_set.yaml", 114, 24),
        ("holdout88_set.yaml", 113, 24),
        ("holdout89_set.yaml", 108, 24),
        ("holdout90_set.yaml", 110, 24),
        ("holdout91_set.yaml", 113, 24),
        ("holdout92_set.yaml", 108, 24),
        ("holdout93_set.yaml", 105, 24),
        ("holdout94_set.yaml", 105, 24),
        ("holdout95_set.yaml", 109, 24),
        ("holdout96_set.yaml", 107, 24),
        ("holdout97_set.yaml", 110, 24),
        ("holdout98_set.yaml", 110, 24),
        ("holdout99_set.yaml", 106, 24),
        ("holdout100_set.yaml", 112, 24),
        ("holdout101_set.yaml", 116, 24),
        ("holdout102_set.yaml", 117, 24),
        ("holdout103_set.yaml", 109, 24),
        ("holdout104_set.yaml", 108, 24),
        ("holdout105_set.yaml", 109, 24),
        ("holdout106_set.yaml", 110, 24),
        ("holdout107_set.yaml", 109, 24),
        ("holdout108_set.yaml", 108, 24),
        ("holdout109_set.yaml", 109, 24),
        ("holdout110_set.yaml", 111, 24),
        ("holdout111_set.yaml", 116, 24),
        ("holdout112_set.yaml", 112, 24),
        ("holdout113_set.yaml", 111, 24),
        ("holdout114_set.yaml", 115, 24),
        ("holdout115_set.yaml", 105, 24),
        ("holdout116_set.yaml", 110, 24),
        ("holdout117_set.yaml", 108, 24),
        ("holdout118_set.yaml", 110, 24),
        ("holdout119_set.yaml", 110, 24),
        ("holdout120_set.yaml", 108, 24),
        ("holdout121_set.yaml", 108, 24),
        ("holdout122_set.yaml", 110, 24),
        ("holdout123_set.yaml", 109, 24),
        ("holdout124_set.yaml", 112, 24),
        ("holdout125_set.yaml", 104, 24),
        ("holdout126_set.yaml", 108, 24),
        ("holdout127_set.yaml", 106, 24),
        ("holdout128_set.yaml", 110, 24),
        ("holdout129_set.yaml", 107, 24),
        ("holdout130_set.yaml", 108, 24),
        ("holdout131_set.yaml", 108, 24),
        ("holdout132_set.yaml", 108, 24),
        ("holdout133_set.yaml", 109, 24),
        ("holdout134_set.yaml", 116, 24),
        ("holdout135_set.yaml", 109, 24),
        ("holdout136_set.yaml", 107, 24),
        ("holdout137_set.yaml", 109, 24),
        ("holdout138_set.yaml", 111, 24),
        ("holdout139_set.yaml", 105, 24),
        ("holdout140_set.yaml", 107, 24),
        ("holdout141_set.yaml", 109, 24),
        ("holdout142_set.yaml", 108, 24),
        ("holdout143_set.yaml", 112, 24),
        ("holdout144_set.yaml", 113, 24),
        ("holdout145_set.yaml", 109, 24),
        ("holdout146_set.yaml", 111, 24),
        ("holdout147_set.yaml", 108, 24),
        ("holdout148_set.yaml", 113, 24),
        ("holdout149_set.yaml", 110, 24),
        ("holdout150_set.yaml", 110, 24),
        ("holdout151_set.yaml", 110, 24),
        ("holdout152_set.yaml", 110, 24),
        ("holdout153_set.yaml", 107, 24),
        ("holdout154_set.yaml", 110, 24),
        ("holdout155_set.yaml", 108, 24),
        ("holdout156_set.yaml", 108, 24),
    ],
)
def test_the_holdout_sets_load_and_name_bundled_articles(bundled_kb, name, size, no_match):
    holdout = load_eval_set(DEFAULT_SET.with_name(name))
    assert len(holdout) >= size
    assert {case.expect for case in holdout if case.expect} <= {article.id for article in bundled_kb}
    assert sum(case.kind in NO_MATCH_KINDS for case in holdout) >= no_match
