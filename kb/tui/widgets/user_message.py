"""The user's paste as it appears in the conversation: literally, never as markup, shortened when long."""

from __future__ import annotations

from textual.widgets import Static

PREVIEW_LINES = 4


def preview(text: str, max_lines: int = PREVIEW_LINES) -> tuple[str, str]:
    """The first lines of a paste and a note on what was left out ("" when nothing)."""
    lines = text.rstrip("\n").splitlines() or [""]
    shown = "\n".join(lines[:max_lines])
    hidden = len(lines) - max_lines
    if hidden <= 0:
        return shown, ""
    return shown, f"… {hidden:,} more line{'s' if hidden != 1 else ''} ({len(text):,} characters in all)"


class UserMessage(Static):
    """Markup off: a paste containing `[bold]` or `[[x]]` must show as typed."""

    def __init__(self, text: str, number: int) -> None:
        shown, note = preview(text)
        super().__init__(shown + (f"\n{note}" if note else ""), markup=False, classes="user-message")
        line_count = len(text.rstrip("\n").splitlines()) or 1
        self.border_title = f"You · {line_count:,} line{'s' if line_count != 1 else ''}"
        self.number = number
        self.text = text
