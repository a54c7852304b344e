"""The conversation: paste, answer, the cards, markup safety, errors that become cards."""

from __future__ import annotations

from textual.widgets import Button, Markdown, Static

from kb.tui.screens.article import ArticleScreen
from kb.tui.screens.browser import ArticleBrowser
from kb.tui.screens.conversation import ConversationScreen
from kb.tui.widgets.answer_card import AnswerCard
from kb.tui.widgets.cards import WelcomeCard
from kb.tui.widgets.match_list import MatchList
from kb.tui.widgets.paste_box import PasteBox
from kb.tui.widgets.user_message import UserMessage
from tests.tui.conftest import SERVER_ERROR, SEVERAL_MATCHES, ask, paste, settle


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_start_screen_says_how_many_articles_loaded(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.focused is app.screen.query_one(PasteBox)
        status = text_of(app.screen.query_one("#welcome-status", Static))
        assert f"{len(app.knowledge_base)} articles loaded" in status
        assert len(app.knowledge_base) >= 3


async def test_a_pasted_error_gets_an_answer_card_with_the_best_article(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        box = app.screen.query_one(PasteBox)
        assert box.text == ""  # sent and cleared
        (user,) = app.screen.query(UserMessage)
        assert user.text == SERVER_ERROR
        (card,) = app.screen.query(AnswerCard)
        assert not card.busy
        assert card.answer.best.article.id == "license-server-connection-error"
        summary = text_of(card.query_one(".answer-summary", Static))
        assert summary.startswith("Recognised: text")
        assert "license.qlikcloud.com" in text_of(card.query_one(".best-title", Static))
        assert "error message" in text_of(card.query_one(".why", Static))
        resolution = card.query_one(".resolution", Markdown)
        assert "outbound" in resolution.source
        # The paste is about the license server: the check is offered, never run by itself.
        assert "^T" in text_of(card.query_one(".offer", Static))
        assert not app.screen.query("ConnectionCard")


async def test_bracketed_paste_of_500_lines_is_taken_whole_and_its_error_line_shown(app, tmp_path):
    lines = [
        f"2024-05-14 10:{n // 60:02d}:{n % 60:02d} INFO Repository request {n} handled" for n in range(500)
    ]
    lines[311] = f"2024-05-14 10:05:11 ERROR Licenses {SERVER_ERROR}. context deadline exceeded"
    log = "\n".join(lines)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await paste(pilot, log)
        box = app.screen.query_one(PasteBox)
        assert box.text == log  # one paste, all 500 lines, nothing sent yet
        assert not app.screen.query(AnswerCard)
        await pilot.press("enter")
        await settle(pilot)
        (card,) = app.screen.query(AnswerCard)
        assert card.answer.input_kind == "log"
        assert card.answer.best.article.id == "license-server-connection-error"
        key_lines = [text_of(line) for line in card.query(".key-line")]
        assert key_lines and key_lines[0].split()[0] == "312"
        (user,) = app.screen.query(UserMessage)
        assert "496 more lines" in text_of(user)
        assert box.region.height <= 36 // 2  # max-height 50%: a long paste scrolls inside the box


async def test_enter_sends_and_ctrl_j_or_shift_enter_make_a_new_line(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"first", "ctrl+j", *"second", "shift+enter", *"third")
        box = app.screen.query_one(PasteBox)
        assert box.text == "first\nsecond\nthird"
        assert "^J" in box.border_subtitle and "Enter" in box.border_subtitle
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(UserMessage).text == "first\nsecond\nthird"


async def test_enter_on_an_empty_box_sends_nothing(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("space", "enter")
        await settle(pilot)
        assert not app.screen.query(AnswerCard)


async def test_markup_in_user_text_is_shown_literally(app):
    tricky = "[bold]x[/bold] [[x]] [/red] [link=https://example.invalid]y[/link] $error"
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, tricky)
        user = app.screen.query_one(UserMessage)
        assert text_of(user) == tricky
        card = app.screen.query_one(AnswerCard)
        assert card.answer is not None  # answered, no crash on the markup


async def test_no_match_says_so_and_offers_the_browser(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, "java.lang.OutOfMemoryError: Java heap space")
        card = app.screen.query_one(AnswerCard)
        assert card.answer.best is None
        assert "No article matches" in text_of(card.query_one(".no-match", Static))
        assert not card.query(MatchList)
        await pilot.click("#browse-articles")
        await settle(pilot)
        assert isinstance(app.screen, ArticleBrowser)
        assert card.query_one("#browse-articles", Button)


async def test_no_match_about_another_vendors_product_names_it(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, "Tableau Server: license activation fails behind our proxy")
        card = app.screen.query_one(AnswerCard)
        assert card.answer.best is None
        hints = [text_of(hint) for hint in card.query(".hint")]
        assert "The paste is about Tableau, which none of the articles cover." in hints
        assert card.query_one("#browse-articles", Button)


async def test_no_match_offers_the_closest_articles_which_open_like_matches(app):
    paste_text = (
        "Can our analysts keep using the free Windows authoring app if we only have the cheap SaaS business "
        "tier and no on-prem server? How do they tie it to our tenant?"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, paste_text)
        card = app.screen.query_one(AnswerCard)
        assert card.answer.best is None
        titles = [text_of(title) for title in card.query(".others-title")]
        assert any(title.startswith("Closest articles, not confident") for title in titles)
        closest = card.query_one(MatchList)
        closest.focus()
        closest.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "sense-desktop-authentication"


async def test_earlier_answers_stay_in_the_conversation(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        await ask(pilot, "Error adding license LEF does not give server permissions")
        cards = list(app.screen.query(AnswerCard))
        assert [card.number for card in cards] == [1, 2]
        assert cards[1].answer.best.article.id == "geoanalytics-lef-server-permission"
        assert cards[0].answer.best.article.id == "license-server-connection-error"
        assert app.screen.query(WelcomeCard)


async def test_an_exception_while_answering_becomes_a_card_not_a_crash(app, monkeypatch):
    def broken_answer(*args, **kwargs):
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr("kb.tui.screens.conversation.answer", broken_answer)
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SERVER_ERROR)
        card = app.screen.query_one(AnswerCard)
        assert card.has_class("-failed")
        assert "matcher exploded" in text_of(card.query_one(".card-error", Static))
        assert app.is_running
        await ask(pilot, SERVER_ERROR)  # the next paste still works
        assert len(app.screen.query(AnswerCard)) == 2


async def test_a_huge_paste_is_attached_not_laid_out_and_still_answered(app):
    lines = [f"2024-05-14 10:00:{n % 60:02d} INFO Repository request {n} handled" for n in range(30_000)]
    lines[22_222] = f"2024-05-14 10:00:00 ERROR Licenses {SERVER_ERROR}"
    log = "\n".join(lines)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await paste(pilot, log)
        box = app.screen.query_one(PasteBox)
        assert box.text == "" and box.attachment == log
        assert "30,000 lines attached" in box.border_title
        await pilot.press("backspace")  # removes the attachment
        assert box.attachment is None
        await paste(pilot, log)
        await pilot.press(*"seen after the upgrade")
        await pilot.press("enter")
        await settle(pilot)
        assert box.attachment is None and box.text == ""
        user = app.screen.query_one(UserMessage)
        assert user.text == log + "\nseen after the upgrade"
        card = app.screen.query_one(AnswerCard)
        assert card.answer.best.article.id == "license-server-connection-error"
        assert text_of(card.query(".key-line").first()).split()[0] == "22223"


async def test_a_paste_while_the_focus_is_elsewhere_lands_in_the_paste_box(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await ask(pilot, SEVERAL_MATCHES)
        app.screen.query_one(MatchList).focus()
        await pilot.pause()
        await paste(pilot, "LICENSES-030\nsecond line")
        await pilot.pause()
        box = app.screen.query_one(PasteBox)
        assert box.text == "LICENSES-030\nsecond line"
        assert app.focused is box
