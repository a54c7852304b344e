"""Deterministic synthetic knowledge bases in the real article schema (1,000 / 10,000 / 100,000 articles).

Articles are composed from the vocabularies in benchmarks.vocabulary: each has one to three verbatim
error strings (.NET and Java exceptions, coded errors, Go HTTP errors, plain sentences), two to four
symptoms in a customer's words, a title, a resolution and tags. Every error string is unique across the
knowledge base; the words are shared, as in a real one. The same (size, seed) always gives the same
articles, so the YAML folders can be cached between runs.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from benchmarks import vocabulary as words
from kb.article import Article

GENERATOR_VERSION = "synthetic-2"
DEFAULT_SEED = 20240501
# Share of error strings that carry an error code (LICENSES-030, QRS-4821): many real ones do not.
CODE_SHARE = 0.4


def data_root() -> Path:
    """Where generated knowledge bases are written: KB_BENCH_DIR, else a folder under the temp dir."""
    configured = os.environ.get("KB_BENCH_DIR")
    return Path(configured) if configured else Path("/tmp") / "kb-bench"


class _Composer:
    """Draws article parts from the vocabularies with one seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_errors: set[str] = set()
        self.used_codes: set[str] = set()

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def code(self) -> str:
        while True:
            code = f"{self.pick(words.CODE_PREFIXES)}-{self.rng.randint(100, 9999)}"
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    def error(self, service: str, with_code: bool) -> str:
        """One error string, unique in the knowledge base."""
        while True:
            template = self.pick(_CODED_TEMPLATES if with_code else _PLAIN_TEMPLATES)
            verb, verbing, verbed = self.rng.choice(words.VERBS)
            text = template(
                self,
                service=service,
                verb=verb,
                verbing=verbing,
                verbed=verbed,
                obj=self.pick(words.OBJECTS),
                reason=self.pick(words.REASONS),
            )
            if text not in self.used_errors:
                self.used_errors.add(text)
                return text

    def symptom(self, product: str, service: str, obj: str) -> str:
        verb, verbing, verbed = self.rng.choice(words.VERBS)
        templates = (
            lambda: (
                f"{self.pick(words.USERS)} cannot {self.pick(words.USER_ACTIONS)} after {self.pick(words.EVENTS)}"
            ),
            lambda: f"{service} stops {verbing} the {obj} after {self.pick(words.EVENTS)}",
            lambda: f"the {obj} is not {verbed} in the {self.pick(words.CONSOLES)}",
            lambda: f"{product} {obj} {verbed} but nothing happens",
            lambda: f"{service} does not start after {self.pick(words.EVENTS)}",
            lambda: f"how do I {verb} the {obj} in {product}",
            lambda: f"{obj} shows as invalid in the {self.pick(words.CONSOLES)}",
        )
        return self.rng.choice(templates)()


def _dotnet(c: _Composer, **s: str) -> str:
    return f"{c.pick(words.DOTNET_EXCEPTIONS)}: Failed to {s['verb']} {s['obj']}: {s['reason']}"


def _dotnet_start(c: _Composer, **s: str) -> str:
    return f"Unable to start {s['service']}. ERROR: {c.pick(words.DOTNET_EXCEPTIONS)}: {s['reason'].capitalize()}"


def _java(c: _Composer, **s: str) -> str:
    return f"{c.pick(words.JAVA_EXCEPTIONS)}: {s['reason'].capitalize()} while {s['verbing']} {s['obj']}"


def _go_http(c: _Composer, **s: str) -> str:
    path = s["obj"].replace(" ", "-").lower()
    action = f"{s['verb'].capitalize()} {s['obj']}"
    return f'{action} failed: Post "https://{c.pick(words.HOSTS)}/v1/{path}": {c.pick(words.GO_REASONS)}'


def _plain_gerund(c: _Composer, **s: str) -> str:
    return f"Error {s['verbing']} {s['obj']}: {s['reason']}"


def _plain_service(c: _Composer, **s: str) -> str:
    return f"The {s['service']} could not {s['verb']} the {s['obj']} because {s['reason']}"


def _plain_cannot(c: _Composer, **s: str) -> str:
    return f"The {s['obj']} cannot be {s['verbed']}: {s['reason']}"


def _plain_occurred(c: _Composer, **s: str) -> str:
    return f"An error occurred while {s['verbing']} the {s['obj']}. {s['reason'].capitalize()}."


def _coded_unable(c: _Composer, **s: str) -> str:
    return f"{c.code()}: Unable to {s['verb']} {s['obj']}"


def _coded_failed(c: _Composer, **s: str) -> str:
    return f"{c.code()} {s['obj'].capitalize()} {s['verbed']} failed: {s['reason']}"


def _coded_service(c: _Composer, **s: str) -> str:
    return f"{s['service']}: {s['obj']} {s['verbed']} with errors ({c.code()})"


def _coded_json(c: _Composer, **s: str) -> str:
    return f'{{"code":"{c.code()}","title":"{s["reason"].capitalize()}","detail":"could not {s["verb"]} {s["obj"]}"}}'


_PLAIN_TEMPLATES: tuple[Callable[..., str], ...] = (
    _dotnet,
    _dotnet_start,
    _java,
    _go_http,
    _plain_gerund,
    _plain_service,
    _plain_cannot,
    _plain_occurred,
)
_CODED_TEMPLATES: tuple[Callable[..., str], ...] = (_coded_unable, _coded_failed, _coded_service, _coded_json)


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def generate_articles(size: int, seed: int = DEFAULT_SEED) -> list[Article]:
    """`size` distinct articles; the same arguments always give the same articles."""
    rng = random.Random(seed * 1_000_003 + size)
    composer = _Composer(rng)
    articles = []
    for number in range(size):
        product = composer.pick(words.PRODUCTS)
        service = composer.pick(words.SERVICES)
        obj = composer.pick(words.OBJECTS)
        errors = tuple(
            composer.error(service, with_code=rng.random() < CODE_SHARE) for _ in range(rng.randint(1, 3))
        )
        symptoms = tuple(
            dict.fromkeys(composer.symptom(product, service, obj) for _ in range(rng.randint(2, 4)))
        )
        verb = rng.choice(words.VERBS)[0]
        title = f"{product}: {service} fails to {verb} the {obj}"
        articles.append(
            Article(
                id=f"syn-{number:06d}-{_slug(service)}-{_slug(obj)}",
                title=title,
                products=(product,),
                errors=errors,
                symptoms=symptoms,
                cause=f"The {service} cannot {verb} the {obj} when {rng.choice(words.REASONS)}.",
                resolution=_resolution(rng, service, obj),
                tags=(_slug(product), _slug(service), "synthetic"),
            )
        )
    return articles


def _resolution(rng: random.Random, service: str, obj: str) -> str:
    steps = [
        f"Stop the {service} on every node.",
        f"Check the {obj} in the {rng.choice(words.CONSOLES)}.",
        f"Make sure the service account can {rng.choice(words.VERBS)[0]} the {rng.choice(words.OBJECTS)}.",
        f"Start the {service} again and {rng.choice(words.VERBS)[0]} the {obj}.",
    ]
    return "\n".join(f"{number}. {step}" for number, step in enumerate(steps, start=1)) + "\n"


def article_to_yaml(article: Article) -> str:
    data = {
        "id": article.id,
        "title": article.title,
        "products": list(article.products),
        "errors": list(article.errors),
        "symptoms": list(article.symptoms),
        "cause": article.cause,
        "resolution": article.resolution,
        "tags": list(article.tags),
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def write_knowledge_base(size: int, seed: int = DEFAULT_SEED, root: Path | None = None) -> Path:
    """The folder of `size` article YAML files, written once per (size, seed, generator version)."""
    folder = (root or data_root()) / f"kb-{size}-{seed}"
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == GENERATOR_VERSION:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for article in generate_articles(size, seed):
        (folder / f"{article.id}.yaml").write_text(article_to_yaml(article), encoding="utf-8")
    marker.write_text(GENERATOR_VERSION)
    return folder
