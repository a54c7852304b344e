"""Starting with broken or missing article folders: the app starts and says which files."""

from __future__ import annotations

from textual.widgets import Static

from kb.tui.app import problem_notes
from kb.tui.screens.conversation import ConversationScreen
from tests.tui.conftest import FIXTURE_ARTICLES, SERVER_ERROR, ask, make_app, settle


def notification_texts(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_broken_article_files_are_named_in_a_notification(tmp_path):
    broken = tmp_path / "mine"
    broken.mkdir()
    (broken / "half-written.yaml").write_text("id: half-written\ntitle: [unclosed\n")
    (broken / "no-resolution.yaml").write_text("id: no-resolution\ntitle: T\nerrors: [E]\n")
    (broken / "odd-key.yaml").write_text(
        "id: odd-key\ntitle: Odd\nerrors: [Odd error 42]\nresolution: fix it\ncolour: blue\n"
    )
    app = make_app(tmp_path, [FIXTURE_ARTICLES, broken])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        notes = " ".join(notification_texts(app))
        assert "half-written.yaml" in notes and "no-resolution.yaml" in notes
        assert "odd-key.yaml" in notes  # loaded, with a warning about the unknown key
        assert "odd-key" in app.knowledge_base and "half-written" not in app.knowledge_base
        status = str(app.screen.query_one("#welcome-status", Static).render())
        assert "4 articles loaded" in status and "problems" in status
        await ask(pilot, SERVER_ERROR)  # the good articles still answer
        assert app.screen.query_one("AnswerCard").answer.best.article.id == "license-server-connection-error"


async def test_a_missing_folder_is_skipped_with_a_notification(tmp_path):
    app = make_app(tmp_path, [FIXTURE_ARTICLES, tmp_path / "does-not-exist"])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert any("does-not-exist" in text for text in notification_texts(app))
        assert len(app.knowledge_base) == 3


async def test_no_articles_at_all_still_starts_and_answers_without_a_match(tmp_path):
    app = make_app(tmp_path, [tmp_path / "nowhere"])
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        card = app.screen.query_one("AnswerCard")
        assert card.answer.best is None


async def test_reload_picks_up_a_new_article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    app = make_app(tmp_path, [FIXTURE_ARTICLES, folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert len(app.knowledge_base) == 3
        (folder / "new-one.yaml").write_text(
            "id: new-one\ntitle: A new article\nerrors: [Frobnication quota exhausted]\nresolution: Wait.\n"
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "new-one" in app.knowledge_base
        assert any("Reloaded 4 articles" in text for text in notification_texts(app))


def test_problem_notes_group_by_file_and_severity(tmp_path):
    from kb.loading import Problem

    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    notes = problem_notes(
        [Problem(first, 1, "x"), Problem(first, 3, "y"), Problem(second, 2, "z", "warning")]
    )
    assert len(notes) == 2
    assert str(first) in notes[0] and notes[0].count(str(first)) == 1 and str(second) not in notes[0]
    assert str(second) in notes[1]


async def test_a_file_name_that_looks_like_markup_is_shown_as_it_is(tmp_path):
    folder = tmp_path / "[bold]odd"
    folder.mkdir()
    (folder / "[red]broken.yaml").write_text("id: x\n")
    app = make_app(tmp_path, [FIXTURE_ARTICLES, folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert any("[bold]odd/[red]broken.yaml" in text for text in notification_texts(app))
        assert not any(notification.markup for notification in app._notifications)  # shown literally
        assert app.is_running


def test_16_colour_terminals_get_the_ansi_theme():
    from kb.tui.app import theme_for

    assert theme_for("standard") == "ansi-dark"
    assert theme_for("256") == theme_for("truecolor") == "textual-dark"


def test_export_and_answer_helpers_never_import_textual():
    import subprocess
    import sys

    code = (
        "import sys, kb.export, kb.tui.answer_actions, kb.tui.article_filter; "
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
