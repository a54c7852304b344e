"""Opening articles, the browser with search-as-you-type, help, the command palette."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input, Markdown, OptionList, Static

from kb.tui.screens.article import ArticleScreen
from kb.tui.screens.browser import ArticleBrowser
from kb.tui.screens.conversation import ConversationScreen
from kb.tui.screens.help import HelpScreen
from kb.tui.widgets.answer_card import AnswerCard
from kb.tui.widgets.match_list import MatchList
from kb.tui.widgets.paste_box import PasteBox
from tests.tui.conftest import SERVER_ERROR, SEVERAL_MATCHES, ask, settle


async def test_ctrl_o_opens_the_best_article_and_escape_comes_back(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "license-server-connection-error"
        source = app.screen.query_one("#article-markdown", Markdown).source
        for heading in ("## Error messages", "## Cause", "## Resolution", "## References"):
            assert heading in source
        await pilot.press("c")
        assert app.clipboard == app.screen.article.resolution.strip()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)


async def test_another_match_opens_from_the_match_list(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SEVERAL_MATCHES)
        card = app.screen.query_one(AnswerCard)
        matches = card.query_one(MatchList)
        other_id = card.answer.matches[1].article.id
        matches.focus()
        matches.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == other_id


async def test_ctrl_o_does_nothing_before_any_answer(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        footer_actions = {binding.action for _, binding, _, _ in app.screen.active_bindings.values()}
        assert "open_best" not in footer_actions  # hidden: it does not apply yet


async def test_browser_narrows_as_you_type_and_opens_the_choice(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, ArticleBrowser)
        options = app.screen.query_one("#browser-list", OptionList)
        assert options.option_count == len(app.knowledge_base)
        await pilot.press(*"geoanalytics permission")
        await settle(pilot)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "geoanalytics-lef-server-permission"
        ]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "geoanalytics-lef-server-permission"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticleBrowser)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)


async def test_browser_says_when_nothing_matches(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press(*"zzqqxx")
        await settle(pilot)
        assert app.screen.query_one("#browser-list", OptionList).option_count == 0
        assert "No article contains" in str(app.screen.query_one("#browser-count", Static).render())
        app.screen.query_one(Input).focus()
        await pilot.press("enter")  # nothing to open: no crash
        await settle(pilot)
        assert isinstance(app.screen, ArticleBrowser)


async def test_help_opens_with_f1_and_question_mark_and_closes_with_escape(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one(Markdown).source
        assert "Ctrl+O" in help_text and "Ctrl+T" in help_text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        # In the paste box "?" is text; elsewhere it opens the help.
        await pilot.press("question_mark")
        assert app.screen.query_one(PasteBox).text == "?"
        app.screen.query_one("#conversation").focus()
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_command_palette_offers_the_current_answers_articles(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = [command.title for command in app.screen.palette_commands()]
        assert not any(title.startswith("Open the best article") for title in before)
        await ask(pilot, SERVER_ERROR)
        after = [command.title for command in app.screen.palette_commands()]
        assert after[0].startswith("Open the best article: ")
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"best article")
        await pilot.pause(0.3)  # the palette searches asynchronously
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "license-server-connection-error"


async def test_palette_browse_command(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"browse all")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleBrowser)


async def test_markup_in_an_article_title_is_safe_in_cards_palette_and_browser(tmp_path):
    from tests.tui.conftest import FIXTURE_ARTICLES, make_app

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "frob.yaml").write_text(
        "id: frob\n"
        "title: '[bold]Frobnicator[/bold] fails [/x] [[y]]'\n"
        "errors: ['Frobnicator quota exhausted [code 7]']\n"
        "resolution: 'Raise the [b]quota[/b].'\n"
    )
    app = make_app(tmp_path, [FIXTURE_ARTICLES, folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, "Frobnicator quota exhausted [code 7]")
        card = app.screen.query_one(AnswerCard)
        assert card.answer.best.article.id == "frob"
        assert "[bold]Frobnicator[/bold] fails [/x] [[y]]" in str(card.query_one(".best-title").render())
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"frobnicator")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "frob"
        await pilot.press("escape", "ctrl+b")
        await settle(pilot)
        await pilot.press(*"frob")
        await settle(pilot)
        options = app.screen.query_one("#browser-list", OptionList)
        assert "[bold]Frobnicator[/bold]" in str(options.get_option_at_index(0).prompt)
        assert app.is_running
