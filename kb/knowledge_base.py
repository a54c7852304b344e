"""The knowledge base: the articles of one or more folders and their search index."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from kb import cache
from kb.article import Article
from kb.extract import QueryLine
from kb.loading import Problem, load_folders
from kb.search import Boost, Found, Match, SearchIndex

ARTICLES_ENV = "KB_ARTICLES"


def bundled_articles_dir() -> Path:
    """The articles shipped with kb: inside the installed package, or articles/ of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "bundled_articles"
    return installed if installed.is_dir() else package_dir.parent / "articles"


def article_dirs(extra: Iterable[str | Path] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """The bundled folder, then --articles folders, then KB_ARTICLES (os.pathsep-separated)."""
    environ = os.environ if environ is None else environ
    from_env = [part for part in environ.get(ARTICLES_ENV, "").split(os.pathsep) if part.strip()]
    folders = [
        bundled_articles_dir(),
        *(Path(folder) for folder in extra),
        *(Path(part) for part in from_env),
    ]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


class KnowledgeBase:
    def __init__(
        self, articles: Sequence[Article], problems: Sequence[Problem] = (), folders: Sequence[Path] = ()
    ):
        self.articles: dict[str, Article] = {article.id: article for article in articles}
        self.problems = list(problems)
        self.folders = list(folders)
        self.index = SearchIndex(list(self.articles.values()))

    @classmethod
    def load(cls, dirs: Sequence[str | Path] | None = None, *, use_cache: bool = True) -> KnowledgeBase:
        """Articles of the given folders (None: the bundled ones), from the cache when nothing changed.

        Raises ArticleFolderError for a folder that does not exist.
        """
        folders = [bundled_articles_dir()] if dirs is None else [Path(folder) for folder in dirs]
        use_cache = use_cache and cache.enabled()
        key = cache.fingerprint(folders) if use_cache else ""
        cached = cache.read(key) if use_cache else None
        if isinstance(cached, KnowledgeBase):
            return cached
        articles, problems = load_folders(folders)
        knowledge_base = cls(articles, problems, folders)
        if use_cache:
            cache.write(key, knowledge_base)
        return knowledge_base

    @classmethod
    def from_articles(cls, articles: Sequence[Article]) -> KnowledgeBase:
        return cls(articles)

    def search(
        self,
        text: str,
        limit: int = 5,
        boosts: Mapping[str, Boost] | None = None,
        lines: list[QueryLine] | None = None,
    ) -> list[Match]:
        return self.find(text, limit=limit, boosts=boosts, lines=lines).matches

    def find(
        self,
        text: str,
        limit: int = 5,
        boosts: Mapping[str, Boost] | None = None,
        lines: list[QueryLine] | None = None,
    ) -> Found:
        return self.index.find(text, limit=limit, boosts=boosts, lines=lines)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.articles

    def __getitem__(self, article_id: str) -> Article:
        return self.articles[article_id]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)
