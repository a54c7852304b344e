"""Noisy queries made from synthetic articles, each with the id of the article it came from.

- single: one error string as a user pastes it: inside a log line (timestamp, host, GUID, thread), with
  a changed or dropped word and a value appended, or with typos; at least one of those;
- log20 / log500: the error inside a log line, among 19 or 499 lines of unrelated log of the same format.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from benchmarks import vocabulary as words
from kb.article import Article

KINDS = ("single", "log20", "log500")
LOG_LINES = {"log20": 20, "log500": 500}
FILLER_WORDS = frozenset({"the", "a", "an", "to", "while", "because", "with", "for", "of", "is", "was"})


@dataclass(frozen=True)
class Query:
    text: str
    truth: str  # article id
    kind: str


class _Noise:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.start = datetime(2023, 1, 1) + timedelta(seconds=rng.randint(0, 365 * 86400))

    def guid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def host(self) -> str:
        return f"{self.rng.choice(('QLIKSRV', 'QSNODE', 'QVSERVER', 'REPL', 'APP'))}{self.rng.randint(1, 40):02d}"

    def value(self) -> str:
        return self.rng.choice(
            (
                f" (host={self.host().lower()}.corp.example.com, {self.rng.randint(10, 60000)} ms)",
                f" [id {self.guid()}]",
                f" at C:\\ProgramData\\Qlik\\Sense\\Log\\{self.host()}\\trace_{self.rng.randint(1, 99)}.log",
                f" for user CORP\\user{self.rng.randint(1, 5000)}",
                f" ({self.rng.randint(100000, 9999999)})",
            )
        )

    def typo(self, text: str, count: int) -> str:
        tokens = text.split(" ")
        candidates = [i for i, token in enumerate(tokens) if len(token) >= 5 and token.isalpha()]
        for position in self.rng.sample(candidates, min(count, len(candidates))):
            word = tokens[position]
            at = self.rng.randint(1, len(word) - 2)
            edit = self.rng.randrange(4)
            if edit == 0:  # swap two letters
                word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            elif edit == 1:  # drop a letter
                word = word[:at] + word[at + 1 :]
            elif edit == 2:  # double a letter
                word = word[:at] + word[at] + word[at:]
            else:  # a neighbouring key
                word = word[:at] + self.rng.choice("aeioustrnl") + word[at + 1 :]
            tokens[position] = word
        return " ".join(tokens)

    def change_word(self, text: str) -> str:
        """Say one word differently, or leave out a filler word, as a newer version or a user would.

        Never drops a word that carries the meaning ("not", the verb, the object): the truth must stay
        the truth, or the query measures luck.
        """
        tokens = text.split(" ")
        swappable = [i for i, token in enumerate(tokens) if token.lower() in words.SYNONYMS]
        droppable = [i for i, token in enumerate(tokens) if token.lower() in FILLER_WORDS]
        if swappable and (not droppable or self.rng.random() < 0.6):
            position = self.rng.choice(swappable)
            tokens[position] = words.SYNONYMS[tokens[position].lower()]
        elif droppable:
            del tokens[self.rng.choice(droppable)]
        return " ".join(tokens)


# Log formats: each renders one line from (noise, moment, level, message).
def _repository(noise: _Noise, moment: datetime, level: str, message: str) -> str:
    stamp = moment.strftime("%Y%m%dT%H%M%S.") + f"{moment.microsecond // 1000:03d}+0100"
    logger = "System.Repository.Repository.Core." + noise.rng.choice(
        ("Licensing.LicenseService", "Security.SecurityRuleCache", "Engine.EngineConnectionManager")
    )
    return "\t".join(
        (
            str(noise.rng.randint(1000, 99999)),
            stamp,
            level,
            noise.host(),
            logger,
            str(noise.rng.randint(5, 80)),
            noise.guid(),
            "DOMAIN\\qvservice",
            message,
            "0",
            "",
            "",
            "",
            "",
        )
    )


def _json(noise: _Noise, moment: datetime, level: str, message: str) -> str:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    escaped = message.replace("\\", "\\\\").replace('"', '\\"')
    if level == "ERROR":
        return f'{{"level":"error","ts":"{stamp}","msg":"request failed","error":"{escaped}","request_id":"{noise.guid()}"}}'
    return f'{{"level":"{level.lower()}","ts":"{stamp}","msg":"{escaped}","request_id":"{noise.guid()}"}}'


def _plain(noise: _Noise, moment: datetime, level: str, message: str) -> str:
    stamp = moment.strftime("%Y-%m-%d %H:%M:%S,") + f"{moment.microsecond // 1000:03d}"
    return f"{stamp} {level:5s} [worker-{noise.rng.randint(1, 16)}] {noise.host()} - {message}"


FORMATS: tuple[Callable[[_Noise, datetime, str, str], str], ...] = (_repository, _json, _plain)

_NOISE_MESSAGES = (
    "Request GET /api/v1/apps/{guid} completed in {n} ms",
    "Cache hit ratio {percent}%",
    "Scheduled job housekeeping started",
    "Connection pool stats: active={n} idle={n}",
    "Synchronization of {n} entities completed",
    "Heartbeat ok from {host}",
    "Session {guid} opened for CORP\\user{n}",
    "Session {guid} closed after {n} s",
    "Reload of app {guid} finished, {n} rows",
    "Security rules cache refreshed in {n} ms",
    "Notification sent to {n} subscribers",
    "Configuration reloaded from disk",
    "Memory usage {n} MB",
    "Retry {small}/3 for upstream request",
    "Slow request POST /qrs/app/{guid}/reload took {n} ms",
)


def _noise_line(noise: _Noise, moment: datetime, render: Callable[..., str]) -> str:
    message = noise.rng.choice(_NOISE_MESSAGES).format(
        guid=noise.guid(),
        n=noise.rng.randint(1, 5000),
        percent=noise.rng.randint(1, 99),
        small=noise.rng.randint(1, 3),
        host=noise.host(),
    )
    level = noise.rng.choices(("INFO", "DEBUG", "WARN"), weights=(80, 15, 5))[0]
    return render(noise, moment, level, message)


def single_line(noise: _Noise, error: str) -> str:
    """At least one of: inside a log line, a changed word plus a value, typos."""
    changes = noise.rng.choice(((1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1)))
    in_log, changed, typos = changes
    text = error
    if changed:
        text = noise.change_word(text) + noise.value()
    if typos:
        text = noise.typo(text, noise.rng.randint(1, 2))
    if in_log:
        text = noise.rng.choice(FORMATS)(noise, noise.start, "ERROR", text)
    return text


def log_excerpt(noise: _Noise, error: str, lines: int) -> str:
    render = noise.rng.choice(FORMATS)
    position = noise.rng.randrange(lines)
    moment = noise.start
    rendered = []
    for number in range(lines):
        moment += timedelta(milliseconds=noise.rng.randint(1, 4000))
        if number == position:
            rendered.append(render(noise, moment, "ERROR", error))
        else:
            rendered.append(_noise_line(noise, moment, render))
    return "\n".join(rendered)


def make_queries(articles: Sequence[Article], count: int, kind: str, seed: int) -> list[Query]:
    """`count` queries of one kind from randomly chosen articles (deterministic for a seed)."""
    rng = random.Random(f"{seed}-{kind}-{len(articles)}")
    noise = _Noise(rng)
    queries = []
    for article in rng.sample(list(articles), min(count, len(articles))):
        error = rng.choice(article.errors)
        text = single_line(noise, error) if kind == "single" else log_excerpt(noise, error, LOG_LINES[kind])
        queries.append(Query(text, article.id, kind))
    return queries
