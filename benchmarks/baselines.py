"""What a user would otherwise reach for, run on the same articles and queries as kb.

- WRatio: rapidfuzz `process.extractOne(query, all_strings, scorer=fuzz.WRatio)` over every error,
  symptom and title, the whole paste as the query;
- BM25: bm25s with one document per article (title + errors + symptoms), English stop words, the whole
  paste as the query, each distinct word once (bm25s adds up repeated query words: the INFO words of a
  20-line log would outvote its one error line, and bm25s would never be right on a log).

Each `best(query)` returns the id of the top article, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from kb.article import Article

BM25_DOCUMENTS = "one document per article (title + errors + symptoms); query words de-duplicated"


def _strings(article: Article) -> tuple[str, ...]:
    return (*article.errors, *article.symptoms, article.title)


class WRatioBaseline:
    name = "rapidfuzz WRatio"

    def __init__(self, articles: Sequence[Article]):
        self.strings: list[str] = []
        self.owners: list[str] = []
        for article in articles:
            for text in _strings(article):
                self.strings.append(text)
                self.owners.append(article.id)

    def best(self, query: str) -> str | None:
        from rapidfuzz import fuzz, process

        found = process.extractOne(query, self.strings, scorer=fuzz.WRatio)
        return self.owners[found[2]] if found else None


class BM25Baseline:
    name = "bm25s"

    def __init__(self, articles: Sequence[Article]):
        import bm25s

        self._bm25s = bm25s
        self.ids = [article.id for article in articles]
        corpus = ["\n".join(_strings(article)) for article in articles]
        tokens = bm25s.tokenize(corpus, stopwords="en", show_progress=False)
        self.retriever = bm25s.BM25()
        self.retriever.index(tokens, show_progress=False)

    def best(self, query: str) -> str | None:
        words = self._bm25s.tokenize([query], stopwords="en", return_ids=False, show_progress=False)[0]
        if not words or words == [""]:
            return None
        tokens = [list(dict.fromkeys(words))]
        documents, scores = self.retriever.retrieve(tokens, k=1, show_progress=False, n_threads=0)
        return self.ids[int(documents[0][0])] if float(scores[0][0]) > 0 else None
