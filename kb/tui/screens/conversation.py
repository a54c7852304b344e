"""The main screen: the conversation above, the paste box below, the actions on the current answer."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header
from textual.worker import Worker, get_current_worker

from kb.answer import Answer, answer
from kb.extract import SHORT_PASTE_LINES
from kb.tui import answer_actions
from kb.tui.commands import PaletteCommand, conversation_commands
from kb.tui.messages import AnswerReady, ConnectionChecked
from kb.tui.safety import describe, notify_errors
from kb.tui.widgets.answer_card import AnswerCard
from kb.tui.widgets.cards import ConnectionCard, WelcomeCard
from kb.tui.widgets.paste_box import PasteBox
from kb.tui.widgets.user_message import UserMessage

if TYPE_CHECKING:
    from kb.tui.app import KbApp

# Actions that only make sense for some answers: hidden from the footer when they do not apply.
ANSWER_ACTIONS = frozenset({"open_best", "copy_fix", "copy_key", "copy_command", "save_license"})


class ConversationScreen(Screen):
    BINDINGS = [
        Binding("ctrl+o", "open_best", "Open", key_display="^O"),
        Binding("ctrl+b", "browse", "Browse", key_display="^B"),
        Binding("f2", "copy_fix", "Copy fix", key_display="F2"),
        Binding("f3", "copy_key", "Copy key", key_display="F3"),
        Binding("f4", "copy_command", "Copy command", key_display="F4"),
        Binding("ctrl+s", "save_license", "Save json", key_display="^S"),
        # Ctrl+T always runs the check; the footer shows it only where the answer offers it.
        Binding("ctrl+t", "offer_check_connection", "Check connection", key_display="^T"),
        Binding("ctrl+t", "check_connection", "Check connection", key_display="^T", show=False),
        Binding("escape", "cancel_check", "Cancel", key_display="Esc"),
        Binding("ctrl+e", "export", "Export", key_display="^E"),  # the paste box gives up Ctrl+E
        Binding("ctrl+r", "reload", "Reload articles", key_display="^R", show=False),
    ]

    app: KbApp

    def __init__(self) -> None:
        super().__init__(classes="conversation-screen")
        self.turns = 0
        self.connection_worker: Worker | None = None
        self.connection_card: ConnectionCard | None = None
        self.connection_cancel = threading.Event()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="conversation"):
            yield WelcomeCard()
        yield PasteBox(id="paste-box")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#conversation", VerticalScroll).anchor()
        self.query_one(PasteBox).focus()

    # The conversation -------------------------------------------------------------------------------

    @property
    def conversation(self) -> VerticalScroll:
        return self.query_one("#conversation", VerticalScroll)

    @property
    def current_card(self) -> AnswerCard | None:
        """The answer the user moved into with Tab, otherwise the latest one."""
        node = self.focused
        while node is not None:
            if isinstance(node, AnswerCard) and node.answer is not None:
                return node
            node = node.parent
        answered = [card for card in self.query(AnswerCard) if card.answer is not None]
        return answered[-1] if answered else None

    @property
    def current_answer(self) -> Answer | None:
        card = self.current_card
        return card.answer if card else None

    @notify_errors("Sending the paste")
    async def on_paste_box_submitted(self, event: PasteBox.Submitted) -> None:
        self.turns += 1
        card = AnswerCard(self.turns, line_count=event.text.count("\n") + 1)
        await self.conversation.mount_all([UserMessage(event.text, self.turns), card])
        self.conversation.anchor()
        self.answer_paste(card, event.text)

    def on_paste(self, event: events.Paste) -> None:
        """A paste while the focus was elsewhere (an answer, a list) goes to the paste box."""
        event.stop()
        paste_box = self.query_one(PasteBox)
        paste_box.focus()
        paste_box.post_message(events.Paste(event.text))

    @work(thread=True, exit_on_error=False, group="answer")
    def answer_paste(self, card: AnswerCard, text: str) -> None:
        """A thread: a paste of 100,000 log lines takes longer than a frame to answer."""
        try:
            knowledge_base = self.app.wait_for_knowledge_base()
            result = answer(knowledge_base, text, today=self.app.today)
            key_lines = lines_that_stand_out(result)
        except Exception as error:  # an answer that fails becomes a card, never a crash
            self.post_message(AnswerReady(card, None, f"Could not answer this paste: {describe(error)}"))
            return
        self.post_message(AnswerReady(card, result, key_lines=key_lines))

    async def on_answer_ready(self, message: AnswerReady) -> None:
        card = message.card
        if not isinstance(card, AnswerCard) or not card.is_attached:
            return
        if message.answer is None:
            await card.show_error(message.error)
        else:
            try:
                await card.show_answer(
                    message.answer,
                    offer=self.connection_offer(message.answer),
                    keys_hint=self.keys_hint(message.answer),
                    key_lines=message.key_lines,
                )
            except Exception as error:  # e.g. an article whose Markdown cannot be drawn
                await card.show_error(f"Could not show this answer: {describe(error)}")
        self.refresh_bindings()
        self.call_after_refresh(self.show_top_of_turn, card)

    def show_top_of_turn(self, card: Widget) -> None:
        """An answer taller than the view: show where it starts (the paste), not its last lines."""
        conversation = self.conversation
        turn_start = card
        siblings = list(conversation.children)
        index = siblings.index(card) if card in siblings else -1
        if index > 0 and isinstance(siblings[index - 1], UserMessage):
            turn_start = siblings[index - 1]
        turn_height = card.region.bottom - turn_start.region.y
        if turn_height > conversation.scrollable_content_region.height:
            conversation.anchor(False)
            conversation.scroll_to_widget(turn_start, top=True, animate=False)

    def connection_offer(self, answer: Answer) -> str:
        if not answer_actions.connection_offered(answer):
            return ""
        return (
            f"This looks like a connection problem with the license service. Press ^T to test "
            f"{self.app.connection.url} from this machine (nothing is sent until you do)."
        )

    def keys_hint(self, answer: Answer) -> str:
        keys = []
        if answer.best is not None:
            keys.append("^O open the article")
        if answer_actions.fix_to_copy(answer):
            keys.append("F2 copy the fix")
        if answer_actions.cleaned_key(answer):
            keys.append("F3 copy the cleaned key")
        if answer_actions.offers_license_json(answer):
            keys += ["F4 copy the import command", "^S save license.json"]
        return " · ".join(keys)

    def knowledge_base_changed(self, status: str) -> None:
        for welcome in self.query(WelcomeCard):
            welcome.set_status(status)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the current answer may have changed

    # Which actions apply -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        try:
            return self._action_applies(action)
        except Exception:  # deciding what the footer shows must never take the app down
            return False

    def _action_applies(self, action: str) -> bool:
        if action == "cancel_check":
            return self.connection_worker is not None and self.connection_worker.is_running
        if action == "offer_check_connection":
            return answer_actions.connection_offered(self.current_answer)
        if action not in ANSWER_ACTIONS:
            return True
        answer = self.current_answer
        if action == "open_best":
            return answer is not None and answer.best is not None
        if action == "copy_fix":
            return answer_actions.fix_to_copy(answer) is not None
        if action == "copy_key":
            return answer_actions.cleaned_key(answer) is not None
        return answer_actions.offers_license_json(answer)

    def palette_commands(self) -> list[PaletteCommand]:
        return conversation_commands(self)

    # Actions ---------------------------------------------------------------------------------------------

    @notify_errors("Opening the article")
    def action_open_best(self) -> None:
        answer = self.current_answer
        if answer is not None and answer.best is not None:
            self.app.open_article(answer.best.article.id)

    @notify_errors("Opening the browser")
    def action_browse(self) -> None:
        self.app.browse_articles()

    @notify_errors("Reloading the articles")
    def action_reload(self) -> None:
        self.app.load_knowledge_base(reloaded=True)

    @notify_errors("Copying the fix")
    def action_copy_fix(self) -> None:
        fix = answer_actions.fix_to_copy(self.current_answer)
        if fix:
            self.app.copy_to_clipboard(fix)
            self.notify(f"Copied the fix: {answer_actions.first_line(fix)}", title="Clipboard", markup=False)

    @notify_errors("Copying the key")
    def action_copy_key(self) -> None:
        key = answer_actions.cleaned_key(self.current_answer)
        if key:
            self.app.copy_to_clipboard(key)
            self.notify(
                f"Copied the cleaned key ({len(key):,} characters, no spaces or line breaks).", markup=False
            )

    @notify_errors("Copying the import command")
    def action_copy_command(self) -> None:
        self.app.copy_import_command(self.current_answer)

    @notify_errors("Saving license.json")
    def action_save_license(self) -> None:
        self.app.save_license_json(self.current_answer)

    @notify_errors("Exporting")
    def action_export(self) -> None:
        self.app.export_conversation(self.export_entries())

    def export_entries(self) -> list[object]:
        """What is on screen, in order: answers and finished connection checks."""
        entries: list[object] = []
        for widget in self.conversation.children:
            if isinstance(widget, AnswerCard) and widget.answer is not None:
                entries.append(widget.answer)
            elif isinstance(widget, ConnectionCard) and widget.finding is not None:
                entries.append(widget.export_entry())
        return entries

    # The connection check ----------------------------------------------------------------------------------

    async def action_offer_check_connection(self) -> None:
        await self.action_check_connection()

    @notify_errors("Starting the connection check")
    async def action_check_connection(self) -> None:
        self.cancel_connection_check("Cancelled: another check was started.")
        card = ConnectionCard(self.app.connection.url)
        await self.conversation.mount(card)
        self.conversation.anchor()
        self.connection_card = card
        self.connection_cancel = threading.Event()
        self.connection_worker = self.check_connection(card, self.connection_cancel)
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="connection")
    def check_connection(self, card: ConnectionCard, cancel: threading.Event) -> None:
        """A thread: the check waits on the network for up to its timeout. `cancel` stops it early."""
        worker = get_current_worker()
        settings = self.app.connection
        try:
            from diagnoser.connection import ConnectionCheckCancelled, check_connection, connection_finding
        except ImportError:
            self.post_message(ConnectionChecked(card, None, None, "The connection check is not available."))
            return
        try:
            result = check_connection(
                settings.url,
                proxy=settings.proxy,
                cafile=settings.cafile,
                timeout=settings.timeout,
                environ=settings.environ,
                cancel=cancel,
            )
            finding = connection_finding(result)
        except ConnectionCheckCancelled:
            return
        except Exception as error:  # bad settings, or a bug: a card that says so, never a crash
            if not worker.is_cancelled:
                message = f"The connection check could not run: {describe(error)}"
                self.post_message(ConnectionChecked(card, None, None, message))
            return
        if not worker.is_cancelled:
            self.post_message(ConnectionChecked(card, result, finding))

    @notify_errors("Showing the connection check")
    async def on_connection_checked(self, message: ConnectionChecked) -> None:
        card = message.card
        if not isinstance(card, ConnectionCard) or card.done or not card.is_attached:
            return  # cancelled meanwhile
        if message.finding is None:
            await card.show_message(message.error, failed=True)
        else:
            await card.show_result(message.result, message.finding)
        if card is self.connection_card:
            self.connection_worker = None
        self.refresh_bindings()

    @notify_errors("Cancelling the connection check")
    async def action_cancel_check(self) -> None:
        if self.cancel_connection_check("Cancelled."):
            self.notify("Connection check cancelled.", markup=False)

    def cancel_connection_check(self, note: str) -> bool:
        worker, card = self.connection_worker, self.connection_card
        if worker is None or card is None or not worker.is_running:
            return False
        self.connection_cancel.set()
        worker.cancel()
        card.done = True  # a result that still arrives is dropped
        self.connection_worker = None
        self.run_worker(card.show_message(note), exit_on_error=False)
        self.refresh_bindings()
        return True


def lines_that_stand_out(result: Answer, count: int = 3) -> list[tuple[int, str]]:
    """In a long paste, the few lines that carry errors, with their line numbers."""
    if result.text.count("\n") < SHORT_PASTE_LINES:
        return []
    return [(line.number, line.text) for line in result.lines_that_stand_out(count)]
