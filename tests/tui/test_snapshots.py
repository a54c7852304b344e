"""Snapshots of the main screens at fixed sizes (pytest-textual-snapshot; update with --snapshot-update).

The articles are the frozen copies in tests/tui/articles, and the answer is a fixed one, so these change
only when the TUI's rendering changes.
"""

from __future__ import annotations

import pytest

from diagnoser import Diagnosis, Finding
from kb.answer import Answer
from kb.extract import query_lines
from kb.knowledge_base import KnowledgeBase
from kb.search import Match
from kb.tui.widgets.paste_box import PasteBox
from tests.tui.conftest import FIXTURE_ARTICLES, SERVER_ERROR, make_app, paste, settle

LOG = "\n".join(
    [f"2024-05-14 10:00:{n:02d} INFO Repository request {n} handled" for n in range(20)]
    + [f"2024-05-14 10:00:21 ERROR Licenses {SERVER_ERROR} [bold]literal[/bold]"]
    + [f"2024-05-14 10:00:{n:02d} INFO Repository request {n} handled" for n in range(22, 40)]
)


def fixed_answer(text: str) -> Answer:
    knowledge_base = KnowledgeBase.load([FIXTURE_ARTICLES], use_cache=False)
    best = knowledge_base["license-server-connection-error"]
    other = knowledge_base["sense-desktop-authentication"]
    findings = [
        Finding(
            "net.license-server",
            "error",
            "The license service could not reach license.qlikcloud.com",
            detail="The log shows a timeout on https://license.qlikcloud.com/v1/definitions/signed.",
            fix="Allow outbound https (port 443) to license.qlikcloud.com, or configure the proxy.",
            articles=("license-server-connection-error",),
        ),
        Finding("lef.productlevel-date", "warning", "The PRODUCTLEVEL date 2020-12-31 is in the past"),
        Finding("lef.product", "info", "PRODUCTLEVEL 50: Qlik Sense Enterprise"),
        Finding("lef.geo-server-missing", "ok", "Not a GeoAnalytics license"),
    ]
    return Answer(
        text=text,
        input_kind="log",
        findings=findings,
        matches=[
            Match(best, 100.0, f'error message "{SERVER_ERROR}" found in line 21'),
            Match(other, 64.0, "the article's text shares most words of line 21"),
        ],
        diagnosis=Diagnosis(input_kind="log", findings=findings),
        query_lines=query_lines(text),
    )


@pytest.fixture
def snapshot_app(tmp_path):
    return make_app(tmp_path, [FIXTURE_ARTICLES])


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.screen.query_one(PasteBox).cursor_blink = False  # a blinking cursor is time-dependent


def test_start_screen_80x24(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=ready)


def test_start_screen_120x36(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, terminal_size=(120, 36), run_before=ready)


def test_answer_card(snap_compare, snapshot_app, monkeypatch):
    monkeypatch.setattr("kb.tui.screens.conversation.answer", lambda kb, text, **_: fixed_answer(text))

    async def run_before(pilot) -> None:
        await ready(pilot)
        await paste(pilot, LOG)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(120, 36), run_before=run_before)


def test_article_screen(snap_compare, snapshot_app):
    async def run_before(pilot) -> None:
        await ready(pilot)
        pilot.app.open_article("geoanalytics-lef-server-permission")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(120, 36), run_before=run_before)


def test_browser(snap_compare, snapshot_app):
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press(*"license")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(120, 36), run_before=run_before)


def test_help(snap_compare, snapshot_app):
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(120, 36), run_before=run_before)


def test_answer_card_in_16_colours(snap_compare, tmp_path, monkeypatch):
    """The theme a 16-colour terminal gets: marks, borders and the resolution must stay readable."""
    monkeypatch.setattr("kb.tui.screens.conversation.answer", lambda kb, text, **_: fixed_answer(text))
    app = make_app(tmp_path, [FIXTURE_ARTICLES])
    app.requested_theme = "ansi-dark"

    async def run_before(pilot) -> None:
        await ready(pilot)
        await paste(pilot, SERVER_ERROR)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
