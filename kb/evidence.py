"""What each line of a paste is evidence for: every article's best evidence, scored line by line.

The term index (kb.term_index) picks a few dozen candidate strings per pasted line by its rarest terms;
here they are scored against the normalised line (rapidfuzz and shared term weight, in kb.scoring), each
with the score it must reach to answer (less for a symptom in other words, more for an article about
another product). kb.search turns that evidence into matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from kb.extract import QueryLine, query_lines
from kb.normalise import is_host_name, normalise, stem, tokens
from kb.scoring import BODY, ERROR, score_candidates
from kb.services import services_named
from kb.term_index import TermIndex, best_positions

MIN_SCORE = 60.0
# A symptom, title or passage of the article's text shares the words of a line in other words than an
# error message would: those scores run lower.
MIN_WORDS_SCORE = 54.0
# A paste that quotes an error message is answered by an article's text (not its error messages or
# symptoms) only from this score.
ERROR_TEXT_MIN_SCORE = 66.0
# A passage of an article's text, for a line about a service or product the article never names.
OTHER_SUBJECT_TEXT_MIN_SCORE = 82.0
# ... and a symptom or title: "how can we purchase Qlik Replicate and Compose, through a partner?" is not
# answered by Qlik Cloud's "we bought through a partner" (72.5).
OTHER_SUBJECT_PHRASE_MIN_SCORE = 75.0
# A symptom, title or passage of an article about a product the line names (see TELLING_PRODUCT_SHARE)
# scores this much more: said in other words, the product named is the best evidence of what it is about.
NAMED_PRODUCT_FACTOR = 1.1
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
# A generic error (no domain word) explaining less of a line than this, unknown words counted in full,
# needs the paste to be about the domain.
GENERIC_COVERAGE = 0.6


@dataclass
class Hit:
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

    def add_second(self, score: float, kind: int, line_number: int) -> None:
        """Count a string that is not the best (of `kind`, in line `line_number`) as corroboration of the
        best."""
        self.second = max(self.second, score)
        self.other_strings += score
        if kind != BODY or self.best_kind != BODY or line_number != self.source[2]:
            self.second_to_passage = max(self.second_to_passage, score)

    @property
    def combined(self) -> float:
        """The best match, raised a little when another string of the article agrees."""
        second = self.second_to_passage if self.best_kind == BODY else self.second
        return self.score + (100.0 - self.score) * CORROBORATION * second / 100.0


@dataclass(frozen=True)
class Subjects:
    """What a line is about by name: the services (stems of "<name> Service") and products (term ids)."""

    services: frozenset[str]
    products: frozenset[int]
    line: str = ""  # the normalised line, padded with spaces: where an article's product may be named in full

    def __bool__(self) -> bool:
        return bool(self.services or self.products)


@dataclass(frozen=True)
class QueryTerms:
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


# What text read from a screenshot or a PDF (OCR) puts for a letter: "1icense", "err0r", "Rep1icate".
_OCR_DIGITS = str.maketrans("01", "ol")
_OCR_WORD = re.compile(r"(?=(?:[a-z]*[01]){1,3}[a-z]*$)(?=(?:[01]*[a-z]){2})[a-z01]+")


def _read_as_letters(term: str) -> str:
    """A word with a 0 or a 1 among its letters as the letters OCR misread ("1icense" -> licens), else ""."""
    return stem(term.translate(_OCR_DIGITS)) if _OCR_WORD.fullmatch(term) else ""


class LineEvidence(TermIndex):
    """Scores the candidates the term index picks for each line of a paste into each article's best evidence."""

    def _telling_term_count(self, terms: QueryTerms) -> int:
        """A line's terms but a single digit ("Page 1", "step 2"): it says nothing of what a line is about."""
        names = self.term_names
        return sum(
            1 for term_id in terms.ids.tolist() if not (len(names[term_id]) == 1 and names[term_id].isdigit())
        )

    def _as_known_word(self, term: str) -> str:
        """A term as the index knows it: a misspelt one ("licese" of "licese service") corrected."""
        if term in self.vocabulary:
            return term
        corrected = self.correct_typo(term)
        return term if corrected is None else self.term_names[corrected]

    def _products_named(self, text: str) -> frozenset[int]:
        return self.product_terms.intersection(self._known_terms(text))

    def _known_terms(self, text: str) -> list[int]:
        return [self.vocabulary[term] for term in set(tokens(normalise(text))) if term in self.vocabulary]

    def _hits(
        self,
        text: str,
        lines: list[QueryLine] | None,
        products_of_paste: frozenset[int] = frozenset(),
        part: bool = False,
    ) -> tuple[dict[int, Hit], list[str]]:
        """Every article's best evidence, and the other vendors' products the paste's lines name (each once,
        as first written). A `part` of a paste is read as one of its lines, never as a paste alone."""
        hits: dict[int, Hit] = {}
        named: dict[str, str] = {}
        if len(self.entry_text):
            lines = query_lines(text) if lines is None else lines
            alone = len(lines) == 1 and not part
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
            line_terms = [self._query_terms(line.normalised) for line in lines]
            # "licnese" is still licensing talk: a misspelt domain word counts as corrected
            in_context = any(self.in_domain(line) for line in lines) or any(
                terms is not None and not self.domain_term_ids.isdisjoint(terms.ids[terms.corrected].tolist())
                for terms in line_terms
            )
            for line, terms in zip(lines, line_terms, strict=True):
                self._score_line(line, terms, hits, in_context, alone, other_paste, products_of_paste)
        return hits, list(named.values())

    def _score_line(
        self,
        line: QueryLine,
        terms: QueryTerms | None,
        hits: dict[int, Hit],
        in_context: bool,
        alone: bool = True,
        another_vendors: bool = False,
        products_of_paste: frozenset[int] = frozenset(),
    ) -> None:
        """Score a line's candidates into `hits`; a line that names no product is about `products_of_paste`.
        In a paste about `another_vendors` product, only an error message found whole answers, and a generic
        one found whole is that product's own ("Keyset does not exist" from someone's IIS app)."""
        if terms is None:
            return
        if not alone and len(terms.ids) < MIN_TERMS_OF_A_LINE and not terms.names_identifier:
            return  # "Hi team,", "IT Infrastructure Manager": a greeting or a signature among other lines
        if not terms.unknown and self.product_name_terms.issuperset(terms.ids.tolist()):
            return  # "Qlik Sense Enterprise on Windows": which product, not what is wrong with it
        whole_errors_only = another_vendors or terms.vague
        strings = self.string_candidates(terms.ids)
        padded = f" {line.normalised} "
        if whole_errors_only:  # only an error message found whole in the line can answer it
            strings = strings[
                [
                    self.entry_kind[entry] == ERROR
                    and f" {self.entry_norm[entry]} " in padded
                    and not (another_vendors and self.entry_needs_context[entry])
                    for entry in strings
                ]
            ]
        if "xception:" in line.text:
            strings = self._without_other_messages_of_their_exceptions(strings, line.text)
        # a product named as written, not a word corrected to one ("component" is not a misspelt Compose)
        written = terms.ids[~terms.corrected].tolist()
        products = self.product_terms.intersection(written) or products_of_paste
        subjects = Subjects(frozenset(map(self._as_known_word, services_named(line.text))), products, padded)
        best = self._score_entries(line, terms, strings, hits, in_context, CANDIDATES_PER_LINE, subjects)
        # An error message found (nearly) whole answers the line: the articles' text cannot outrank it, and
        # reading it costs as much as all the rest.
        if (
            best < ANSWERED_BY_A_STRING
            and not whole_errors_only
            and (
                alone
                or (self._telling_term_count(terms) >= MIN_TERMS_FOR_PASSAGES and not _is_a_caption(line))
            )
        ):
            passages = self.passage_candidates(terms.ids)
            self._score_entries(line, terms, passages, hits, in_context, len(passages), subjects)

    def _without_other_messages_of_their_exceptions(self, strings: np.ndarray, line: str) -> np.ndarray:
        """The candidates but the errors whose exception the line has with another message
        ("CryptographicException: The system cannot find the file specified" is not "CryptographicException:
        Keyset does not exist")."""
        other = [entry for entry in strings.tolist() if self._another_message_of_its_exception(entry, line)]
        return strings[~np.isin(strings, other)] if other else strings

    def _another_message_of_its_exception(self, entry: int, line: str) -> bool:
        thrown = self.entry_thrown.get(entry)
        if thrown is None:
            return False
        exception, message = thrown
        said = re.search(re.escape(exception) + r":\s*(\S+(?:\s+\S+)?)", line)
        return said is not None and not message.startswith(said.group(1).lower())

    def _score_entries(
        self,
        line: QueryLine,
        terms: QueryTerms,
        candidates: np.ndarray,
        hits: dict[int, Hit],
        in_context: bool,
        keep: int,
        subjects: Subjects,
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
                hit = hits[article_number] = Hit(
                    score, (entry, how, line.number), min_score=min_score, best_kind=kind
                )
            elif score > hit.score:
                replaced = hit.score, hit.best_kind, hit.source[2]
                hit.score, hit.source, hit.min_score, hit.best_kind = (
                    score,
                    (entry, how, line.number),
                    min_score,
                    kind,
                )
                hit.add_second(*replaced)
            else:
                hit.add_second(score, kind, line.number)
            if score >= LINE_SUPPORT_MIN_SCORE and score > hit.line_scores.get(line.number, 0.0):
                hit.line_scores[line.number] = score
        return max(scores_list, default=0.0)

    def _favour_named_products(
        self, scores: np.ndarray, kinds: np.ndarray, articles: list[int], subjects: Subjects
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
        self, subjects: Subjects, kind: int, article_number: int, min_score: float
    ) -> float:
        """What a symptom, title or passage must score to answer a line about a service or product the
        article never names ("Qlik Sense Repository Service will not start" is not about the License
        Service): a symptom or title close to it all, a passage closer."""
        services, products = subjects.services, subjects.products
        if (services and services.isdisjoint(self.article_services[article_number])) or (
            products
            and products.isdisjoint(self.article_products[article_number])
            and not self._names_product_of(subjects.line, article_number)
        ):
            return OTHER_SUBJECT_TEXT_MIN_SCORE if kind == BODY else OTHER_SUBJECT_PHRASE_MIN_SCORE
        return min_score

    def _names_product_of(self, padded_line: str, article_number: int) -> bool:
        """Whether a line names one of the article's products in full, one told apart by its words together
        only ("Qlik Catalog", "Qlik Cloud": "catalog" and "cloud" alone name no product)."""
        return any(f" {name} " in padded_line for name in self.article_product_names[article_number])

    def _evidence(self, weight: np.ndarray) -> np.ndarray:
        """How credible a match sharing this much rare-word weight is, 0 to 1."""
        if not self.max_idf:
            return weight * 0
        return np.minimum(1.0, weight / (self.max_idf * SUFFICIENT_EVIDENCE))

    def _query_terms(self, normalised: str) -> QueryTerms | None:
        """Known term ids, a corrected typo counting as much as the word it meant (a one-line search with two
        misspelt words has little else to go on), and the line's mass."""
        corrected: dict[int, bool] = {}
        unknown: list[str] = []
        for term in set(tokens(normalised)):
            term_id = self.vocabulary.get(term)
            if term_id is None:
                term_id = self.vocabulary.get(_read_as_letters(term))
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
        return QueryTerms(
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
