"""The Textual app: loads the articles, holds the settings, and runs the actions that write or connect."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from kb.answer import Answer
from kb.export import conversation_markdown
from kb.knowledge_base import KnowledgeBase, article_dirs
from kb.loading import Problem
from kb.tui import answer_actions
from kb.tui.commands import AnswerCommands
from kb.tui.messages import BrowseArticles, KnowledgeBaseLoaded, OpenArticle
from kb.tui.safety import describe, notify_errors
from kb.tui.screens.article import ArticleScreen
from kb.tui.screens.browser import ArticleBrowser
from kb.tui.screens.confirm import ConfirmScreen
from kb.tui.screens.conversation import ConversationScreen
from kb.tui.screens.help import HelpScreen

DEFAULT_LICENSE_URL = "https://license.qlikcloud.com/"
# Themes made of the terminal's own 16 colours where only those exist; truecolour themes elsewhere.
THEME_16_COLOURS = "ansi-dark"
THEME_DEFAULT = "textual-dark"
LOAD_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class ConnectionSettings:
    """Where the connection check goes. Tests point it at a loopback server."""

    url: str = DEFAULT_LICENSE_URL
    proxy: str | None = None
    cafile: str | None = None
    timeout: float = 10.0
    environ: Mapping[str, str] | None = None  # None: the process environment (HTTPS_PROXY, NO_PROXY)


class KbApp(App):
    CSS_PATH = "kb.tcss"
    TITLE = "kb"
    SUB_TITLE = "licensing troubleshooting assistant"
    COMMANDS = App.COMMANDS | {AnswerCommands}
    COMMAND_PALETTE_DISPLAY = "^P"
    BINDINGS = [
        Binding("f1", "help", "Help", key_display="F1"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", key_display="^Q", priority=True, show=False),
    ]

    def __init__(
        self,
        article_folders: Sequence[str | Path] | None = None,
        *,
        connection: ConnectionSettings | None = None,
        start_dir: str | Path | None = None,
        today: date | None = None,
        clock: Callable[[], datetime] = datetime.now,
        theme: str | None = None,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.article_folders = [Path(folder) for folder in (article_folders or article_dirs())]
        self.connection = connection or ConnectionSettings()
        self.start_dir = Path(start_dir) if start_dir is not None else Path.cwd()
        self.today = today
        self.clock = clock
        self.requested_theme = theme
        self.use_cache = use_cache
        self.knowledge_base: KnowledgeBase | None = None
        self.knowledge_base_ready = threading.Event()

    def get_default_screen(self) -> Screen:
        return ConversationScreen()

    def on_mount(self) -> None:
        self.theme = self.requested_theme or self.theme_for_terminal()
        self.load_knowledge_base()

    def theme_for_terminal(self) -> str:
        return theme_for(self.console.color_system)

    # The knowledge base ------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_knowledge_base(self, reloaded: bool = False) -> None:
        """A thread, so the first screen is drawn before the articles are parsed."""
        knowledge_base, notes = KnowledgeBase([]), []
        try:
            knowledge_base, notes = load_articles(self.article_folders, use_cache=self.use_cache)
        except Exception as error:  # never a crash: no articles, and a notification saying why
            notes = [f"Could not load the articles: {describe(error)}"]
        finally:
            self.knowledge_base = knowledge_base
            self.knowledge_base_ready.set()  # answers waiting for the articles go on in any case
        self.post_message(KnowledgeBaseLoaded(knowledge_base, notes, reloaded))

    def wait_for_knowledge_base(self) -> KnowledgeBase:
        if not self.knowledge_base_ready.wait(LOAD_TIMEOUT_SECONDS):
            raise TimeoutError(f"the articles did not load within {LOAD_TIMEOUT_SECONDS} seconds")
        assert self.knowledge_base is not None
        return self.knowledge_base

    def on_knowledge_base_loaded(self, message: KnowledgeBaseLoaded) -> None:
        count = len(message.knowledge_base)
        self.sub_title = f"{count:,} article{'s' if count != 1 else ''}"
        status = f"{count:,} articles loaded. ^B browses them, F1 shows every key, ^P the commands."
        if message.notes:
            status += " Some article files have problems: see the notification or run `kb lint`."
        for screen in self.screen_stack:
            if isinstance(screen, ConversationScreen):
                screen.knowledge_base_changed(status)
        for note in message.notes:
            self.notify(note, title="Articles", severity="warning", timeout=20, markup=False)
        if message.reloaded:
            self.notify(f"Reloaded {count:,} articles.", title="Articles", markup=False)

    # Screens ---------------------------------------------------------------------------------------------------

    @notify_errors("Opening the help")
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @notify_errors("Opening the article")
    def open_article(self, article_id: str) -> None:
        knowledge_base = self.knowledge_base
        if knowledge_base is None or article_id not in knowledge_base:
            self.notify(
                f"There is no article {article_id!r} (was it removed by a reload?).",
                severity="error",
                markup=False,
            )
            return
        self.push_screen(ArticleScreen(knowledge_base[article_id]))

    @notify_errors("Opening the browser")
    def browse_articles(self) -> None:
        if self.knowledge_base is None:
            self.notify("The articles are still loading.", markup=False)
            return
        self.push_screen(ArticleBrowser(self.knowledge_base))

    def on_open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article_id)

    def on_browse_articles(self, message: BrowseArticles) -> None:
        self.browse_articles()

    # Actions that write files --------------------------------------------------------------------------------

    @property
    def license_json_path(self) -> Path:
        return self.start_dir / "license.json"

    def license_conversion(self, answer: Answer | None) -> answer_actions.LicenseConversion | None:
        """None, after telling the user why, when this answer has no license to convert."""
        if answer is None or not answer_actions.offers_license_json(answer):
            self.notify(
                "Paste a Qlik Replicate license.txt first: there is no license to convert.", markup=False
            )
            return None
        try:
            return answer_actions.license_conversion(answer, str(self.license_json_path))
        except Exception as error:  # a license that cannot be converted is a notification, not a crash
            self.notify(f"Could not convert this license: {describe(error)}", severity="error", markup=False)
            return None

    @notify_errors("Copying the import command")
    def copy_import_command(self, answer: Answer | None) -> None:
        conversion = self.license_conversion(answer)
        if conversion is None:
            return
        self.copy_to_clipboard(conversion.import_commands)
        saved = "" if self.license_json_path.exists() else " Save license.json first (^S)."
        self.notify(
            f"Copied the repctl commands that import {self.license_json_path}.{saved}",
            title="Clipboard",
            markup=False,
        )

    @notify_errors("Saving license.json")
    def save_license_json(self, answer: Answer | None) -> None:
        conversion = self.license_conversion(answer)
        if conversion is None:
            return
        path = self.license_json_path
        content = json.dumps(conversion.license_json, indent=2, ensure_ascii=False) + "\n"

        def write(confirmed: bool | None = True) -> None:
            if not confirmed:
                self.notify(f"Kept the existing {path}.", markup=False)
                return
            try:
                path.write_text(content, encoding="utf-8")
            except OSError as error:
                self.notify(
                    f"Could not save {path}: {error.strerror or error}", severity="error", markup=False
                )
                return
            self.notify(
                f"Saved {path}. F4 copies the command that imports it.", title="license.json", markup=False
            )

        if path.exists():
            self.push_screen(ConfirmScreen(f"{path} exists already. Overwrite it?", "Overwrite"), write)
        else:
            write()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export_conversation(self, entries: list) -> None:
        """A thread: redacting a conversation with long pastes takes a while."""
        try:
            now = self.clock()
            markdown = conversation_markdown(entries, exported_at=now)
            path = unique_path(self.start_dir, f"kb-conversation-{now:%Y%m%d-%H%M%S}", ".md")
            path.write_text(markdown, encoding="utf-8")
        except Exception as error:  # an export that fails is a notification, never a crash
            self.call_from_thread(
                self.notify, f"Export failed: {describe(error)}", severity="error", markup=False
            )
            return
        self.call_from_thread(
            self.notify, f"Exported to {path} (secrets redacted).", title="Export", markup=False
        )


def theme_for(color_system: str | None) -> str:
    """The terminal's own 16 colours where that is all there is: a truecolour theme squeezed into 16
    colours loses its contrast. 256 colours and more take the default theme well."""
    return THEME_16_COLOURS if color_system in ("standard", "windows") else THEME_DEFAULT


def load_articles(folders: Sequence[Path], *, use_cache: bool) -> tuple[KnowledgeBase, list[str]]:
    """The knowledge base of the folders that exist, and what to tell the user about the rest."""
    notes = [f"Article folder not found, skipped: {folder}" for folder in folders if not folder.is_dir()]
    knowledge_base = KnowledgeBase.load(
        [folder for folder in folders if folder.is_dir()], use_cache=use_cache
    )
    return knowledge_base, notes + problem_notes(knowledge_base.problems)


def problem_notes(problems: Sequence[Problem]) -> list[str]:
    """One notification for the files that were not loaded, one for files loaded with warnings."""
    by_severity: dict[str, list[Path]] = {"error": [], "warning": []}
    for problem in problems:
        paths = by_severity.setdefault(problem.severity, [])
        if problem.path not in paths:
            paths.append(problem.path)
    notes = []
    if by_severity["error"]:
        names = ", ".join(str(path) for path in by_severity["error"])
        notes.append(f"Not loaded (broken): {names}. Run `kb lint` for the line and the reason.")
    if by_severity["warning"]:
        names = ", ".join(str(path) for path in by_severity["warning"])
        notes.append(f"Loaded with warnings: {names}. Run `kb lint` for details.")
    return notes


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def run_app(extra_dirs: Sequence[str | Path] = ()) -> int:
    """`kb` without a command. The extra folders come after the bundled ones and KB_ARTICLES."""
    app = KbApp(article_dirs(extra_dirs), start_dir=os.getcwd())
    app.run()
    return app.return_code or 0
