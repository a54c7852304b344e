"""One article full screen, rendered as Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header

from kb.article import Article
from kb.tui.widgets.article_markdown import ArticleMarkdown


class ArticleScreen(Screen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="Esc"),
        Binding("c", "copy_resolution", "Copy resolution", key_display="c"),
        Binding("i", "copy_id", "Copy id", key_display="i"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__(classes="article-screen")
        self.article = article
        self.sub_title = article.id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="article-body"):
            yield ArticleMarkdown(self.article.to_markdown(), id="article-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-body").focus()

    def action_copy_resolution(self) -> None:
        self.app.copy_to_clipboard(self.article.resolution.strip())
        self.notify("Copied the resolution to the clipboard.", markup=False)

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(self.article.id)
        self.notify(f"Copied the article id {self.article.id}.", markup=False)
