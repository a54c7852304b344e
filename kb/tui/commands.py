"""The command palette: the actions that apply to the current answer, then the general ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PaletteCommand(NamedTuple):
    title: str
    help: str
    callback: Callable[[], object]


class AnswerCommands(Provider):
    """Asks the screen the palette was opened from what it offers now (see palette_commands)."""

    def _commands(self) -> list[PaletteCommand]:
        offer = getattr(self.screen, "palette_commands", None)
        return list(offer()) if callable(offer) else []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.callback, help=command.help)
