"""Finding the articles that answer a paste.

Two stages, so the cost per paste does not grow with the size of the knowledge base:
1. the term index (kb.term_index) picks a few dozen candidate strings per pasted line by its rarest terms;
2. here the candidates are scored against the normalised line (rapidfuzz and shared term weight, in
   kb.scoring), and the rules of what may answer what turn each article's best evidence into matches.
Verbatim error strings outrank symptoms and titles; a score below MIN_SCORE is no match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from kb.article import Article
from kb.extract import QueryLine, query_lines, quoted_errors, quotes_an_error
from kb.normalise import is_host_name, normalise, tokens
from kb.questions import asks, in_part, is_a_question, question_parts
from kb.scoring import BODY, ERROR, SYMPTOM, TITLE, WORDS, describe, score_candidates
from kb.services import services_named
from kb.term_index import TermIndex, best_positions

MIN_SCORE = 60.0
# A symptom, title or passage of the article's text shares the words of a line in other words than an
# error message would: those scores run lower.
MIN_WORDS_SCORE = 54.0
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
# A paste that quotes an error message is answered by an article's text (not its error messages or
# symptoms) only from this score.
ERROR_TEXT_MIN_SCORE = 66.0
# A passage of an article's text, for a line about a service or product the article never names.
OTHER_SUBJECT_TEXT_MIN_SCORE = 80.0
# ... and a symptom or title: "how can we purchase Qlik Replicate and Compose, through a partner?" is not
# answered by Qlik Cloud's "we bought through a partner" (72.5).
OTHER_SUBJECT_PHRASE_MIN_SCORE = 75.0
# A licensing symptom, title or passage, for a paste that never speaks of licensing ("qlik sense upgrade
# failed repository database"): from 66 to 86 none of the evaluation sets' right answers is lost.
NOT_LICENSING_MIN_SCORE = 75.0
# A symptom, title or passage of an article about a product the line names (see TELLING_PRODUCT_SHARE)
# scores this much more: said in other words, the product named is the best evidence of what it is about.
NAMED_PRODUCT_FACTOR = 1.1
# A quoted error with at least this many known words, this share of them (by weight) in one of an article's
# error messages, is that error remembered in other words.
MIN_QUOTED_TERMS = 2
QUOTED_ERROR_SHARE = 0.75
# When nothing matches, up to CLOSEST_COUNT articles down to this score are offered as the closest, marked
# as not confident.
CLOSEST_SCORE = 40.0
CLOSEST_COUNT = 3
BOOST_TIE_BREAK = 1000.0
# How much a second matching string of the same article closes the gap to 100.
CORROBORATION = 0.15
CANDIDATES_PER_LINE = 10
# A line one of the articles' strings matches this well (an error message found whole or nearly) is not
# matched against the articles' text as well.
ANSWERED_BY_A_STRING = 90.0
# Among articles equally sure of one line, the one the paste's other lines speak of comes first: a line
# counts for an article from this score, under the match threshold ("users lost their licenses overnight"
# above the error both the connection and the lost-assignments articles have).
LINE_SUPPORT_MIN_SCORE = 40.0
NEGLIGIBLE_SCORE = 20.0
# Shared rare-word weight (in units of the rarest term's IDF) that makes a match fully credible.
SUFFICIENT_EVIDENCE = 2.0
# An unknown word in a line weighs this share of the rarest known term (it makes the line less about us).
UNKNOWN_TERM_WEIGHT = 0.35
# ... and this much when a passage of an article's text is to explain the line, unless the line names an
# identifier the knowledge base knows: "FLEXnet Licensing error: ... WinSock: Connection refused" is
# another vendor's license server, "lookup license.qlikcloud.com: no such host" is ours.
UNKNOWN_WEIGHT_FOR_PASSAGES = 0.5
# Identifiers (GEO_SERVER, QB-17039, cmd.license) are what people search by: a known one weighs this much
# more than a word in a line.
IDENTIFIER_WEIGHT = 2.0
MAX_TERMS_FOR_TYPOS = 25
# A line of a longer paste with fewer known terms than this (and no identifier) is not matched by itself.
MIN_TERMS_OF_A_LINE = 2
# ... nor against the articles' text with fewer than this: two words ("exactly sent") are in many a
# passage, where they say nothing of what the paste is about.
MIN_TERMS_FOR_PASSAGES = 3
# Stemmed words that say a paste is about licensing at all. A symptom or title that speaks of a license
# answers a paste without any of them only when close to it all: "QlikView reload task in QMC fails" is not
# "cannot license QlikView Publisher in the management console".
LICENSING_TERMS = frozenset(
    """
    licens key keyset lef serial seat assign capac token cal entitl activ subscript buy unlock pass jwt
    analyz profession overag productlevel timelimit
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# A generic error (no domain word) explaining less of a line than this, unknown words counted in full,
# needs the paste to be about the domain.
GENERIC_COVERAGE = 0.6


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


@dataclass(frozen=True)
class Found:
    matches: list[Match]
    closest: list[Match] = field(default_factory=list)  # when nothing matches: the nearest, not confident
    other_products: list[str] = field(default_factory=list)  # when nothing matches: what the paste is about


@dataclass
class _Hit:
    score: float
    source: tuple[int, int, int] | None  # (entry, how, line number) of the best match, None: a boost alone
    boost_why: str = ""
    second: float = 0.0  # the best score of another string of the same article
    # ... that corroborates a best match that is a passage: not another passage read in the same line
    # (a long article's passages share the same words)
    second_to_passage: float = 0.0
    best_kind: int = ERROR  # the kind of entry of the best match (ERROR, SYMPTOM, TITLE or BODY)
    min_score: float = MIN_SCORE  # what the best match must reach: less for one in other words
    # line number -> the best score of the article's strings in that line, from LINE_SUPPORT_MIN_SCORE
    line_scores: dict[int, float] = field(default_factory=dict)
    boost_support: float = 0.0
    other_strings: float = 0.0  # the scores of the article's strings but the best, added up

    @property
    def support(self) -> tuple[float, float]:
        """The article's other evidence, which breaks ties: first the paste's other lines it would match
        (many similar strings matching one line count once), then all its other strings."""
        scores = self.line_scores.values()
        return sum(scores) - max(scores, default=0.0) + self.boost_support, self.other_strings

    def add_second(self, score: float, kind: int, line_number: int, best_kind: int, best_line: int) -> None:
        """Count a string that is not the best (of `kind`, in line `line_number`) as corroboration of the
        best (of `best_kind`, in `best_line`)."""
        self.second = max(self.second, score)
        self.other_strings += score
        if kind != BODY or best_kind != BODY or line_number != best_line:
            self.second_to_passage = max(self.second_to_passage, score)

    @property
    def combined(self) -> float:
        """The best match, raised a little when another string of the article agrees."""
        second = self.second_to_passage if self.best_kind == BODY else self.second
        return self.score + (100.0 - self.score) * CORROBORATION * second / 100.0


@dataclass(frozen=True)
class _Subjects:
    """What a line is about by name: the services (stems of "<name> Service") and products (term ids)."""

    services: frozenset[str]
    products: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.services or self.products)


@dataclass(frozen=True)
class _QueryTerms:
    ids: np.ndarray  # sorted term ids of the line's known (or corrected) terms
    corrected: np.ndarray  # whether each is a misspelt word's correction rather than a word as written
    emphasis: np.ndarray  # how much each counts in the share of the line an entry explains
    mass: float  # the line's whole weight, unknown words included
    mass_for_passages: float  # the same, as a passage of an article's text must explain it
    unknown: int  # words of the line the index has never seen
    known_mass: float
    names_identifier: bool  # a known identifier is among the terms (GEO_SERVER, license.qlikcloud.com)
    # Only words every article has and words any error has ("license error", "Qlik licensing failed"):
    # nothing tells which problem it is, unless an error message is found whole in the line.
    vague: bool

    @property
    def mass_with_unknown_in_full(self) -> float:
        """The line's weight with each unknown word weighing as much as its average known word."""
        return self.known_mass * (1.0 + self.unknown / len(self.ids))


_CODE_TERM = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]{2,}-\d{2,}")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+|[a-z]{2,}-\d{2,}")


# Column names as a CSV export writes them: no spaces after the separators, unlike a list in a sentence.
_HEADER_ROW = re.compile(r'\s*"?[A-Za-z][\w]*"?(?:[,;\t]"?[A-Za-z][\w]*"?){2,}\s*')


def _is_a_caption(line: QueryLine) -> bool:
    """A line that introduces the next ("Windows System log:", "Here is what the QMC shows:"), a screen's
    breadcrumb ("QMC > Data connections") or the columns of a table ("User","Allocation","Assigned"): its
    few words say where the paste comes from, not what it is about, so no passage of an article answers
    it."""
    text = line.text.rstrip()
    return text.endswith(":") or " > " in text or _HEADER_ROW.fullmatch(text) is not None


class SearchIndex(TermIndex):
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
    ) -> tuple[Found, dict[int, _Hit]]:
        """One scoring pass over `text` (the paste as a `whole`, or a part of it: `paste_lines` are the whole
        paste's)."""
        hits, other_products = self._hits(text, lines, products_of_paste)
        self._doubt_text_matches_of_an_error(hits, text, boosts)
        # A passage is doubted too, except for a one-line paste of more than a few words asked whole: among
        # many lines (a checklist, a chat) or typed as a search ("qlik sense upgrade failed repository
        # database"), a few plain words find a passage that shares them all.
        passages_too = (
            not whole or len(paste_lines) != 1 or len(paste_lines[0].normalised.split()) <= SEARCH_WORDS
        )
        self._doubt_licensing_matches(hits, boosts, paste_lines, passages_too)
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
        self, hits: dict[int, _Hit], text: str, boosts: Mapping[str, Boost]
    ) -> None:
        """A paste that quotes an error its articles' error messages and symptoms do not match ("Access
        denied. Section access denies you access", a PostgreSQL login failure) is about another error:
        an article's text sharing its words must be close to it all to be the answer, unless the paste
        quotes that article's own error in other words ('it says "unable to acquire license"')."""
        quoted: list[list[int]] | None = None

        def quotes_another_error(hit: _Hit) -> bool:
            nonlocal quoted
            if quoted is None:
                quoted = [self._known_terms(quote) for quote in quoted_errors(text)]
            return not any(
                self._is_its_error(int(self.entry_article[hit.source[0]]), terms) for terms in quoted
            )

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

    def _products_named(self, text: str) -> frozenset[int]:
        return self.product_terms.intersection(self._known_terms(text))

    def _known_terms(self, text: str) -> list[int]:
        return [self.vocabulary[term] for term in set(tokens(normalise(text))) if term in self.vocabulary]

    def _is_its_error(self, article_number: int, terms: list[int]) -> bool:
        """Whether most of these terms (by weight, at least two of them) are in one of the article's error
        messages."""
        if len(terms) < MIN_QUOTED_TERMS:
            return False
        weight = float(self.idf[terms].sum())
        errors = np.flatnonzero((self.entry_article == article_number) & (self.entry_kind == ERROR))
        for entry in errors.tolist():
            entry_terms = self.entry_terms[self.entry_term_ptr[entry] : self.entry_term_ptr[entry + 1]]
            shared = float(self.idf[np.intersect1d(terms, entry_terms)].sum())
            if shared >= QUOTED_ERROR_SHARE * weight:
                return True
        return False

    def _doubt_licensing_matches(
        self,
        hits: dict[int, _Hit],
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

    def _entry_speaks_of_licensing(self, entry: int) -> bool:
        license_term = self.vocabulary.get("licens")
        return license_term is not None and self._entry_has_term(entry, license_term)

    def _speaks_of_licensing(self, lines: list[QueryLine]) -> bool:
        """Whether a line has a licensing word (or one made with "license": importlicense,
        TestCloudLicense), or a code the articles know (QV-23240, LICENSES-030, GEO_SERVER)."""
        for line in lines:
            terms = tokens(line.normalised)
            if (
                not LICENSING_TERMS.isdisjoint(terms)
                or any("licens" in term for term in terms)
                or self._names_a_known_code(line)
                or any(self._is_a_misspelt_licensing_word(term) for term in terms)
            ):
                return True
        return False

    def _is_a_misspelt_licensing_word(self, term: str) -> bool:
        if term in self.vocabulary:
            return False
        corrected = self.correct_typo(term)
        return corrected is not None and self.term_names[corrected] in LICENSING_TERMS

    def _doubt(
        self,
        hits: dict[int, _Hit],
        boosts: Mapping[str, Boost],
        may_doubt: Callable[[_Hit], bool],
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

    def _entry_has_term(self, entry: int, term_id: int) -> bool:
        start, end = self.entry_term_ptr[entry], self.entry_term_ptr[entry + 1]
        return bool((self.entry_terms[start:end] == term_id).any())

    def _answers_a_question(
        self, closest: list[Match], hits: dict[int, _Hit], min_score: float, lines: list[QueryLine]
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

    def _closest(self, hits: dict[int, _Hit], limit: int) -> list[Match]:
        """The articles nearest to a paste nothing matches, down to CLOSEST_SCORE: not an answer, a lead.
        After _rank, every hit's score is its combined score."""
        return [match for match in self._ranked(hits, hits.keys(), limit) if match.score >= CLOSEST_SCORE]

    def _hits(
        self, text: str, lines: list[QueryLine] | None, products_of_paste: frozenset[int] = frozenset()
    ) -> tuple[dict[int, _Hit], list[str]]:
        """Every article's best evidence, and the other vendors' products the paste's lines name (each once,
        as first written)."""
        hits: dict[int, _Hit] = {}
        named: dict[str, str] = {}
        if len(self.entry_text):
            lines = query_lines(text) if lines is None else lines
            alone = len(lines) == 1
            # "Unable to reach the Tableau licensing server": another vendor's problem in our words. In a
            # paste about another vendor's product (a FLEXnet log) the other lines are too.
            others = [self.other_product(line) for line in lines]
            # In the order of the paste (lines come most telling first); line 0 is the paste as a whole.
            for line, name in sorted(zip(lines, others, strict=True), key=lambda pair: pair[0].number):
                if name is not None and line.number:
                    named.setdefault(name.lower(), name)
            other_paste = bool(named) and not any(
                self.other_products.names_own(line.normalised) for line in lines
            )
            lines = [line for line, name in zip(lines, others, strict=True) if name is None]
            in_context = any(self.in_domain(line) for line in lines)
            for line in lines:
                self._score_line(line, hits, in_context, alone, other_paste, products_of_paste)
        return hits, list(named.values())

    def _score_line(
        self,
        line: QueryLine,
        hits: dict[int, _Hit],
        in_context: bool,
        alone: bool = True,
        whole_errors_only: bool = False,
        products_of_paste: frozenset[int] = frozenset(),
    ) -> None:
        """Score a line's candidates into `hits`; a line that names no product is about `products_of_paste`."""
        terms = self._query_terms(line.normalised)
        if terms is None:
            return
        if not alone and len(terms.ids) < MIN_TERMS_OF_A_LINE and not terms.names_identifier:
            return  # "Hi team,", "IT Infrastructure Manager": a greeting or a signature among other lines
        whole_errors_only = whole_errors_only or terms.vague
        strings = self.string_candidates(terms.ids)
        if whole_errors_only:  # only an error message found whole in the line can answer it
            padded = f" {line.normalised} "
            strings = strings[
                [
                    self.entry_kind[entry] == ERROR and f" {self.entry_norm[entry]} " in padded
                    for entry in strings
                ]
            ]
        # a product named as written, not a word corrected to one ("component" is not a misspelt Compose)
        written = terms.ids[~terms.corrected].tolist()
        products = self.product_terms.intersection(written) or products_of_paste
        subjects = _Subjects(services_named(line.text), products)
        best = self._score_entries(line, terms, strings, hits, in_context, CANDIDATES_PER_LINE, subjects)
        # An error message found (nearly) whole answers the line: the articles' text cannot outrank it, and
        # reading it costs as much as all the rest.
        if (
            best < ANSWERED_BY_A_STRING
            and not whole_errors_only
            and (alone or (len(terms.ids) >= MIN_TERMS_FOR_PASSAGES and not _is_a_caption(line)))
        ):
            passages = self.passage_candidates(terms.ids)
            self._score_entries(line, terms, passages, hits, in_context, len(passages), subjects)

    def _score_entries(
        self,
        line: QueryLine,
        terms: _QueryTerms,
        candidates: np.ndarray,
        hits: dict[int, _Hit],
        in_context: bool,
        keep: int,
        subjects: _Subjects,
    ) -> float:
        """Score candidate entries against a line into `hits`, the `keep` of them that share the most with it
        by all its terms; the best score."""
        if not len(candidates):
            return 0.0
        # Shared weight of every candidate at once: gather their terms into one flat array.
        starts, ends = self.entry_term_ptr[candidates], self.entry_term_ptr[candidates + 1]
        lengths = ends - starts
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        flat = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
        candidate_terms = self.entry_terms[flat]
        # The line's weight of each term, looked up in a scratch array as long as the vocabulary.
        scratch = self._scratch()
        weight_of, emphasis_of = scratch.weight_of, scratch.emphasis_of
        weight_of[terms.ids], emphasis_of[terms.ids] = 1.0, terms.emphasis
        weight = self.idf[candidate_terms] * weight_of[candidate_terms]
        emphasis = emphasis_of[candidate_terms]
        weight_of[terms.ids] = emphasis_of[terms.ids] = 0.0
        shared = np.add.reduceat(weight, offsets)
        emphasised = np.add.reduceat(weight * emphasis, offsets)
        # "error occurred", "not found": words any error message has are no evidence for one of ours.
        telling_words = np.add.reduceat(weight * self.term_is_telling[candidate_terms], offsets)
        kinds = self.entry_kind[candidates]
        if len(candidates) > keep:
            # Rare terms picked the candidates; all terms, common ones included, choose among them (among a
            # thousand "X cannot be <verb>" errors, the verb decides).
            kept = best_positions(shared * shared / self.entry_mass[candidates], keep)
            candidates, shared, emphasised, telling_words, kinds = (
                candidates[kept],
                shared[kept],
                emphasised[kept],
                telling_words[kept],
                kinds[kept],
            )
        scores, hows = score_candidates(
            kinds,
            [self.entry_norm[entry] for entry in candidates.tolist()],
            line.normalised,
            entry_coverage=shared / self.entry_mass[candidates],
            query_coverage=emphasised / np.where(kinds == BODY, terms.mass_for_passages, terms.mass),
            evidence=self._evidence(shared),
            telling_evidence=self._evidence(telling_words),
            # A generic error explains little of a line full of words this knowledge base has never seen.
            needs_context=self.entry_needs_context[candidates]
            & (emphasised / terms.mass_with_unknown_in_full < GENERIC_COVERAGE),
            in_context=in_context,
        )
        scores = scores * line.weight
        # Weaker strings can neither reach the threshold nor corroborate much: no need to keep them.
        telling = scores >= NEGLIGIBLE_SCORE
        candidates, kinds, scores, hows = candidates[telling], kinds[telling], scores[telling], hows[telling]
        articles = self.entry_article[candidates].tolist()
        scores = self._favour_named_products(scores, kinds, articles, subjects)
        # A symptom, title or passage shares the words of a line in other words than an error would.
        min_scores = np.where(kinds == ERROR, MIN_SCORE, MIN_WORDS_SCORE).tolist()
        if subjects:  # in other words about another service or product, a match must be close to it all
            min_scores = [
                min_score
                if kind == ERROR
                else self._min_score_of_another_subject(subjects, kind, article, min_score)
                for kind, article, min_score in zip(kinds.tolist(), articles, min_scores, strict=True)
            ]
        scores_list = scores.tolist()
        for entry, article_number, score, how, min_score, kind in zip(
            candidates.tolist(), articles, scores_list, hows.tolist(), min_scores, kinds.tolist(), strict=True
        ):
            hit = hits.get(article_number)
            if hit is None:
                hit = hits[article_number] = _Hit(
                    score, (entry, how, line.number), min_score=min_score, best_kind=kind
                )
            elif score > hit.score:
                hit.add_second(hit.score, hit.best_kind, hit.source[2], kind, line.number)
                hit.score, hit.source, hit.min_score, hit.best_kind = (
                    score,
                    (entry, how, line.number),
                    min_score,
                    kind,
                )
            else:
                hit.add_second(score, kind, line.number, hit.best_kind, hit.source[2])
            if score >= LINE_SUPPORT_MIN_SCORE and score > hit.line_scores.get(line.number, 0.0):
                hit.line_scores[line.number] = score
        return max(scores_list, default=0.0)

    def _favour_named_products(
        self, scores: np.ndarray, kinds: np.ndarray, articles: list[int], subjects: _Subjects
    ) -> np.ndarray:
        """A symptom, title or passage of an article about a product the line names, one that few articles
        are about ("our Compose order", "the GeoAnalytics server"), scores NAMED_PRODUCT_FACTOR more."""
        named = subjects.products & self.telling_products
        if not named:
            return scores
        favoured = np.fromiter(
            (
                kind != ERROR and not named.isdisjoint(self.article_products[article])
                for kind, article in zip(kinds.tolist(), articles, strict=True)
            ),
            dtype=bool,
            count=len(articles),
        )
        return np.where(favoured, np.minimum(100.0, scores * NAMED_PRODUCT_FACTOR), scores)

    def _min_score_of_another_subject(
        self, subjects: _Subjects, kind: int, article_number: int, min_score: float
    ) -> float:
        """What a symptom, title or passage must score to answer a line about a service or product the
        article never names ("Qlik Sense Repository Service will not start" is not about the License
        Service): a symptom or title close to it all, a passage closer."""
        services, products = subjects.services, subjects.products
        if (services and services.isdisjoint(self.article_services[article_number])) or (
            products and products.isdisjoint(self.article_products[article_number])
        ):
            return OTHER_SUBJECT_TEXT_MIN_SCORE if kind == BODY else OTHER_SUBJECT_PHRASE_MIN_SCORE
        return min_score

    def _evidence(self, weight: np.ndarray) -> np.ndarray:
        """How credible a match sharing this much rare-word weight is, 0 to 1."""
        if not self.max_idf:
            return weight * 0
        return np.minimum(1.0, weight / (self.max_idf * SUFFICIENT_EVIDENCE))

    def _query_terms(self, normalised: str) -> _QueryTerms | None:
        """Known term ids, a corrected typo counting as much as the word it meant (a one-line search with two
        misspelt words has little else to go on), and the line's mass."""
        corrected: dict[int, bool] = {}
        unknown: list[str] = []
        for term in set(tokens(normalised)):
            term_id = self.vocabulary.get(term)
            if term_id is None:
                unknown.append(term)
            else:
                corrected[term_id] = False
        if len(corrected) + len(unknown) <= MAX_TERMS_FOR_TYPOS:
            uncorrected = []
            for term in unknown:
                correction = self.correct_typo(term)
                if correction is None:
                    uncorrected.append(term)
                else:
                    corrected.setdefault(correction, True)
            unknown = uncorrected
        if not corrected:
            return None
        order = sorted(corrected)
        term_ids = np.array(order, dtype=np.int64)
        names = self.term_names
        emphasis = np.array(
            [IDENTIFIER_WEIGHT if _IDENTIFIER.fullmatch(names[term_id]) else 1.0 for term_id in order],
            dtype=np.float32,
        )
        known_mass = float((self.idf[term_ids] * emphasis).sum())
        names_identifier = bool((emphasis > 1.0).any())
        vague = not names_identifier and bool(self.term_is_vague[term_ids].all())
        unknown_weight_for_passages = UNKNOWN_TERM_WEIGHT if names_identifier else UNKNOWN_WEIGHT_FOR_PASSAGES
        # Words the index has never seen still make a line less about any article (a dotted or hyphenated
        # token counts by its parts, a host name as one word).
        unknown_count = sum(
            1 for term in unknown if is_host_name(term) or ("." not in term and "-" not in term)
        )
        return _QueryTerms(
            term_ids,
            np.array([corrected[term_id] for term_id in order], dtype=bool),
            emphasis,
            known_mass + unknown_count * self.max_idf * UNKNOWN_TERM_WEIGHT,
            known_mass + unknown_count * self.max_idf * unknown_weight_for_passages,
            unknown_count,
            known_mass,
            names_identifier,
            vague,
        )

    def other_product(self, line: QueryLine) -> str | None:
        """Another vendor's product the line is about (as written in it), or None."""
        return self.other_products.named(line.text, line.normalised)

    def in_domain(self, line: QueryLine) -> bool:
        """Whether a line speaks of what this knowledge base is about: its most widespread terms, or a
        code or tag it knows (QB-17039, GEO_SERVER)."""
        lowered = line.text.lower()
        if any(term in lowered for term in self.domain_terms):
            return True
        if not self.domain_terms.isdisjoint(tokens(line.normalised)):  # "licence" is "licens" too
            return True
        return self._names_a_known_code(line)

    def _names_a_known_code(self, line: QueryLine) -> bool:
        return any(_CODE_TERM.fullmatch(word) and word in self.vocabulary for word in line.normalised.split())

    def _why(self, hit: _Hit) -> str:
        if hit.source is None:
            return hit.boost_why
        entry, how, line_number = hit.source
        why = describe(int(self.entry_kind[entry]), how, self.entry_text[entry], line_number)
        return f"{why}; {hit.boost_why}" if hit.boost_why else why

    @staticmethod
    def _is_match(hit: _Hit) -> bool:
        return hit.score >= hit.min_score

    def _rank(self, hits: dict[int, _Hit], limit: int, boosts: Mapping[str, Boost]) -> list[Match]:
        for hit in hits.values():
            hit.score = hit.combined
        for article_id, boost in boosts.items():
            number = self.article_numbers.get(article_id)
            if number is None:
                continue
            hit = hits.get(number)
            if hit is not None and self._is_match(hit):
                hit.score = min(100.0, hit.score + boost.points)
                hit.boost_why = boost.why
            else:
                text_score = hit.score if hit is not None else 0.0
                hit = hits[number] = _Hit(min(100.0, 50.0 + boost.points), None, boost.why)
                hit.boost_support += text_score
            # Scores cap at 100: among equals, the article a problem points at comes before one an
            # information finding points at, and a finding's first article before its others.
            hit.boost_support += BOOST_TIE_BREAK * boost.points - boost.place / 10
        matching = [number for number, hit in hits.items() if self._is_match(hit)]
        return self._ranked(hits, matching, limit)

    def _ranked(self, hits: dict[int, _Hit], numbers: Iterable[int], limit: int) -> list[Match]:
        """The best `limit` of these articles' hits as matches: by score, then by their other evidence."""
        ranked = sorted(
            ((round(hits[number].score, 1), hits[number].support, -number) for number in numbers),
            reverse=True,
        )
        return [
            Match(self.articles[-number], score, self._why(hits[-number]))
            for score, _, number in ranked[:limit]
        ]
