"""Finding the articles that answer a paste.

Two stages, so the cost per paste does not grow with the size of the knowledge base:
1. an inverted index over IDF-weighted terms picks a few dozen candidate strings per pasted line;
2. rapidfuzz re-ranks the candidates against the normalised line.
Verbatim error strings outrank symptoms and titles; a score below MIN_SCORE is no match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from kb.article import Article
from kb.extract import QueryLine, query_lines
from kb.normalise import normalise, tokens

MIN_SCORE = 60.0
CANDIDATES_PER_LINE = 40
# Terms found in more entries than this share of the index only dilute candidate picking.
COMMON_TERM_SHARE = 0.05

ERROR, SYMPTOM, TITLE = 0, 1, 2
KIND_NAMES = ("error message", "symptom", "title")
KIND_WEIGHTS = np.array([1.0, 0.93, 0.9])


@dataclass(frozen=True)
class Match:
    article: Article
    score: float
    why: str

    def to_dict(self) -> dict:
        return {"id": self.article.id, "title": self.article.title, "score": self.score, "why": self.why}


@dataclass(frozen=True)
class Boost:
    """Extra evidence for an article from outside the text (a diagnoser finding that links it)."""

    points: float
    why: str


@dataclass
class _Hit:
    score: float
    support: float
    why: str


class SearchIndex:
    """The matchable strings of every article, indexed by term."""

    def __init__(self, articles: Sequence[Article]):
        self.articles = list(articles)
        entry_article: list[int] = []
        entry_kind: list[int] = []
        self.entry_text: list[str] = []
        self.entry_norm: list[str] = []
        vocabulary: dict[str, int] = {}
        term_ids: list[int] = []
        term_ptr = [0]
        for article_number, article in enumerate(self.articles):
            for kind, strings in (
                (ERROR, article.errors),
                (SYMPTOM, article.symptoms),
                (TITLE, (article.title,)),
            ):
                for text in strings:
                    normalised = normalise.__wrapped__(text)
                    terms = set(tokens(normalised))
                    if not terms:
                        continue
                    entry_article.append(article_number)
                    entry_kind.append(kind)
                    self.entry_text.append(text)
                    self.entry_norm.append(normalised)
                    term_ids.extend(vocabulary.setdefault(term, len(vocabulary)) for term in terms)
                    term_ptr.append(len(term_ids))
        self.vocabulary = vocabulary
        self.entry_article = np.array(entry_article, dtype=np.int32)
        self.entry_kind = np.array(entry_kind, dtype=np.int8)
        self.entry_terms = np.array(term_ids, dtype=np.int32)
        self.entry_term_ptr = np.array(term_ptr, dtype=np.int64)
        entry_count = len(self.entry_text)
        document_frequency = np.bincount(self.entry_terms, minlength=len(vocabulary))
        self.idf = np.log1p((entry_count - document_frequency + 0.5) / (document_frequency + 0.5)).astype(
            np.float32
        )
        lengths = np.diff(self.entry_term_ptr)
        entries_of_terms = np.repeat(np.arange(entry_count, dtype=np.int32), lengths)
        self.entry_mass = (
            np.add.reduceat(self.idf[self.entry_terms], self.entry_term_ptr[:-1])
            if entry_count
            else np.zeros(0)
        )
        order = np.argsort(self.entry_terms, kind="stable")
        self.postings = entries_of_terms[order]
        self.posting_ptr = np.concatenate(([0], np.cumsum(document_frequency))).astype(np.int64)
        self.common_df = max(50, int(COMMON_TERM_SHARE * entry_count))

    def __len__(self) -> int:
        return len(self.entry_text)

    # -- querying ---------------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 5, boosts: Mapping[str, Boost] | None = None) -> list[Match]:
        hits: dict[int, _Hit] = {}
        if len(self.entry_text):
            for line in query_lines(text):
                self._score_line(line, hits)
        return self._rank(hits, limit, boosts or {})

    def _score_line(self, line: QueryLine, hits: dict[int, _Hit]) -> None:
        query_terms = {self.vocabulary[term] for term in tokens(line.normalised) if term in self.vocabulary}
        if not query_terms:
            return
        term_array = np.fromiter(query_terms, dtype=np.int64, count=len(query_terms))
        candidates = self._candidates(term_array)
        if not len(candidates):
            return
        in_query = np.zeros(len(self.vocabulary), dtype=bool)
        in_query[term_array] = True
        query_mass = float(self.idf[term_array].sum()) + self._unknown_mass(line.normalised, len(query_terms))
        for entry in candidates.tolist():
            entry_terms = self.entry_terms[self.entry_term_ptr[entry] : self.entry_term_ptr[entry + 1]]
            shared = float(self.idf[entry_terms[in_query[entry_terms]]].sum())
            entry_coverage = shared / float(self.entry_mass[entry])
            query_coverage = shared / query_mass if query_mass else 0.0
            kind = int(self.entry_kind[entry])
            score, how = self._score_entry(
                kind, self.entry_norm[entry], line.normalised, entry_coverage, query_coverage
            )
            score *= float(KIND_WEIGHTS[kind])
            article_number = int(self.entry_article[entry])
            hit = hits.get(article_number)
            if hit is None or score > hit.score:
                why = self._why(kind, self.entry_text[entry], how, line)
                support = hit.support + hit.score if hit else 0.0
                hits[article_number] = _Hit(score, support, why)
            else:
                hit.support += score

    def _unknown_mass(self, normalised: str, known: int) -> float:
        """Terms the index has never seen still make a line less about any article."""
        unknown = len(set(tokens(normalised))) - known
        return max(0, unknown) * float(self.idf.max() if len(self.idf) else 0.0) * 0.5

    def _candidates(self, term_array: np.ndarray) -> np.ndarray:
        starts, ends = self.posting_ptr[term_array], self.posting_ptr[term_array + 1]
        frequencies = ends - starts
        informative = frequencies <= self.common_df
        if informative.any():
            term_array, starts, ends = term_array[informative], starts[informative], ends[informative]
        entries = np.concatenate([self.postings[start:end] for start, end in zip(starts, ends, strict=True)])
        weights = np.repeat(self.idf[term_array], ends - starts)
        unique_entries, positions = np.unique(entries, return_inverse=True)
        overlap = np.bincount(positions, weights=weights)
        priority = overlap * overlap / self.entry_mass[unique_entries]
        if len(unique_entries) > CANDIDATES_PER_LINE:
            best = np.argpartition(-priority, CANDIDATES_PER_LINE)[:CANDIDATES_PER_LINE]
            unique_entries = unique_entries[best]
        return unique_entries

    @staticmethod
    def _score_entry(
        kind: int, entry: str, line: str, entry_coverage: float, query_coverage: float
    ) -> tuple[float, str]:
        if kind == ERROR:
            if entry in line:
                return 100.0, "exact"
            shorter, longer = sorted((len(entry), len(line)))
            alignment = fuzz.partial_ratio(entry, line)
            if len(line) < len(entry):  # a fragment of the error: worth less the less of it there is
                alignment *= (shorter / longer) ** 0.3
            similarity = max(alignment, fuzz.ratio(entry, line))
            score = 0.7 * similarity + 30.0 * entry_coverage
            return score, "close"
        similarity = fuzz.ratio(entry, line)
        overlap = 100.0 * (0.7 * entry_coverage + 0.3 * query_coverage)
        return max(similarity, overlap), "close" if similarity >= overlap else "words"

    @staticmethod
    def _why(kind: int, entry_text: str, how: str, line: QueryLine) -> str:
        where = f" in line {line.number}" if line.number else ""
        if how == "exact":
            return f'{KIND_NAMES[kind]} "{entry_text}" found{where}'
        if how == "words":
            return f'{KIND_NAMES[kind]} "{entry_text}" shares the key words{where}'
        return f'close to the {KIND_NAMES[kind]} "{entry_text}"{where}'

    def _rank(self, hits: dict[int, _Hit], limit: int, boosts: Mapping[str, Boost]) -> list[Match]:
        ranked: list[tuple[float, float, float, str, Article]] = []
        article_numbers = {article.id: number for number, article in enumerate(self.articles)}
        for article_id, boost in boosts.items():
            number = article_numbers.get(article_id)
            if number is None:
                continue
            hit = hits.get(number)
            if hit is not None and hit.score >= MIN_SCORE:
                hit.score = min(100.0, hit.score + boost.points)
                hit.why = f"{hit.why}; {boost.why}"
                hit.support += 1000.0
            else:
                hits[number] = _Hit(min(100.0, 50.0 + boost.points), 1000.0, boost.why)
        for number, hit in hits.items():
            if hit.score >= MIN_SCORE:
                ranked.append((round(hit.score, 1), hit.support, -number, hit.why, self.articles[number]))
        ranked.sort(key=lambda item: (item[0], item[1], item[2]), reverse=True)
        return [Match(article, score, why) for score, _, _, why, article in ranked[:limit]]
