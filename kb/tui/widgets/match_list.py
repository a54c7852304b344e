"""The other matching articles, to open with Enter or a click."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kb.search import Match
from kb.tui.messages import OpenArticle


class MatchList(OptionList):
    def __init__(self, matches: Iterable[Match]) -> None:
        options = [
            Option(
                Content.assemble(
                    match.article.title, (f"  {match.article.id} · score {match.score:.0f}", "dim")
                ),
                id=match.article.id,
            )
            for match in matches
        ]
        super().__init__(*options, classes="match-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenArticle(event.option.id))
