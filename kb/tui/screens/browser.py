"""All articles, narrowed as you type; Enter opens one."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from kb.article import Article
from kb.knowledge_base import KnowledgeBase
from kb.tui.article_filter import ArticleFilter
from kb.tui.messages import OpenArticle


class ArticleBrowser(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", key_display="Esc"),
        Binding("down", "focus_list", "To the list", show=False),
    ]

    def __init__(self, knowledge_base: KnowledgeBase) -> None:
        super().__init__(classes="browser-screen")
        self.article_filter = ArticleFilter(list(knowledge_base))
        self.sub_title = "all articles"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to search titles, error messages, symptoms, tags…", id="browser-search")
        yield Static("", id="browser-count", markup=False)
        yield OptionList(id="browser-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#browser-search", Input).focus()
        self.show_articles(*self.article_filter.filter(""), "")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_articles(event.value)

    @work(thread=True, exclusive=True, group="browse-filter", exit_on_error=False)
    def filter_articles(self, query: str) -> None:
        """A thread: with a large knowledge base the scan takes longer than a frame."""
        articles, total = self.article_filter.filter(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_articles, articles, total, query)

    def show_articles(self, articles: list[Article], total: int, query: str) -> None:
        option_list = self.query_one("#browser-list", OptionList)
        option_list.clear_options()
        option_list.add_options(
            Option(Content.assemble(article.title, (f"  {article.id}", "dim")), id=article.id)
            for article in articles
        )
        if articles:
            option_list.highlighted = 0
        count = self.query_one("#browser-count", Static)
        if not total:
            count.update(f"No article contains {query!r}. Try fewer or other words.")
        elif len(articles) < total:
            count.update(f"{total:,} articles; showing the first {len(articles):,}. Type to narrow.")
        else:
            count.update(f"{total:,} article{'s' if total != 1 else ''}. Enter opens the highlighted one.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option_list = self.query_one("#browser-list", OptionList)
        if option_list.highlighted is not None:
            option = option_list.get_option_at_index(option_list.highlighted)
            if option.id:
                self.post_message(OpenArticle(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenArticle(event.option.id))

    def action_focus_list(self) -> None:
        self.query_one("#browser-list", OptionList).focus()
