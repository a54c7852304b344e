"""The connection check from the TUI, against loopback servers only: asked for, run in a worker, cancelled."""

from __future__ import annotations

import time

from kb.tui.app import ConnectionSettings
from kb.tui.widgets.answer_card import AnswerCard
from kb.tui.widgets.cards import ConnectionCard
from tests.diagnoser.servers import closed_port, https_server, silent_server
from tests.tui.conftest import NOW, SERVER_ERROR, ask, make_app, settle


def footer_actions(app) -> set[str]:
    return {binding.action for _, binding, _, _ in app.screen.active_bindings.values() if binding.show}


async def test_the_check_is_offered_never_run_by_itself_and_runs_on_ctrl_t(tmp_path):
    with https_server(status=404) as server:
        app = make_app(
            tmp_path, connection=ConnectionSettings(server.url, cafile=server.ca_pem_path, environ={})
        )
        async with app.run_test(size=(120, 36)) as pilot:
            await ask(
                pilot, f"2024-05-14 ERROR {SERVER_ERROR}\nPost {server.url}v1/definitions/signed failed"
            )
            card = app.screen.query_one(AnswerCard)
            assert "^T" in str(card.query_one(".offer").render())
            assert "offer_check_connection" in footer_actions(app)
            await settle(pilot)
            assert server.requests == [] and not app.screen.query(ConnectionCard)  # offered only

            await pilot.press("ctrl+t")
            await settle(pilot)
            (check,) = app.screen.query(ConnectionCard)
            assert not check.busy
            assert check.finding.check == "net.license-server" and check.finding.severity == "ok"
            assert "404" in check.finding.title
            assert len(server.requests) == 1
            assert "✓" in str(check.query_one(".finding-title").render())


async def test_an_unreachable_server_gives_an_error_card_with_a_fix(tmp_path):
    with closed_port() as url:
        app = make_app(tmp_path, connection=ConnectionSettings(url, environ={}, timeout=5.0))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+t")  # works before any answer: the user asked
            await settle(pilot)
            check = app.screen.query_one(ConnectionCard)
            assert check.finding.severity == "error" and check.result.cause == "refused"
            assert check.finding.fix and check.query(".finding-fix")
            await pilot.press("ctrl+e")  # the check is part of the exported conversation
            await settle(pilot)
            exported = (tmp_path / f"kb-conversation-{NOW:%Y%m%d-%H%M%S}.md").read_text()
            assert f"## Connection check: {url}" in exported and "refused" in exported


async def test_escape_cancels_a_running_check(tmp_path):
    with silent_server() as url:
        app = make_app(tmp_path, connection=ConnectionSettings(url, environ={}, timeout=30.0))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await pilot.pause(0.2)
            check = app.screen.query_one(ConnectionCard)
            assert check.busy and check.query_one(".pending-indicator").loading
            assert "Esc cancels" in str(check.query_one(".pending .hint").render())
            assert "cancel_check" in footer_actions(app)
            started = time.monotonic()
            await pilot.press("escape")
            await settle(pilot)  # the worker ends promptly: the check polls its cancel event
            assert time.monotonic() - started < 5
            assert not check.busy and check.finding is None
            assert "Cancelled" in str(check.query_one(".hint").render())
            assert "cancel_check" not in footer_actions(app)


async def test_a_new_check_cancels_the_running_one(tmp_path):
    with silent_server() as url:
        app = make_app(tmp_path, connection=ConnectionSettings(url, environ={}, timeout=30.0))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await pilot.pause(0.2)
            await pilot.press("ctrl+t")
            await pilot.pause(0.2)
            first, second = app.screen.query(ConnectionCard)
            assert first.done and "another check" in str(first.query_one(".hint").render())
            assert second.busy
            await pilot.press("escape")
            await settle(pilot)
            assert not second.busy


async def test_bad_settings_become_a_failed_card(tmp_path):
    settings = ConnectionSettings("https://127.0.0.1:9/", cafile=str(tmp_path / "missing.pem"), environ={})
    app = make_app(tmp_path, connection=settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        check = app.screen.query_one(ConnectionCard)
        assert check.has_class("-failed")
        assert "could not run" in str(check.query_one(".card-error").render())
        assert app.is_running
