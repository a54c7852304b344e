"""The articles' matchable strings indexed by term: the first stage of a search.

Every error message, symptom and title of an article is an entry, and so is each passage of its text. Each
entry's terms (kb.normalise.tokens) are weighted by IDF; each term's postings list its entries, strings
before passages. A pasted line's rarest terms pick the candidate entries here, within a budget of postings,
so the cost of a search does not grow with the size of the knowledge base; kb.search scores them.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from kb.article import Article
from kb.english import english_stems
from kb.normalise import STOP_WORDS, normalise, plain_stem, tokens
from kb.other_products import OtherProducts
from kb.scoring import BODY, ERROR, SYMPTOM, TITLE, TYPO_SIMILARITY
from kb.services import services_named

# Picked by rare terms before all the line's terms choose the CANDIDATES_PER_LINE to re-rank.
PRESELECTED_PER_LINE = 300
BODY_CANDIDATES_PER_LINE = 30
# Candidate picking reads the postings of the rarest terms first and stops after about this many.
POSTINGS_BUDGET = 50_000
# The same for passages of the articles' text: they are picked by their rarer words.
BODY_POSTINGS_BUDGET = 10_000
# Up to this many postings read are added up by sorting them; more, in a scratch array.
SORTED_READ_LIMIT = 8000
# The closest known spellings a misspelt word chooses among.
TYPO_CHOICES = 8
# In a long read, the rarest terms' postings list the candidate entries; after these many terms, a list
# longer than this and than the entries listed so far only adds weight to them.
INTRODUCING_TERMS = 2
LONG_LIST_POSTINGS = 1000
# Terms in more than this share of all entries are too common to pick candidates by.
COMMON_TERM_SHARE = 0.05
# A term in at least this share of articles tells what the knowledge base is about ("licens", "qlik"). At
# half, "server" and "sense" qualified once articles had more symptoms: any line saying "server" was then
# about licensing.
DOMAIN_TERM_SHARE = 0.6
# A product that at most this share of the articles are about tells what a line naming it is about
# (Compose, GeoAnalytics; not Qlik Sense, which most are about).
TELLING_PRODUCT_SHARE = 0.2
# Stemmed words of any software's error messages: they count in how much of a line a string explains, but
# are no evidence that it is one of this knowledge base's problems.
GENERIC_ERROR_TERMS = frozenset(
    [
        "error",
        "occur",
        "fail",
        "failur",
        "except",
        "unabl",
        "cannot",
        "could",
        "not",
        "found",
        "invalid",
        "pleas",
        "tri",
        "again",
        "follow",
        "problem",
        "issu",
        "messag",
        "warn",
    ]
)


@dataclass(frozen=True)
class _Scratch:
    """Per-thread arrays a query writes into and leaves all zero: indexing them beats sorting or searching."""

    overlap_of: np.ndarray  # per entry: the weight it shares with the line (long postings reads)
    weight_of: np.ndarray  # per term: its weight in the line being scored
    emphasis_of: np.ndarray  # per term: its emphasis in the line being scored


class TermIndex:
    """Every article's entries and their terms, with the postings that pick candidates for a line."""

    def __init__(self, articles: Sequence[Article]):
        self.articles = list(articles)
        self.article_numbers = {article.id: number for number, article in enumerate(self.articles)}
        entry_article: list[int] = []
        entry_kind: list[int] = []
        self.entry_text: list[str] = []
        self.entry_norm: list[str] = []
        vocabulary: dict[str, int] = {}
        words: set[str] = set()  # the articles' words as written, for correcting typos
        term_ids: list[int] = []
        term_ptr = [0]
        self.article_services: list[frozenset[str]] = []
        article_ids = frozenset(article.id for article in self.articles)
        for article_number, article in enumerate(self.articles):
            services: set[str] = set()
            for kind, strings in (
                (ERROR, article.errors),
                (SYMPTOM, article.symptoms),
                (TITLE, (article.title,)),
                (BODY, passages_of(article, article_ids)),
            ):
                for text in strings:
                    normalised = normalise.__wrapped__(text)
                    services |= services_named(text)
                    words.update(normalised.split())
                    terms = dict.fromkeys(tokens(normalised))  # in order: term ids the same in every run
                    if not terms:
                        continue
                    entry_article.append(article_number)
                    entry_kind.append(kind)
                    # The whole text is only counted in words: no need to keep it twice.
                    self.entry_text.append("" if kind == BODY else text)
                    self.entry_norm.append("" if kind == BODY else normalised)
                    term_ids.extend(vocabulary.setdefault(term, len(vocabulary)) for term in terms)
                    term_ptr.append(len(term_ids))
            self.article_services.append(frozenset(services))
        self.vocabulary = vocabulary
        self.term_names = list(vocabulary)
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
        # Each term's postings: its error, symptom and title entries, then its passages (read on a budget
        # of their own).
        is_body = self.entry_kind[entries_of_terms] == BODY
        order = np.lexsort((is_body, self.entry_terms))
        self.postings = entries_of_terms[order]
        self.posting_ptr = np.concatenate(([0], np.cumsum(document_frequency))).astype(np.int64)
        string_frequency = np.bincount(self.entry_terms[~is_body], minlength=len(vocabulary))
        self.body_ptr = self.posting_ptr[:-1] + string_frequency
        self.max_idf = float(self.idf.max()) if len(self.idf) else 0.0
        self.term_is_telling = np.ones(len(vocabulary), dtype=np.float32)
        for term in GENERIC_ERROR_TERMS & vocabulary.keys():
            self.term_is_telling[vocabulary[term]] = 0.0
        # A misspelt word's stem is corrected to a term or to a word as written: "purchse" is stemmed
        # "purchs", which is nearer "purchase" (a "buy" term) than any term.
        self.typo_terms = {
            term: number for term, number in vocabulary.items() if len(term) >= 4 and _is_a_word(term)
        }
        for word in sorted(words):  # in one order: among equally close spellings the first wins
            if len(word) >= 4 and word.isalpha() and word not in STOP_WORDS and word not in self.typo_terms:
                term = next(iter(tokens(word)), None)
                if term in vocabulary:
                    self.typo_terms[word] = vocabulary[term]
                    # and its own stem, which a synonym replaced: "purches" (stem "purch") is near "purchas"
                    own_stem = plain_stem(word)
                    if len(own_stem) >= 4 and own_stem != term:
                        self.typo_terms.setdefault(own_stem, vocabulary[term])
        self.typo_buckets = _typo_buckets(self.typo_terms)
        self.english_stems = english_stems() - vocabulary.keys()
        self.domain_terms = self._domain_terms(entries_of_terms)
        self.domain_term_ids = frozenset(vocabulary[term] for term in self.domain_terms if term in vocabulary)
        self.term_is_vague = np.zeros(len(vocabulary), dtype=bool)
        for term in (self.domain_terms | GENERIC_ERROR_TERMS) & vocabulary.keys():
            self.term_is_vague[vocabulary[term]] = True
        self.entry_needs_context = self._generic_errors()
        # Error messages that end in an exception and what it says: entry -> ("CryptographicException",
        # "keyset does not exist").
        self.entry_thrown = {
            entry: (thrown.group(1), thrown.group(2).lower())
            for entry in np.flatnonzero(self.entry_kind == ERROR).tolist()
            if (thrown := _THROWN.search(self.entry_text[entry]))
        }
        self.common_df = max(50, int(COMMON_TERM_SHARE * entry_count))
        self.other_products = OtherProducts(
            (product for article in self.articles for product in article.products), vocabulary
        )
        # The products each article is about, as term ids ("qlikview", "replic"): the words of its product
        # names that tell one product from another.
        self.article_products = [
            frozenset(
                vocabulary[term]
                for name in article.products
                for word in normalise(name).split()
                if word in self.other_products.own_words and word != "qlik"
                for term in tokens(word)
                if term in vocabulary
            )
            for article in self.articles
        ]
        self.product_terms = frozenset().union(*self.article_products)
        # Every word of the products' names, platform words too ("Qlik Sense Enterprise on Windows").
        self.product_name_terms = frozenset(
            vocabulary[term]
            for name in {name for article in self.articles for name in article.products}
            for term in tokens(normalise(name))
            if term in vocabulary
        )
        self.article_product_names = [
            tuple(name for name in map(normalise, article.products) if " " in name)
            for article in self.articles
        ]
        articles_about = Counter(term for products in self.article_products for term in products)
        self.telling_products = frozenset(
            term
            for term, count in articles_about.items()
            if count <= TELLING_PRODUCT_SHARE * len(self.articles)
        )
        self._thread_scratch = threading.local()

    def __len__(self) -> int:
        return len(self.entry_text)

    def _domain_terms(self, entries_of_terms: np.ndarray) -> frozenset[str]:
        article_count = len(self.articles)
        if article_count < 3:
            return frozenset()
        vocabulary_size = len(self.vocabulary)
        # Only the articles' own strings count: every long text shares common words.
        strings = self.entry_kind[entries_of_terms] != BODY
        pairs = np.unique(
            self.entry_article[entries_of_terms[strings]].astype(np.int64) * vocabulary_size
            + self.entry_terms[strings]
        )
        article_frequency = np.bincount(pairs % vocabulary_size, minlength=vocabulary_size)
        names = self.term_names
        common = np.flatnonzero(article_frequency >= DOMAIN_TERM_SHARE * article_count)
        return frozenset(
            names[term] for term in common if len(names[term]) >= 4 and names[term] not in STOP_WORDS
        )

    def _generic_errors(self) -> np.ndarray:
        """Error strings without a domain word, in articles that also have more specific errors."""
        is_error = self.entry_kind == ERROR
        generic = is_error & np.array(
            [not any(term in text for term in self.domain_terms) for text in self.entry_norm], dtype=bool
        )
        articles_with_specific = np.zeros(len(self.articles), dtype=bool)
        articles_with_specific[self.entry_article[is_error & ~generic]] = True
        return generic & articles_with_specific[self.entry_article]

    def string_candidates(self, term_ids: np.ndarray) -> np.ndarray:
        """The error, symptom and title entries sharing the most (and most complete) weight with a line,
        rarest terms first."""
        entries, overlap = self._overlapping(
            term_ids, self.posting_ptr[term_ids], self.body_ptr[term_ids], POSTINGS_BUDGET
        )
        return entries[best_positions(overlap * overlap / self.entry_mass[entries], PRESELECTED_PER_LINE)]

    def passage_candidates(self, term_ids: np.ndarray) -> np.ndarray:
        """The passages of the articles' text sharing the most weight with a line, by their rarer words."""
        entries, overlap = self._overlapping(
            term_ids, self.body_ptr[term_ids], self.posting_ptr[term_ids + 1], BODY_POSTINGS_BUDGET
        )
        return entries[best_positions(overlap, BODY_CANDIDATES_PER_LINE)]

    def _overlapping(
        self, term_ids: np.ndarray, starts: np.ndarray, ends: np.ndarray, budget: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The entries the terms' postings [starts, ends) list, read rarest first within the budget, and
        the weight each shares with the line."""
        chosen = self._within_budget(ends - starts, budget)
        return self._overlaps(term_ids[chosen], starts[chosen], ends[chosen])

    def _within_budget(self, frequencies: np.ndarray, budget: int) -> np.ndarray:
        """Which terms' postings to read: the rarest first, until the budget of postings is spent; common
        terms only dilute the choice (their weight is small), but the three rarest always count."""
        order = np.argsort(frequencies, kind="stable")
        chosen = order[(np.cumsum(frequencies[order]) <= budget) & (frequencies[order] <= self.common_df)]
        if len(chosen) < min(3, len(order)):
            chosen = order[: min(3, len(order))]
        return chosen[frequencies[chosen] > 0]

    def _overlaps(
        self, term_ids: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The distinct entries in the terms' postings with the weight they share with the line."""
        lists = [self.postings[start:end] for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]
        if not lists:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        if int((ends - starts).sum()) <= SORTED_READ_LIMIT:
            entries = np.concatenate(lists)
            distinct, positions = np.unique(entries, return_inverse=True)
            weights = np.repeat(self.idf[term_ids], ends - starts)
            return distinct, np.bincount(positions, weights=weights).astype(np.float32)
        # Adding up in a scratch array as long as all entries (a term lists an entry once), zeroed after:
        # sorting the postings read was most of a query's time at 100,000 articles. An entry still at zero
        # when a term lists it is listed for the first time.
        overlap_of = self._scratch().overlap_of
        first_listed: list[np.ndarray] = []
        listed = 0
        for position, (term_id, postings) in enumerate(zip(term_ids.tolist(), lists, strict=True)):
            if position >= INTRODUCING_TERMS and len(postings) > max(listed, LONG_LIST_POSTINGS):
                # A common term's long list (terms come rarest first) only adds its weight to the entries
                # listed so far: its other entries would only dilute the choice, and not listing them
                # spares writing to the whole list.
                so_far = overlap_of[postings]
                was_listed = postings[so_far != 0.0]
                overlap_of[was_listed] += self.idf[term_id]
                continue
            so_far = overlap_of[postings]
            first_listed.append(postings[so_far == 0.0])
            listed += len(first_listed[-1])
            overlap_of[postings] = so_far + self.idf[term_id]
        entries = np.concatenate(first_listed)
        overlap = overlap_of[entries]
        overlap_of[entries] = 0.0
        return entries, overlap

    def _scratch(self) -> _Scratch:
        """This thread's scratch arrays, made on its first query."""
        scratch = getattr(self._thread_scratch, "arrays", None)
        if scratch is None:
            scratch = self._thread_scratch.arrays = _Scratch(
                np.zeros(len(self.entry_text), np.float32),
                np.zeros(len(self.term_names), np.float32),
                np.zeros(len(self.term_names), np.float32),
            )
        return scratch

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_thread_scratch"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._thread_scratch = threading.local()

    def terms_of(self, entry: int) -> np.ndarray:
        return self.entry_terms[self.entry_term_ptr[entry] : self.entry_term_ptr[entry + 1]]

    def entries_of(self, article_number: int) -> range:
        """An article's entries: they are numbered article by article."""
        first, end = np.searchsorted(self.entry_article, [article_number, article_number + 1])
        return range(int(first), int(end))

    def correct_typo(self, term: str) -> int | None:
        if len(term) < 4 or not _is_a_word(term):
            return None
        choices = [
            known
            # A misspelt word's stem is as likely shorter than the right stem as longer ("direclty" is
            # "direclti", "directly" is "direct"), and a stem is shorter than its word.
            for length in range(len(term) - 2, len(term) + 4)
            for known in self.typo_buckets.get((term[0], length), ())
        ]
        close = process.extract(
            term, choices, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY, limit=TYPO_CHOICES
        )
        if not close:
            return None
        # Fewest edits, a swap of two letters counting as one ("licnes" is as near "licens" as "lines"),
        # then the word the articles use most: the likelier meant.
        spelling = min(
            close,
            key=lambda found: (OSA.distance(term, found[0]), self.idf[self.typo_terms[found[0]]], -found[1]),
        )[0]
        # A real word is itself, unless it is another form of the word ("given" / "give").
        if term in self.english_stems and not (spelling.startswith(term) or term.startswith(spelling)):
            return None
        return self.typo_terms[spelling]


def _is_a_word(term: str) -> bool:
    """Letters, or an identifier of letters (ANALYZER_TIME, misread ANALYZER_TlME, is corrected too)."""
    return term.replace("_", "").isalpha()


def best_positions(priority: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` highest priorities (all of them when there are no more), in no order."""
    if len(priority) <= count:
        return np.arange(len(priority))
    return np.argpartition(-priority, count)[:count]


def _typo_buckets(spellings: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """Known spellings by first letter and length: where a misspelt word looks for its correction."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for spelling in spellings:
        buckets.setdefault((spelling[0], len(spelling)), []).append(spelling)
    return buckets


# The last exception of an error message and what it says: "CryptographicException: Keyset does not exist".
_THROWN = re.compile(r"(\w+Exception):\s*([^:]+?)\s*$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Where an article sends the reader elsewhere, the words are the other article's subject, not its own: a
# reference "Title (article-id)", "see *Title*" in its text, and another article's id anywhere.
_REFERENCE_TO_AN_ARTICLE = re.compile(r"\([a-z0-9]+(?:-[a-z0-9]+)+\)\s*$")
_SEE_ELSEWHERE = re.compile(r"\bsee \*[^*]+\*")
_ID_SHAPED = re.compile(r"[*(]?\b[a-z0-9]+(?:-[a-z0-9]+)+\b[*)]?")
# Paragraphs shorter than this many characters join the next one.
MIN_PASSAGE_CHARS = 200


def passages_of(article: Article, article_ids: frozenset[str] = frozenset()) -> list[str]:
    """An article's text in passages, each under its title: a paste that describes the problem in other
    words than the article's strings must be explained by one passage, not by words from all over a long
    article. What points to one of the other `article_ids` is left out."""

    def another_articles(found: re.Match) -> str:
        name = found.group().strip("*()")
        return "" if name != article.id and name in article_ids else found.group()

    def own_words(text: str) -> str:
        return _ID_SHAPED.sub(another_articles, _SEE_ELSEWHERE.sub("see", text))

    head = " ".join((article.title, *article.symptoms, *article.errors, *article.products, *article.tags))
    passages = [head]
    pending = ""
    own_references = [line for line in article.references if not _REFERENCE_TO_AN_ARTICLE.search(line)]
    for text in (article.environment, article.cause, article.resolution, "\n".join(own_references)):
        for paragraph in _PARAGRAPH_BREAK.split(own_words(text)):
            pending = f"{pending} {paragraph.strip()}".strip()
            if len(pending) >= MIN_PASSAGE_CHARS:
                passages.append(f"{article.title} {pending}")
                pending = ""
    if pending:
        passages.append(f"{article.title} {pending}")
    return passages
