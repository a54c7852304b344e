"""Actions on an answer: copy (checked in app.clipboard), save license.json, export redacted."""

from __future__ import annotations

import json

from kb.tui.screens.confirm import ConfirmScreen
from kb.tui.screens.conversation import ConversationScreen
from kb.tui.widgets.answer_card import AnswerCard
from kb.tui.widgets.match_list import MatchList
from tests.tui.conftest import NOW, SERVER_ERROR, ask, settle
from tests.tui.material import (
    CLEAN_KEY,
    KEY_FROM_PDF,
    KEY_SIGNATURE,
    LEF_CONTROL,
    LEF_SERIAL,
    REPLICATE_CHECKSUM,
    REPLICATE_LICENSE,
    REPLICATE_SERIAL,
    SIGNATURE_SAMPLE,
    TOKEN_LEF,
)


def footer_actions(app) -> set[str]:
    return {binding.action for _, binding, _, _ in app.screen.active_bindings.values() if binding.show}


def notification_texts(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_f2_copies_the_fix_of_the_most_severe_finding(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, TOKEN_LEF)
        answer = app.screen.query_one(AnswerCard).answer
        errors = [finding for finding in answer.findings if finding.severity == "error" and finding.fix]
        assert errors, "the token-only LEF should have an error with a fix"
        assert "copy_fix" in footer_actions(app)
        await pilot.press("f2")
        assert app.clipboard == errors[0].fix.strip()
        assert any(text.startswith("Copied the fix") for text in notification_texts(app))


async def test_f3_copies_the_cleaned_key(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, KEY_FROM_PDF)
        assert "copy_key" in footer_actions(app)
        await pilot.press("f3")
        assert app.clipboard == CLEAN_KEY
        assert " " not in app.clipboard


async def test_copy_keys_do_nothing_where_they_do_not_apply(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        assert not {"copy_key", "copy_command", "save_license"} & footer_actions(app)
        await pilot.press("f3", "f4", "ctrl+s")
        await settle(pilot)
        assert app.clipboard == ""
        assert isinstance(app.screen, ConversationScreen)


async def test_the_focused_answer_is_the_current_one(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, KEY_FROM_PDF)
        await ask(pilot, SERVER_ERROR)
        assert "copy_key" not in footer_actions(app)  # the latest answer has no key
        first_card = app.screen.query(AnswerCard).first()
        first_card.query_one(MatchList).focus()
        await pilot.pause()
        assert app.screen.current_card is first_card
        await pilot.press("f3")
        assert app.clipboard == CLEAN_KEY


async def test_f4_copies_the_import_command_for_the_saved_license_json(app, tmp_path):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, REPLICATE_LICENSE)
        assert {"copy_command", "save_license"} <= footer_actions(app)
        await pilot.press("f4")
        assert "repctl" in app.clipboard
        assert f"importlicense license_file={tmp_path / 'license.json'}" in app.clipboard


async def test_ctrl_s_saves_license_json_and_asks_before_overwriting(app, tmp_path):
    target = tmp_path / "license.json"
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, REPLICATE_LICENSE)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = json.loads(target.read_text())
        assert saved["cmd.license"]["serial_no"] == REPLICATE_SERIAL
        assert saved["cmd.license"]["licensed_to"] == "Acme Corporation"

        target.write_text("keep me")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert target.read_text() == "keep me"

        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert json.loads(target.read_text())["cmd.license"]["checksum"] == REPLICATE_CHECKSUM


async def test_a_save_that_fails_is_a_notification(app, tmp_path):
    (tmp_path / "license.json").mkdir()  # a folder in the way: writing fails
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, REPLICATE_LICENSE)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.is_running
        assert any(text.startswith("Could not save") for text in notification_texts(app))


async def test_export_writes_the_conversation_with_secrets_redacted(app, tmp_path):
    async with app.run_test(size=(120, 36)) as pilot:
        for paste_text in (TOKEN_LEF, REPLICATE_LICENSE, KEY_FROM_PDF, SERVER_ERROR):
            await ask(pilot, paste_text)
        await pilot.press("ctrl+e")
        await settle(pilot)
        exported = tmp_path / f"kb-conversation-{NOW:%Y%m%d-%H%M%S}.md"
        markdown = exported.read_text(encoding="utf-8")
        # What was asked and answered is there...
        assert markdown.count("## ") >= 4 and "PRODUCTLEVEL;50;;2020-12-31" in markdown
        assert "license_type=permanent" in markdown and SERVER_ERROR in markdown
        assert "[redacted]" in markdown
        # ...the secrets are not: license and control numbers, the Replicate serial and checksum, the signature.
        for secret in (LEF_SERIAL, LEF_CONTROL, REPLICATE_SERIAL, REPLICATE_CHECKSUM, SIGNATURE_SAMPLE):
            assert secret not in markdown, secret
        assert KEY_SIGNATURE[:20] not in markdown
        assert any(str(exported) in text for text in notification_texts(app))
        # A second export does not overwrite the first.
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert (tmp_path / f"kb-conversation-{NOW:%Y%m%d-%H%M%S}-2.md").exists()


async def test_an_export_that_fails_is_a_notification(app, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("kb.tui.app.conversation_markdown", broken)
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.is_running
        assert any("Export failed" in text and "disk full" in text for text in notification_texts(app))


async def test_an_action_that_raises_is_a_notification_not_a_crash(app, monkeypatch):
    def broken_clipboard(text: str) -> None:
        raise RuntimeError("no terminal")

    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, TOKEN_LEF)
        monkeypatch.setattr(app, "copy_to_clipboard", broken_clipboard)
        await pilot.press("f2")
        await settle(pilot)
        assert app.is_running
        assert any(
            "Copying the fix failed" in text and "no terminal" in text for text in notification_texts(app)
        )


async def test_an_answer_that_cannot_be_drawn_becomes_a_failed_card(app, monkeypatch):
    def broken_widgets(*args, **kwargs):
        raise ValueError("bad markdown")

    monkeypatch.setattr("kb.tui.widgets.answer_card.answer_widgets", broken_widgets)
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        card = app.screen.query_one(AnswerCard)
        assert card.has_class("-failed") and not card.busy
        assert app.is_running


async def test_a_fix_that_is_a_whole_key_is_shown_short_and_copied_whole(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, KEY_FROM_PDF)
        card = app.screen.query_one(AnswerCard)
        shown = [str(fix.render()) for fix in card.query(".finding-fix")]
        whole_key_fix = [text for text in shown if text.startswith("Fix: " + CLEAN_KEY[:50])]
        assert whole_key_fix and len(whole_key_fix[0]) < 200 and "characters" in whole_key_fix[0]
        await pilot.press("f2")
        assert app.clipboard == CLEAN_KEY
