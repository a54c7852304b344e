"""The help screen: what to paste, what comes back, and every key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from kb.tui.widgets.article_markdown import ArticleMarkdown

HELP = """\
# kb: licensing troubleshooting assistant

Paste what you have into the box at the bottom and press **Enter**: an error message, a log excerpt
(thousands of lines are fine), a QlikView / Qlik Sense license file (LEF), a Qlik Replicate or Compose
`license.txt`, or a Signed License Key. Each answer says what was recognised, runs the checks that apply
(**✓** ok, **•** information, **!** warning, **✗** error, each with its fix) and shows the article that
solves it, with why it was chosen.

Nothing leaves this machine, except the connection check, and only when you start it.

## In the paste box

| Key | Does |
|---|---|
| Enter | send the paste |
| Ctrl+J (Shift+Enter in terminals that report it) | new line |
| Tab / Shift+Tab | move between the box, the answers and their match lists |

## Everywhere

| Key | Does |
|---|---|
| Ctrl+O | open the best article of the current answer full screen |
| Ctrl+B | browse all articles, search as you type |
| F2 | copy the fix of the current answer |
| F3 | copy the cleaned Signed License Key |
| F4 | copy the license import command |
| Ctrl+S | save `license.json` in the folder where kb was started (asks before overwriting) |
| Ctrl+T | test the connection to the license service (runs only when you ask) |
| Esc | cancel a running connection check |
| Ctrl+E | export the conversation as Markdown, secrets redacted |
| Ctrl+R | reload the articles |
| Ctrl+P | the command palette: every action that applies to the current answer |
| F1, ? | this help |
| Ctrl+Q | quit |

The *current answer* is the one you moved into with Tab, otherwise the latest.
Keys that do not apply to it are hidden from the footer.

## In an article

| Key | Does |
|---|---|
| Esc, q | back |
| c | copy the resolution |
| i | copy the article id |

The clipboard works over SSH in terminals that support OSC 52 (most do; macOS Terminal does not).

Exports go to the folder where kb was started. Serial numbers, control numbers, key signatures and
checksums are replaced by `[redacted]` in exports.
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,question_mark,q", "app.pop_screen", "Close", key_display="Esc")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield ArticleMarkdown(HELP, id="help-markdown")

    def on_mount(self) -> None:
        self.query_one("#help-dialog").focus()
