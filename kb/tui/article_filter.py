"""Search-as-you-type over the article list: every word typed must appear somewhere in the article."""

from __future__ import annotations

from collections.abc import Sequence

from kb.article import Article


def haystack(article: Article) -> str:
    parts = [
        article.id,
        article.title,
        *article.errors,
        *article.symptoms,
        *article.tags,
        *article.products,
        *article.references,
        *article.checks,
    ]
    return "\n".join(parts).lower()


class ArticleFilter:
    """Articles in title order; the haystacks are built once, so each keystroke is a substring scan."""

    def __init__(self, articles: Sequence[Article]):
        self.articles = sorted(articles, key=lambda article: article.title.lower())
        self.titles = [article.title.lower() for article in self.articles]
        self.haystacks = [haystack(article) for article in self.articles]

    def filter(self, query: str, limit: int = 500) -> tuple[list[Article], int]:
        """The first `limit` articles matching every word (title hits first) and how many matched in all."""
        words = query.lower().split()
        if not words:
            return self.articles[:limit], len(self.articles)
        in_title: list[Article] = []
        elsewhere: list[Article] = []
        for article, title, text in zip(self.articles, self.titles, self.haystacks, strict=True):
            if all(word in text for word in words):
                (in_title if all(word in title for word in words) else elsewhere).append(article)
        found = in_title + elsewhere
        return found[:limit], len(found)
