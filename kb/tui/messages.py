"""Messages that workers and widgets post; handlers on the screens update the widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget

    from kb.answer import Answer
    from kb.knowledge_base import KnowledgeBase


class KnowledgeBaseLoaded(Message):
    """The articles are loaded (or reloaded); `notes` are the problems worth telling the user."""

    def __init__(self, knowledge_base: KnowledgeBase, notes: list[str], reloaded: bool) -> None:
        super().__init__()
        self.knowledge_base = knowledge_base
        self.notes = notes
        self.reloaded = reloaded


class KnowledgeBaseFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class AnswerReady(Message):
    """A paste was answered (or answering it failed with `error`)."""

    def __init__(
        self,
        card: Widget,
        answer: Answer | None,
        error: str = "",
        key_lines: list[tuple[int, str]] | None = None,
    ) -> None:
        super().__init__()
        self.card = card
        self.answer = answer
        self.error = error
        self.key_lines = key_lines or []  # (line number, text): the lines of a long paste that carry errors


class ConnectionChecked(Message):
    """The connection check finished: `result` is the diagnoser's ConnectionResult, `finding` its verdict."""

    def __init__(self, card: Widget, result: object | None, finding: object | None, error: str = "") -> None:
        super().__init__()
        self.card = card
        self.result = result
        self.finding = finding
        self.error = error


class OpenArticle(Message):
    """Show one article full screen."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class BrowseArticles(Message):
    """Show the article browser."""
