"""The quality report's arithmetic and exit status, on a tiny set."""

from benchmarks import quality
from benchmarks.eval_set import EvalCase

FOUND = quality.Got("article-a", 90.0, "error message")
OTHER = quality.Got("article-b", 70.0, "symptom")


def outcome(expect, got, kind="exact"):
    return quality.Outcome(EvalCase(1, "paste", expect, kind), got, 0.001)


def test_rank_and_summary():
    outcomes = [
        outcome("article-a", [FOUND, OTHER]),  # top-1
        outcome("article-a", [OTHER, FOUND]),  # top-3 only
        outcome("article-a", []),  # missed
        outcome(None, [], kind="unrelated"),  # correctly no match
        outcome(None, [OTHER], kind="unrelated"),  # false positive
    ]
    assert [o.rank for o in outcomes[:3]] == [1, 2, None]
    summary = quality.summarise(outcomes)
    assert (summary.expected, summary.top1, summary.top3) == (3, 1, 2)
    assert (summary.no_match_cases, summary.false_positives) == (2, 1)
    text = quality.report(outcomes, mode="test", set_path=quality.DEFAULT_SET, verbose=False)
    assert "Misses (3):" in text and "false positives       1" in text


def write_set(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "- paste: 'Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space'\n"
        "  expect: null\n  kind: unrelated\n"
    )
    return path


def test_report_exits_zero_without_thresholds(tmp_path, capsys):
    assert quality.main(["--set", str(write_set(tmp_path)), "--search-only"]) == 0
    assert "top-1" in capsys.readouterr().out


def test_unmet_threshold_exits_one(tmp_path, capsys):
    # No pastes expect an article: top-1 counts as 1.0, so only an impossible rate fails.
    assert quality.main(["--set", str(write_set(tmp_path)), "--fail-under", "1.01"]) == 1
    assert "FAILED: top-1" in capsys.readouterr().out


def test_bad_set_exits_two(tmp_path, capsys):
    path = tmp_path / "set.yaml"
    path.write_text("- paste: x\n  kind: nonsense\n")
    assert quality.main(["--set", str(path)]) == 2
    assert "kind 'nonsense'" in capsys.readouterr().err
