"""kb/export.py: the structure of an exported conversation (redaction itself: test_actions.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from diagnoser import Finding
from kb.answer import answer
from kb.export import MAX_PASTE_LINES, ConnectionCheckEntry, ExportError, conversation_markdown
from kb.knowledge_base import KnowledgeBase
from tests.tui.conftest import BUNDLED_ARTICLES, FIXTURE_ARTICLES, SERVER_ERROR

WHEN = datetime(2024, 6, 1, 9, 30)


def keep(text: str) -> str:
    return text


@pytest.fixture(scope="module")
def knowledge_base():
    return KnowledgeBase.load([FIXTURE_ARTICLES], use_cache=False)


def test_an_answer_becomes_a_section_with_the_paste_the_best_match_and_its_resolution(knowledge_base):
    result = answer(knowledge_base, SERVER_ERROR)
    markdown = conversation_markdown([result], exported_at=WHEN, redact=keep)
    assert markdown.startswith("# kb conversation\n")
    assert "Exported 2024-06-01 09:30" in markdown
    assert "## 1. Pasted: text" in markdown
    assert f"```text\n{SERVER_ERROR}\n```" in markdown
    assert f"### Best match: {result.best.article.title}" in markdown
    assert result.best.article.resolution.strip() in markdown


def test_no_match_is_said_plainly(knowledge_base):
    result = answer(knowledge_base, "java.lang.OutOfMemoryError: Java heap space")
    markdown = conversation_markdown([result], exported_at=WHEN, redact=keep)
    assert "No article matches this paste confidently." in markdown
    assert "none of the articles cover" not in markdown


def test_no_match_about_another_vendors_product_names_it(knowledge_base):
    result = answer(knowledge_base, "Citrix license server has entered the grace period")
    markdown = conversation_markdown([result], exported_at=WHEN, redact=keep)
    assert "The paste is about Citrix, which none of the articles cover." in markdown


def test_a_paste_with_backticks_cannot_close_its_fence(knowledge_base):
    text = "before\n```\n# not a heading\n````\nafter"
    markdown = conversation_markdown([answer(knowledge_base, text)], exported_at=WHEN, redact=keep)
    assert "`````text\n" + text + "\n`````" in markdown


def test_a_long_paste_is_cut_and_says_so(knowledge_base):
    text = "\n".join(f"line {number}" for number in range(MAX_PASTE_LINES + 50))
    markdown = conversation_markdown([answer(knowledge_base, text)], exported_at=WHEN, redact=keep)
    assert f"line {MAX_PASTE_LINES - 1}\n" in markdown and f"line {MAX_PASTE_LINES}\n" not in markdown
    assert "50 more lines not included" in markdown


def test_connection_checks_and_findings_are_listed_in_order(knowledge_base):
    finding = Finding(
        "net.license-server", "error", "Not reachable", detail="Timed out.", fix="Open port 443.\nThen retry."
    )
    entries = [
        answer(knowledge_base, SERVER_ERROR),
        ConnectionCheckEntry("https://127.0.0.1:9/", finding, {"reachable": False, "cause": "timeout"}),
    ]
    markdown = conversation_markdown(entries, exported_at=WHEN, redact=keep)
    assert markdown.index("## 1. Pasted") < markdown.index("## Connection check: https://127.0.0.1:9/")
    assert "- ✗ **Not reachable** (`net.license-server`, error)" in markdown
    assert "  Fix: Open port 443.\n  Then retry." in markdown
    assert "cause: timeout" in markdown


def test_the_whole_document_goes_through_the_redactor(knowledge_base):
    seen: list[str] = []

    def redactor(text: str) -> str:
        seen.append(text)
        return text.replace("license server", "[gone]")

    markdown = conversation_markdown(
        [answer(knowledge_base, SERVER_ERROR)], exported_at=WHEN, redact=redactor
    )
    assert len(seen) == 1 and "license server" not in markdown and "[gone]" in markdown


def test_without_a_redactor_nothing_is_exported(knowledge_base, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_redact(name, *args, **kwargs):
        if name == "diagnoser.redact":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_redact)
    with pytest.raises(ExportError):
        conversation_markdown([answer(knowledge_base, SERVER_ERROR)], exported_at=WHEN)


def test_a_long_log_keeps_its_error_line_even_past_the_cut(knowledge_base):
    lines = [f"2024-05-14 10:00:00 INFO request {number} handled" for number in range(MAX_PASTE_LINES * 3)]
    lines[MAX_PASTE_LINES * 2] = f"2024-05-14 10:00:00 ERROR Licenses {SERVER_ERROR}"
    markdown = conversation_markdown(
        [answer(knowledge_base, "\n".join(lines))], exported_at=WHEN, redact=keep
    )
    assert "Lines that stand out:" in markdown
    assert f"{MAX_PASTE_LINES * 2 + 1}  2024-05-14 10:00:00 ERROR Licenses {SERVER_ERROR}" in markdown


def test_no_match_lists_the_closest_articles_as_not_confident():
    bundled = KnowledgeBase.load([BUNDLED_ARTICLES], use_cache=False)
    paste_text = (
        "Can our analysts keep using the free Windows authoring app if we only have the cheap SaaS business "
        "tier and no on-prem server? How do they tie it to our tenant?"
    )
    markdown = conversation_markdown([answer(bundled, paste_text)], exported_at=WHEN, redact=keep)
    assert "Closest articles, not confident enough to be the answer:" in markdown
    assert "(`sense-desktop-authentication`, score" in markdown
