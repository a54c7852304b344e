"""The smaller cards of the conversation: the welcome text, a connection check, a notice."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from kb.export import ConnectionCheckEntry
from kb.tui.widgets.finding_lines import FindingLines
from kb.tui.widgets.pending import Pending

WELCOME = (
    "Paste what you have in the box below: an error message, a log excerpt, a license file "
    "(a LEF or a license.txt) or a Signed License Key, then press Enter.\n"
    "You get what was recognised, the checks that apply (✓ ok, ! warning, ✗ error) and the article "
    "that solves it. Nothing leaves this machine unless you start the connection check."
)


class WelcomeCard(Vertical):
    def __init__(self) -> None:
        super().__init__(classes="card welcome-card")
        self.border_title = "kb · licensing troubleshooting assistant"
        self.status = "Loading the articles…"

    def compose(self):
        yield Static(WELCOME, markup=False)
        yield Static(self.status, id="welcome-status", markup=False, classes="hint")

    def set_status(self, text: str) -> None:
        """May come before the card is composed (the articles load in a thread)."""
        self.status = text
        for status in self.query("#welcome-status").results(Static):
            status.update(text)


class ConnectionCard(Vertical):
    """A connection check: Pending while it runs, then its finding, or why it did not finish."""

    def __init__(self, url: str) -> None:
        super().__init__(classes="card connection-card")
        self.url = url
        self.finding = None
        self.result = None
        self.done = False
        self.border_title = Content(f"kb · connection check · {url}")  # a URL is not markup

    def compose(self):
        yield Pending(f"Testing {self.url} from this machine… Esc cancels.")

    @property
    def busy(self) -> bool:
        return bool(self.query(Pending))

    async def show_result(self, result: object, finding) -> None:
        self.done = True
        self.result = result
        self.finding = finding
        await self.remove_children()
        problem_count = 1 if finding.severity in ("error", "warning") else 0
        await self.mount(FindingLines([finding], problem_count))

    def export_entry(self) -> ConnectionCheckEntry:
        to_dict = getattr(self.result, "to_dict", None)
        return ConnectionCheckEntry(self.url, self.finding, to_dict() if callable(to_dict) else {})

    async def show_message(self, message: str, *, failed: bool = False) -> None:
        self.done = True
        self.set_class(failed, "-failed")
        await self.remove_children()
        await self.mount(Static(message, markup=False, classes="card-error" if failed else "hint"))
