"""The paste box: a TextArea where Enter sends and a bracketed paste arrives whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

# Terminals cannot send ctrl+enter reliably (harlequin issue 71): Enter sends, these insert a newline.
# Ctrl+J works everywhere; Alt+Enter reaches Textual as a plain Enter, so it is not advertised.
NEWLINE_KEYS = frozenset({"ctrl+j", "alt+enter", "shift+enter", "ctrl+enter"})
# A paste bigger than this is kept aside instead of being inserted: TextArea takes ~4 s to lay out
# 100,000 lines, which would freeze the app. Enter sends it as usual.
LARGE_PASTE_LINES = 2_000
LARGE_PASTE_CHARS = 200_000
PLACEHOLDER = "Paste or type here, then press Enter."
# Keys the screen uses for its actions; the box gives them up (End still goes to the end of the line).
SCREEN_KEYS = frozenset({"ctrl+e"})


def bindings_without(bindings: Iterable[BindingType], keys: frozenset[str]) -> list[BindingType]:
    kept: list[BindingType] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            binding = Binding(*binding)
        binding_keys = [key.strip() for key in binding.key.split(",") if key.strip() not in keys]
        if binding_keys:
            kept.append(dataclasses.replace(binding, key=",".join(binding_keys)))
    return kept


class PasteBox(TextArea, inherit_bindings=False):
    """Multi-line input. `Input` would keep only the first line of a paste."""

    BINDINGS = bindings_without(TextArea.BINDINGS, SCREEN_KEYS)

    BORDER_TITLE = "Paste an error, a log, a license file or a key"
    BORDER_SUBTITLE = "Enter send · ^J new line"

    class Submitted(Message):
        def __init__(self, paste_box: PasteBox, text: str) -> None:
            super().__init__()
            self.paste_box = paste_box
            self.text = text

        @property
        def control(self) -> PasteBox:
            return self.paste_box

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            soft_wrap=True, show_line_numbers=False, tab_behavior="focus", placeholder=PLACEHOLDER, id=id
        )
        self.attachment: str | None = None  # a large paste, sent with whatever is typed in the box

    def on_mount(self) -> None:
        self.border_title = self.BORDER_TITLE
        self.border_subtitle = self.BORDER_SUBTITLE

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and self.attachment is not None and not self.text:
            event.stop()
            event.prevent_default()
            self.detach()
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.submit()
            return
        if event.key in NEWLINE_KEYS and not self.read_only:
            event.stop()
            event.prevent_default()
            result = self.replace("\n", *self.selection, maintain_selection_offset=False)
            self.move_cursor(result.end_location)
        # Other keys: Textual calls TextArea._on_key next (handlers run along the MRO).

    def _on_paste(self, event: events.Paste) -> None:
        # Stop it bubbling to the screen, which forwards only the pastes that missed the box.
        event.stop()
        if is_large(event.text) and not self.read_only:
            event.prevent_default()  # not TextArea._on_paste: keep it aside
            self.attach(event.text)
        # Otherwise TextArea._on_paste runs next (handlers run along the MRO) and inserts it whole.

    def attach(self, text: str) -> None:
        self.attachment = text if self.attachment is None else f"{self.attachment}\n{text}"
        line_count = self.attachment.count("\n") + 1
        self.placeholder = (
            f"{line_count:,} pasted lines ({len(self.attachment):,} characters) are attached. "
            "Enter sends them; Backspace removes them."
        )
        self.border_title = f"{self.BORDER_TITLE} · {line_count:,} lines attached"
        self.focus()

    def detach(self) -> None:
        self.attachment = None
        self.placeholder = PLACEHOLDER
        self.border_title = self.BORDER_TITLE

    def submit(self) -> None:
        typed = self.text
        parts = [part for part in (self.attachment, typed) if part and part.strip()]
        if not parts:
            self.app.bell()
            return
        self.post_message(self.Submitted(self, "\n".join(parts)))
        self.detach()
        self.clear()


def is_large(text: str) -> bool:
    return len(text) > LARGE_PASTE_CHARS or text.count("\n") >= LARGE_PASTE_LINES
