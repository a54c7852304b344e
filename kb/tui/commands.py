"""The command palette: the actions that apply to the current answer, then the general ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from kb.tui import answer_actions

if TYPE_CHECKING:
    from kb.tui.screens.conversation import ConversationScreen


class PaletteCommand(NamedTuple):
    title: str
    help: str
    callback: Callable[[], object]


class AnswerCommands(Provider):
    """Asks the screen the palette was opened from what it offers now (see palette_commands)."""

    def _commands(self) -> list[PaletteCommand]:
        offer = getattr(self.screen, "palette_commands", None)
        return list(offer()) if callable(offer) else []

    # The palette reads prompts and help as markup; titles and "why" come from articles: escape them.
    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                Content(command.title), command.callback, text=command.title, help=escape(command.help)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                prompt = matcher.highlight(escape(command.title))
                yield Hit(score, prompt, command.callback, text=command.title, help=escape(command.help))


def conversation_commands(screen: ConversationScreen) -> list[PaletteCommand]:
    """For the command palette: what applies to the current answer first, then the general actions."""
    app = screen.app
    commands: list[PaletteCommand] = []
    answer = screen.current_answer
    if answer is not None:
        for position, match in enumerate(answer.matches):
            label = "Open the best article" if position == 0 else "Open article"
            commands.append(
                PaletteCommand(
                    f"{label}: {match.article.title}",
                    f"{match.article.id} · score {match.score:.0f} · {match.why}",
                    lambda article_id=match.article.id: app.open_article(article_id),
                )
            )
        fix = answer_actions.fix_to_copy(answer)
        if fix:
            commands.append(
                PaletteCommand("Copy the fix", answer_actions.first_line(fix), screen.action_copy_fix)
            )
        if answer_actions.cleaned_key(answer):
            commands.append(
                PaletteCommand(
                    "Copy the cleaned Signed License Key",
                    "the key without the spaces and line breaks",
                    screen.action_copy_key,
                )
            )
        if answer_actions.offers_license_json(answer):
            commands += [
                PaletteCommand(
                    "Copy the license import command",
                    "repctl commands for Windows and Linux",
                    screen.action_copy_command,
                ),
                PaletteCommand(
                    "Save license.json",
                    f"in {app.start_dir} (asks before overwriting)",
                    screen.action_save_license,
                ),
            ]
    commands += [
        PaletteCommand(
            "Check the connection to the license service",
            f"HTTPS to {app.connection.url}; runs only now that you ask",
            screen.action_check_connection,
        ),
        PaletteCommand(
            "Export the conversation as Markdown",
            f"secrets redacted; saved in {app.start_dir}",
            screen.action_export,
        ),
        PaletteCommand("Browse all articles", "search as you type", screen.action_browse),
        PaletteCommand("Reload the articles", "after editing article files", screen.action_reload),
        PaletteCommand("Help", "what to paste and every key", app.action_help),
    ]
    return commands
