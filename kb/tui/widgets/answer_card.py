"""One answer in the conversation: what was recognised, the findings, the best article, the other matches."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from kb.answer import Answer
from kb.render import kind_label, problem_summary
from kb.tui.messages import BrowseArticles
from kb.tui.widgets.article_markdown import ArticleMarkdown
from kb.tui.widgets.finding_lines import FindingLines
from kb.tui.widgets.match_list import MatchList
from kb.tui.widgets.pending import Pending


class AnswerCard(Vertical):
    """Created while the paste is being answered (Pending), filled in by show_answer."""

    def __init__(self, number: int, line_count: int = 1) -> None:
        super().__init__(classes="card answer-card")
        self.number = number
        self.line_count = line_count
        self.answer: Answer | None = None
        self.border_title = f"kb · answer {number}"

    def compose(self):
        lines = f"{self.line_count:,} line{'s' if self.line_count != 1 else ''}"
        yield Pending(f"Answering ({lines}): recognising, checking, matching the articles…")

    @property
    def busy(self) -> bool:
        return bool(self.query(Pending))

    async def show_answer(
        self,
        answer: Answer,
        *,
        offer: str = "",
        keys_hint: str = "",
        key_lines: list[tuple[int, str]] | None = None,
    ) -> None:
        self.answer = answer
        await self.remove_children()
        await self.mount_all(
            list(answer_widgets(answer, offer=offer, keys_hint=keys_hint, key_lines=key_lines or []))
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "browse-articles":
            event.stop()
            self.post_message(BrowseArticles())

    async def show_error(self, message: str) -> None:
        self.border_title = f"kb · answer {self.number} · failed"
        self.add_class("-failed")
        await self.remove_children()
        await self.mount(Static(message, markup=False, classes="card-error"))


def answer_widgets(
    answer: Answer, *, offer: str, keys_hint: str, key_lines: list[tuple[int, str]]
) -> list[Widget]:
    summary = f"Recognised: {kind_label(answer.input_kind)}"
    if answer.findings:
        summary += f" · {problem_summary(len(answer.problems)).lower()}"
    widgets: list[Widget] = [Static(summary, markup=False, classes="answer-summary")]
    if key_lines:
        width = len(str(max(number for number, _ in key_lines)))
        widgets.append(Static("Lines that stand out:", classes="key-lines-title"))
        widgets += [
            Static(
                Content.assemble((f"{number:>{width}}  ", "dim"), text),
                classes="key-line",
            )
            for number, text in key_lines
        ]
    if answer.findings:
        widgets.append(FindingLines(answer.findings))  # the summary line above counts the problems
    best = answer.best
    if best is None:
        widgets += [
            Static("No article matches this paste confidently.", classes="no-match"),
            *([Static(answer.no_match_reason, classes="hint")] if answer.no_match_reason else []),
            Static(
                "Paste more of the error text (the whole message, or the log lines around it), "
                "or look through all the articles.",
                classes="hint",
            ),
            *(
                [
                    Static(
                        "Closest articles, not confident enough to be the answer (Enter or click to open):",
                        classes="others-title",
                    ),
                    MatchList(answer.closest),
                ]
                if answer.closest
                else []
            ),
            Button("Browse the articles (^B)", id="browse-articles", compact=True),
        ]
    else:
        widgets += [
            Static(
                Content.assemble(("Best match: ", "bold"), (best.article.title, "bold $text-primary")),
                classes="best-title",
            ),
            Static(
                f"why: {best.why} · score {best.score:.0f} · {best.article.id}",
                markup=False,
                classes="why",
            ),
            Static("Resolution:", classes="resolution-title"),
            ArticleMarkdown(best.article.resolution.strip(), classes="resolution"),
        ]
        others = answer.matches[1:]
        if others:
            widgets += [
                Static("Other matches (Enter or click to open):", classes="others-title"),
                MatchList(others),
            ]
    if offer:
        widgets.append(Static(offer, markup=False, classes="offer"))
    if keys_hint:
        widgets.append(Static(keys_hint, markup=False, classes="keys-hint"))
    return widgets
