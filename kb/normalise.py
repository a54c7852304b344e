"""Normalising text before matching: mask what varies between two occurrences of the same error.

Like Sentry's parameterisation and Drain3's masking: an ordered list of named patterns compiled into one
regex. Significant tokens (error codes, defect ids) come first in the alternation so no mask eats them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from kb.languages import FOREIGN_STOP_WORDS, FOREIGN_WORDS, in_english
from kb.phrases import rewrite

# (name, pattern, replacement); earlier entries win where two could start at the same place. A replacement
# starts with "_": it keeps the shape of the line for fuzzy comparison, but is never an index term.
_PATTERNS: tuple[tuple[str, str, str | None], ...] = (
    # Kept as they are: error codes and defect ids people search by (LICENSES-030, QB-17039, QV-23240).
    ("code", r"\b[A-Za-z]{2,}-\d{2,}\b", None),
    ("url", r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>()\[\]{}]+", "_url"),
    ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", "_email"),
    ("uuid", r"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b", "_guid"),
    ("ipv4", r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b", "_ip"),
    ("ipv6", r"\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b", "_ip"),
    (
        "datetime",
        r"\b\d{4}-?\d{2}-?\d{2}(?:[T ]\d{2}:?\d{2}:?\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
        "_date",
    ),
    ("date", r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", "_date"),
    ("time", r"\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AP]M)?\b", "_time"),
    (
        "duration",
        r"\b\d+(?:\.\d+)?\s?(?:ms|msec|s|sec|secs|seconds|min|mins|minutes|h|hrs|hours)\b",
        "duration",
    ),
    # A space is allowed where another folder follows: C:\Program Files\Qlik\Sense\x.exe
    ("winpath", r"\b[a-zA-Z]:\\(?:[^\s\"'<>|]|\s(?=[^\s\\\"'<>|]+\\))*", "_path"),
    ("uncpath", r"\\\\[\w.$-]+\\[^\s\"'<>|]*", "_path"),
    ("posixpath", r"(?<![\w.])/(?:[\w.@-]+/)+[\w.@-]*", "_path"),
    # A Windows account (CORP\jdoe, DOMAIN\qvservice): after the paths, so C:\Temp stays a path.
    ("account", r"\b[A-Za-z][\w.-]*\\[A-Za-z][\w.$-]*", "_account"),
    ("hex", r"\b0x[0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b", "_hex"),
    ("number", r"\b\d{5,}\b", "_num"),
)

# Every pattern starts at the start of a word or at a slash: saying so up front spares the regex engine
# trying all of them at every character (a line is masked in 40% of the time).
_MASK_START = r"(?:(?<!\w)(?=\w)|(?=[\\/]))"
_MASKS = re.compile(
    _MASK_START + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in _PATTERNS) + ")"
)
_REPLACEMENTS = {name: replacement for name, _, replacement in _PATTERNS}
_URL_HOST = re.compile(r"://(?:[^@/\s]*@)?([^/:\s?#]+(?::\d+)?)")  # the port tells services apart

# Dotted and hyphenated words stay whole (license.qlikcloud.com, core.error.code.X, licenses-030).
_TOKEN = re.compile(r"[a-z0-9_]+(?:[.\-][a-z0-9_]+)*")
_WORD = re.compile(r"[a-z0-9]+")  # an identifier's parts too: ANALYZER_TIME_UNIT, GEO_SERVER
_VERSION_NUMBER = re.compile(r"\d+(?:\.\d+)+")

STOP_WORDS = (
    frozenset(
        """
    a an the to of in on at for from by with and or is are was were be been being it its this that these those
    my our your their we you i me us he she they them as so do does did has have had will would can could
    should may might please when while which what who how why there here into out up about than then also
    just any some all
    even though although still already yet now today yesterday tomorrow morning evening week weekend again
    tried try trying want wanted need needed get got getting help thanks thank hi hello anyone someone
    since because but if whether very really much many more most
    com net org www err info debug warn after during
    doesn don isn aren wasn weren won didn hasn haven couldn shouldn wouldn t s ve re ll d m
    his her him hers himself herself itself ours theirs yours mine myself ourselves themselves
    every each own first somewhere anywhere everywhere something anything everything else actually basically
    usually always often sometimes currently simply seem seems seemed let lets know think see look
    wont dont doesnt cant isnt didnt arent wasnt couldnt shouldnt wouldnt hasnt havent
    anymore ago urgent urgently asap quick quickly whatever bunch idea ideas roughly ok okay
    dear regards cheers kindly advise advice team greetings sir madam guys folks wishes
    ticket tickets note notes cust fyi pls plz thx btw exactly kind sort
    before until till like confirm wonder wondering am explain explained explains explaining explanation
    """.split()  # noqa: SIM905 (a word list reads better as text)
    )
    | FOREIGN_STOP_WORDS
)


def _mask(match: re.Match) -> str:
    name = match.lastgroup
    replacement = _REPLACEMENTS[name]
    if replacement is None:
        return match.group()
    if name == "duration":  # the number varies; the unit ("minutes") can be what the text is about
        return " _duration " + match.group().lstrip("0123456789. ")
    if name == "url":
        host = _URL_HOST.search(match.group())
        return f" _url {host.group(1)} " if host else " _url "
    return f" {replacement} "


# A word a PDF split at the end of a line, pasted with a space or a line break after the hyphen: "Pub- lisher".
# The hyphen comes first so the regex engine jumps from hyphen to hyphen: a look-behind first was tried at
# every character, 2.7 µs a line on the query path.
_HYPHENATED = re.compile(r"-(?<=[A-Za-z]{2}-)\s+(?=[a-z]{2})")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Masked, lower-cased text with punctuation reduced to single spaces."""
    masked = _MASKS.sub(_mask, _HYPHENATED.sub("", text)).lower()
    if not masked.isascii():
        masked = _without_accents(in_english(masked))
    return " ".join(_TOKEN.findall(masked))


def _without_accents(text: str) -> str:
    """Text without accents, as people also type it: "Kapazität", "capacité", "licença" as "kapazitat",
    "capacite", "licenca". Other letters stay, and still part words."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


# British spellings people type, folded into the ones the articles use.
SPELLINGS = {
    "licence": "license",
    "licences": "licenses",
    "licenced": "licensed",
    "licencing": "licensing",
    "analyser": "analyzer",
    "analysers": "analyzers",
    "authorise": "authorize",
    "authorised": "authorized",
    "unauthorised": "unauthorized",
    "authorisation": "authorization",
    "organisation": "organization",
    "authentification": "authentication",
    "terminal": "cli",  # a terminal is a command line; to terminate is not
    "manger": "manager",  # a real word, so never corrected as a typo, but here always a misspelt manager
    "mangers": "managers",
    "authentificate": "authenticate",
    "min": "minutes",  # "1000 min of analyzer capacity", "every 10 mins"
    "mins": "minutes",
    "lic": "license",  # "repctl import lic how"
    "lics": "licenses",
    "sub": "subscription",  # "buy qlik cloud sub how"
    "sens": "sense",  # "qlik sens desktop": the stemmer would make it "sen"
    "singed": "signed",  # "singed licence key": a real word, so never corrected as a typo
    "subs": "subscriptions",
}


# Words people use for the same thing, folded (after stemming) into one term: "allocations" are
# "assignments", "refused" is "rejected". Kept small: each pair must mean the same in licensing talk.
SYNONYMS = {
    "purchas": "buy",
    "bought": "buy",
    "paid": "buy",
    "alloc": "assign",
    "refus": "reject",
    "declin": "reject",
    "privileg": "permiss",
    "vanish": "disappear",
    "gone": "disappear",
    "synchron": "sync",
    "login": "authent",
    "logon": "authent",
    "incorrect": "invalid",
    "shell": "cli",
    "cmd": "cli",
    "powershel": "cli",
    "bash": "cli",
    "ui": "consol",
    "gui": "consol",
    "inform": "data",
    "mail": "email",
    "mailbox": "email",
    "wrong": "invalid",
    "cover": "includ",  # what a license covers is what it includes
}
# Words the stemmer would fold into another's term: Enterprise Manager is not the Management Console, and
# an Analyzer license is not "how to analyze performance".
_KEPT_APART = {"manager": "manager", "managers": "manager", "analyzer": "analyzer", "analyzers": "analyzer"}
_STEMMER = Stemmer.Stemmer("english")


def stem_uncached(word: str) -> str:
    """Snowball (Porter 2) stem of a word: licenses/license/licensed -> licens, buying -> buy."""
    word = SPELLINGS.get(word, word)
    if word in _KEPT_APART:
        return _KEPT_APART[word]
    stemmed = _snowball(word)
    return SYNONYMS.get(stemmed, stemmed)


stem = lru_cache(maxsize=65536)(stem_uncached)


def plain_stem(word: str) -> str:
    """A word's Snowball stem before synonyms replace it: "purchase" -> "purchas" (its term is "buy")."""
    return _snowball(SPELLINGS.get(word, word))


def _snowball(word: str) -> str:
    return _STEMMER.stemWord(word) if word.isalpha() else word


# The last label of a host name: its parts (qsnode34, corp, example) say nothing, the whole name may.
_HOST_SUFFIXES = frozenset(
    ["com", "net", "org", "io", "local", "lan", "corp", "internal", "intranet", "de", "uk", "fr", "nl", "eu"]
)


_LOG_IN_VERBS = frozenset(["log", "logs", "logged", "logging", "sign", "signs", "signed", "signing"])
# "won't apply", "cant read", "cannot start": as "will not apply" says it.
_NOT_BEFORE_T = frozenset(
    "won don doesn isn aren wasn weren didn hasn haven couldn shouldn wouldn can".split()  # noqa: SIM905
)
_NEGATIONS = frozenset(
    "cannot wont dont doesnt cant isnt didnt arent wasnt werent couldnt shouldnt wouldnt hasnt havent".split()  # noqa: SIM905
)


def is_host_name(token: str) -> bool:
    return token.count(".") >= 2 and token.rsplit(".", 1)[-1] in _HOST_SUFFIXES


def tokens(normalised: str) -> list[str]:
    """Index terms of normalised text: whole dotted tokens, their parts, stemmed, without stop words."""
    terms: list[str] = []
    words = rewrite(normalised).split()
    for position, token in enumerate(words):
        if token.startswith("_"):
            continue
        following = words[position + 1 : position + 2]
        if token in _LOG_IN_VERBS and following in (["in"], ["into"]):
            terms.append(stem("login"))  # "log in", "signed in": as "login"
            continue
        if token in _NEGATIONS or (token in _NOT_BEFORE_T and following == ["t"]):
            terms.append("not")
            continue
        if token == "command" and following == ["line"]:
            terms.append(stem("cli"))  # and "line" follows, as it would
            continue
        parts = _WORD.findall(token)
        if len(parts) > 1 and _VERSION_NUMBER.fullmatch(token):
            terms.append(token)  # 12.90, 1.4.0: a version is whole; its parts say nothing
            continue
        if len(parts) > 1:
            terms.append(token)
            if "-" in token and "." not in token:
                terms.append(stem("".join(parts)))  # add-on / addon, data-connection / dataconnection
        for part in parts:
            if part in STOP_WORDS:
                continue
            english = FOREIGN_WORDS.get(part)
            if english is not None:  # "Lizenz", "minutos"
                terms.extend(stem(word) for word in english)
            elif (term := stem(part)) not in STOP_WORDS:  # "wants", "seems"
                terms.append(term)
    return terms
