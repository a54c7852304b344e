"""Shared helpers for the TUI tests: an app on fixed articles, a fixed date and clock, and a way to paste."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from kb.tui.app import ConnectionSettings, KbApp

# Frozen copies of three bundled articles: snapshots must not change when the bundled articles are edited.
FIXTURE_ARTICLES = Path(__file__).parent / "articles"
BUNDLED_ARTICLES = Path(__file__).resolve().parents[2] / "articles"
TODAY = date(2024, 6, 1)
NOW = datetime(2024, 6, 1, 9, 30, 0)
# Nothing in these tests may reach a real host: an address nobody listens on unless a test starts a server.
UNUSED_URL = "https://127.0.0.1:9/"

SERVER_ERROR = "There was an error when getting license information from the license server"
# A description that two articles explain about equally well: its answer lists other matches.
SEVERAL_MATCHES = "QMC asks for the signed license key again and all users lost their access"


def make_app(
    start_dir: Path,
    folders: list[Path] | None = None,
    connection: ConnectionSettings | None = None,
) -> KbApp:
    return KbApp(
        folders if folders is not None else [BUNDLED_ARTICLES],
        connection=connection or ConnectionSettings(url=UNUSED_URL, environ={}, timeout=5.0),
        start_dir=start_dir,
        today=TODAY,
        clock=lambda: NOW,
        theme="textual-dark",
    )


@pytest.fixture
def app(tmp_path: Path) -> KbApp:
    return make_app(tmp_path)


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and the widgets they update be drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    """A bracketed paste, as the terminal delivers it."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def ask(pilot: Pilot, text: str) -> None:
    await settle(pilot)  # the articles are loaded
    await paste(pilot, text)
    await pilot.press("enter")
    await settle(pilot)
