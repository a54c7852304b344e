"""What a card shows while its work runs in a thread: a line saying what, and a loading indicator."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Static


class Pending(Vertical):
    """The card's own border and title stay visible; `loading` is set on this part of the card only."""

    def __init__(self, text: str) -> None:
        super().__init__(classes="pending")
        self.text = text

    def compose(self):
        yield Static(self.text, markup=False, classes="hint")
        yield Vertical(classes="pending-indicator")

    def on_mount(self) -> None:
        self.query_one(".pending-indicator").loading = True
