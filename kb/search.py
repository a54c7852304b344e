"""Finding the articles that answer a paste.

Two stages, so the cost per paste does not grow with the size of the knowledge base:
1. the term index (kb.term_index) picks a few dozen candidate strings per pasted line by its rarest terms;
2. kb.evidence scores them against the normalised line (rapidfuzz and shared term weight, in kb.scoring)
   into each article's best evidence.
Here the rules of what may answer what turn that evidence into matches: a question is answered a little
lower, part by part if need be; a paste that quotes another error, or never speaks of licensing, is not
answered by an article's words alone; a check's finding raises its articles. Verbatim error strings
outrank symptoms and titles; a score below kb.evidence.MIN_SCORE is no match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from kb.article import Article
from kb.evidence import ERROR_TEXT_MIN_SCORE, MIN_WORDS_SCORE, Hit, LineEvidence
from kb.extract import QueryLine, query_lines, quoted_errors, quotes_an_error, reports_an_error
from kb.normalise import stem, tokens
from kb.questions import asks, in_part, is_a_question, question_parts
from kb.scoring import BODY, ERROR, SYMPTOM, TITLE, WORDS, describe

# A question (a question mark, or a line that starts like one) in the person's own words (no error word,
# no error code anywhere in the paste) is answered a little lower by the article whose words it shares,
# when that article stands clearly ahead of the next.
QUESTION_MIN_SCORE = 47.0
QUESTION_MARGIN = 6.0
# ... and a question that also reports a problem, about licensing (see LICENSING_TERMS).
REPORTED_QUESTION_MIN_SCORE = 50.0
# A one-line paste of at most this many words is typed like a search: see _find.
SEARCH_WORDS = 8
# A question of more parts than this is a long text, not a question to take apart (each part is a search).
MAX_QUESTION_PARTS = 20
# A licensing symptom, title or passage, for a paste that never speaks of licensing ("qlik sense upgrade
# failed repository database"): from 66 to 88 none of the 57 evaluation sets' right answers is lost, and
# from 75 to 82 three more false positives go (a QlikView Publisher task, a REST connector, QMC certificates).
NOT_LICENSING_MIN_SCORE = 85.0
# A quoted error with at least this many known words, this share of them (by weight) in one of an article's
# error messages, is that error remembered in other words.
MIN_QUOTED_TERMS = 2
QUOTED_ERROR_SHARE = 0.75
# When nothing matches, up to CLOSEST_COUNT articles down to this score are offered as the closest, marked
# as not confident.
CLOSEST_SCORE = 40.0
CLOSEST_COUNT = 3
BOOST_TIE_BREAK = 1000.0
# What a passage must score to answer a one-line paste that reports a failure without a word of licensing.
LONG_LINE_PASSAGE_MIN_SCORE = 60.0
# A finding makes its article a match of FINDING_BASE_SCORE plus its points; when the paste's words match
# articles too, its points count this much: what the person says is wrong comes before what a check infers
# (a question asked with a key whose signature looks short).
FINDING_BASE_SCORE = 50.0
FINDING_BESIDE_WORDS = 0.8
# Keys that are not license keys: "the private key", "duplicate key row", "the API key expired", and as
# French, Spanish and Portuguese say it after the key: "clé primaire", "clave privada".
OTHER_KEYS = frozenset(
    stem(word)
    for word in "private public primary foreign duplicate unique api ssh registry encryption rsa".split()  # noqa: SIM905
)
OTHER_KEYS_AFTER = frozenset(
    stem(word)
    for word in "primaire privee publique etrangere primaria privada publica estrangeira extranjera".split()  # noqa: SIM905
)
# Stemmed words that say a paste is about licensing at all. A symptom or title that speaks of a license
# answers a paste without any of them only when close to it all: "QlikView reload task in QMC fails" is not
# "cannot license QlikView Publisher in the management console".
LICENSING_TERMS = frozenset(
    """
    licens key keyset lef serial seat assign capac token cal entitl activ subscript buy unlock pass jwt
    analyzer profession overag productlevel timelimit checksum
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


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
    place: int = 0  # the article's place among the finding's articles: the first is the one it points at most
    alone: bool = True  # whether it makes a match of an article the text does not match


@dataclass(frozen=True)
class Found:
    matches: list[Match]
    closest: list[Match] = field(default_factory=list)  # when nothing matches: the nearest, not confident
    other_products: list[str] = field(default_factory=list)  # when nothing matches: what the paste is about


class SearchIndex(LineEvidence):
    """Finds the articles that answer a paste: scores the candidates the term index picks for each line."""

    # -- querying ---------------------------------------------------------------------------------------

    def find(
        self,
        text: str,
        limit: int = 5,
        boosts: Mapping[str, Boost] | None = None,
        lines: list[QueryLine] | None = None,
    ) -> Found:
        """The matches for a paste and, when there are none, why or what came closest (one scoring pass;
        a question nothing answers is asked again part by part). `lines` are the paste's query lines when
        the caller already has them."""
        boosts = boosts or {}
        lines = query_lines(text) if lines is None else lines
        found, hits = self._find(text, limit, boosts, lines, lines, whole=True)
        if found.matches or found.other_products or not asks(text):
            return found
        if is_a_question(text):
            if self._answers_a_question(found.closest, hits, QUESTION_MIN_SCORE, lines):
                return Found(found.closest[:1])
        else:
            # A question that also reports a problem ("activating the key errors out, which ports ..."):
            # answered by a near article when it speaks of licensing.
            if self._answers_a_question(
                found.closest, hits, REPORTED_QUESTION_MIN_SCORE, lines
            ) and self._speaks_of_licensing(lines):
                return Found(found.closest[:1])
            return found
        by_part = self._answer_by_part(text, limit, boosts, lines)
        return Found(by_part) if by_part else found

    def _find(
        self,
        text: str,
        limit: int,
        boosts: Mapping[str, Boost],
        lines: list[QueryLine] | None,
        paste_lines: list[QueryLine],
        whole: bool,
        products_of_paste: frozenset[int] = frozenset(),
    ) -> tuple[Found, dict[int, Hit]]:
        """One scoring pass over `text` (the paste as a `whole`, or a part of it: `paste_lines` are the whole
        paste's)."""
        hits, other_products = self._hits(text, lines, products_of_paste, part=not whole)
        self._doubt_text_matches_of_an_error(hits, text, boosts)
        # A passage is doubted too, except for a one-line paste of more than a few words asked whole: among
        # many lines (a checklist, a chat) or typed as a search ("qlik sense upgrade failed repository
        # database"), a few plain words find a passage that shares them all.
        passages_too = (
            not whole or len(paste_lines) != 1 or len(paste_lines[0].normalised.split()) <= SEARCH_WORDS
        )
        self._doubt_licensing_matches(hits, boosts, paste_lines, passages_too)
        if not passages_too:
            self._doubt_passages_of_another_failure(hits, boosts, text, paste_lines)
        matches = self._rank(hits, limit, boosts)
        if matches:
            return Found(matches), hits
        if other_products:
            return Found([], other_products=other_products), hits
        return Found([], closest=self._closest(hits, CLOSEST_COUNT)), hits

    def _answer_by_part(
        self, text: str, limit: int, boosts: Mapping[str, Boost], paste_lines: list[QueryLine]
    ) -> list[Match]:
        """The articles that answer the sentences or strung-together questions of a question asked as a
        whole ("... what data goes to Qlik's cloud, and are the user names encrypted?"), each by what a
        paste must reach on its own."""
        parts = question_parts(text)
        # One part was asked already as the whole; a text of many parts is no question.
        if not 2 <= len(parts) <= MAX_QUESTION_PARTS:
            return []
        # A part that names no product is about the products the question names elsewhere ("Finance signed
        # the Compose order. When does the license reach us?").
        products = self._products_named(text)
        best: dict[str, Match] = {}
        for part in parts:
            for match in self._find(part, limit, boosts, None, paste_lines, False, products)[0].matches:
                if match.article.id not in best or match.score > best[match.article.id].score:
                    best[match.article.id] = Match(match.article, match.score, in_part(match.why, part))
        return sorted(best.values(), key=lambda match: -match.score)[:limit]

    def _doubt_text_matches_of_an_error(
        self, hits: dict[int, Hit], text: str, boosts: Mapping[str, Boost]
    ) -> None:
        """A paste that quotes an error its articles' error messages and symptoms do not match ("Access
        denied. Section access denies you access", a PostgreSQL login failure) is about another error:
        an article's text sharing its words must be close to it all to be the answer, unless the paste
        quotes that article's own error in other words ('it says "unable to acquire license"')."""

        @cache
        def quoted() -> list[list[int]]:  # read only when an article's text is in doubt
            return [self._known_terms(quote) for quote in quoted_errors(text)]

        def quotes_another_error(hit: Hit) -> bool:
            article = int(self.entry_article[hit.source[0]])
            return not any(self._is_its_error(article, terms) for terms in quoted())

        self._doubt(
            hits,
            boosts,
            lambda hit: (
                self.entry_kind[hit.source[0]] == BODY
                and hit.min_score <= hit.combined < ERROR_TEXT_MIN_SCORE
                and quotes_another_error(hit)
            ),
            lambda: quotes_an_error(text),
        )

    def _is_its_error(self, article_number: int, terms: list[int]) -> bool:
        """Whether most of these terms (by weight, at least two of them) are in one of the article's error
        messages."""
        if len(terms) < MIN_QUOTED_TERMS:
            return False
        weight = float(self.idf[terms].sum())
        return any(
            self.entry_kind[entry] == ERROR
            and float(self.idf[np.intersect1d(terms, self.terms_of(entry))].sum())
            >= QUOTED_ERROR_SHARE * weight
            for entry in self.entries_of(article_number)
        )

    def _doubt_licensing_matches(
        self,
        hits: dict[int, Hit],
        boosts: Mapping[str, Boost],
        paste_lines: list[QueryLine],
        passages_too: bool,
    ) -> None:
        """In a paste that never speaks of licensing (see LICENSING_TERMS) nor names a code the articles
        know, a symptom or title that does must be close to it all (NOT_LICENSING_MIN_SCORE), and so must a
        passage of the articles' text when `passages_too`."""
        self._doubt(
            hits,
            boosts,
            # only a hit that could answer, or lead a question
            lambda hit: (
                hit.combined >= QUESTION_MIN_SCORE
                and hit.min_score < ERROR_TEXT_MIN_SCORE
                and self.entry_kind[hit.source[0]]
                in ((SYMPTOM, TITLE, BODY) if passages_too else (SYMPTOM, TITLE))
                and self._entry_speaks_of_licensing(hit.source[0])
            ),
            lambda: not self._speaks_of_licensing(paste_lines),
            NOT_LICENSING_MIN_SCORE,
        )

    def _doubt_passages_of_another_failure(
        self, hits: dict[int, Hit], boosts: Mapping[str, Boost], text: str, paste_lines: list[QueryLine]
    ) -> None:
        """A one-line paste that reports a failure and never speaks of licensing ("NPrinting publish task
        fails: Failed to connect to the QlikView document") is another product's failure told in the words
        of the articles' text: a passage answers it from LONG_LINE_PASSAGE_MIN_SCORE only."""
        self._doubt(
            hits,
            boosts,
            lambda hit: (
                hit.combined >= QUESTION_MIN_SCORE
                and hit.min_score < LONG_LINE_PASSAGE_MIN_SCORE
                and self.entry_kind[hit.source[0]] == BODY
            ),
            lambda: reports_an_error(text) and not self._speaks_of_licensing(paste_lines),
            LONG_LINE_PASSAGE_MIN_SCORE,
        )

    def _entry_speaks_of_licensing(self, entry: int) -> bool:
        license_term = self.vocabulary.get("licens")
        return license_term is not None and bool((self.terms_of(entry) == license_term).any())

    def _speaks_of_licensing(self, lines: list[QueryLine]) -> bool:
        """Whether a line has a licensing word (or one made with "license": importlicense,
        TestCloudLicense), or a code the articles know (QV-23240, LICENSES-030, GEO_SERVER)."""
        for line in lines:
            terms = _without_other_keys(tokens(line.normalised))
            if (
                not LICENSING_TERMS.isdisjoint(terms)
                or any("licens" in term for term in terms)
                or self._names_a_known_code(line)
                or any(self._is_a_misspelt_licensing_word(term) for term in terms)
            ):
                return True
        return False

    def _is_a_misspelt_licensing_word(self, term: str) -> bool:
        # "analyze" is a word, not a misspelt Analyzer
        if term in self.vocabulary or term in self.english_stems:
            return False
        corrected = self.correct_typo(term)
        if corrected is None:
            return False
        meant = self.term_names[corrected]
        return meant in LICENSING_TERMS or "licens" in meant  # "importlicnese" is importlicense

    def _doubt(
        self,
        hits: dict[int, Hit],
        boosts: Mapping[str, Boost],
        may_doubt: Callable[[Hit], bool],
        paste_doubted: Callable[[], bool],
        min_score: float = ERROR_TEXT_MIN_SCORE,
    ) -> None:
        """The hits `may_doubt` picks must score `min_score` to answer when `paste_doubted` (asked only when
        there is such a hit), unless a check's finding points at their article too."""
        boosted = {self.article_numbers.get(article_id) for article_id in boosts}
        doubtful = [
            hit
            for number, hit in hits.items()
            if number not in boosted and hit.source is not None and may_doubt(hit)
        ]
        if doubtful and paste_doubted():
            for hit in doubtful:
                hit.min_score = min_score

    def _answers_a_question(
        self, closest: list[Match], hits: dict[int, Hit], min_score: float, lines: list[QueryLine]
    ) -> bool:
        """Whether the closest article answers a question asked in other words than the articles'."""
        if not closest or closest[0].score < min_score:
            return False
        runner_up = closest[1].score if len(closest) > 1 else CLOSEST_SCORE
        if closest[0].score - runner_up < QUESTION_MARGIN:
            return False
        hit = hits[self.article_numbers[closest[0].article.id]]
        # not when its match is doubted already: about another product, or only the text for a quoted error
        if hit.source is None or hit.source[1] != WORDS or hit.min_score > MIN_WORDS_SCORE:
            return False
        # nor by a passage about licensing when the question is not ("when do our dashboards refresh?" and
        # the SLK's unpublished refresh schedule)
        entry = hit.source[0]
        return (
            self.entry_kind[entry] != BODY
            or not self._entry_speaks_of_licensing(entry)
            or self._speaks_of_licensing(lines)
        )

    def _closest(self, hits: dict[int, Hit], limit: int) -> list[Match]:
        """The articles nearest to a paste nothing matches, down to CLOSEST_SCORE: not an answer, a lead.
        After _rank, every hit's score is its combined score."""
        return [match for match in self._ranked(hits, hits.keys(), limit) if match.score >= CLOSEST_SCORE]

    def _why(self, hit: Hit) -> str:
        if hit.source is None:
            return hit.boost_why
        entry, how, line_number = hit.source
        why = describe(int(self.entry_kind[entry]), how, self.entry_text[entry], line_number)
        return f"{why}; {hit.boost_why}" if hit.boost_why else why

    @staticmethod
    def _is_match(hit: Hit) -> bool:
        return hit.score >= hit.min_score

    def _rank(self, hits: dict[int, Hit], limit: int, boosts: Mapping[str, Boost]) -> list[Match]:
        for hit in hits.values():
            hit.score = hit.combined
        beside_words = FINDING_BESIDE_WORDS if any(map(self._is_match, hits.values())) else 1.0
        for article_id, boost in boosts.items():
            number = self.article_numbers.get(article_id)
            if number is None:
                continue
            hit = hits.get(number)
            if hit is not None and self._is_match(hit):
                hit.score = min(100.0, hit.score + boost.points)
                hit.boost_why = boost.why
            elif boost.alone:
                text_score = hit.score if hit is not None else 0.0
                score = FINDING_BASE_SCORE + boost.points * beside_words
                hit = hits[number] = Hit(min(100.0, score), None, boost.why, min_score=FINDING_BASE_SCORE)
                hit.boost_support += text_score
            else:
                continue
            # Scores cap at 100: among equals, the article a problem points at comes before one an
            # information finding points at, and a finding's first article before its others.
            hit.boost_support += BOOST_TIE_BREAK * boost.points - boost.place / 10
        matching = [number for number, hit in hits.items() if self._is_match(hit)]
        return self._ranked(hits, matching, limit)

    def _ranked(self, hits: dict[int, Hit], numbers: Iterable[int], limit: int) -> list[Match]:
        """The best `limit` of these articles' hits as matches: by score, then by their other evidence."""
        ranked = sorted(
            ((round(hits[number].score, 1), hits[number].support, -number) for number in numbers),
            reverse=True,
        )
        return [
            Match(self.articles[-number], score, self._why(hits[-number]))
            for score, _, number in ranked[:limit]
        ]


def _without_other_keys(terms: list[str]) -> list[str]:
    """A line's terms without the "key" of a key that is not a license key (OTHER_KEYS, OTHER_KEYS_AFTER)."""
    kept = []
    for position, term in enumerate(terms):
        before = terms[position - 1] if position else ""
        after = terms[position + 1] if position + 1 < len(terms) else ""
        if term != "key" or (before not in OTHER_KEYS and after not in OTHER_KEYS_AFTER):
            kept.append(term)
    return kept
