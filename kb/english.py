"""Common English words, so that a real word is not "corrected" to an article's word as if misspelt: in
"QVS.exe faulting module" the module is not a misspelt model, nor is a status a misspelt start."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from kb.normalise import stem_uncached

# Words seen fewer times in pyspellchecker's English corpus are rare enough ("minuets", "alow") to be a
# misspelling more often than themselves.
MIN_COUNT = 500


@lru_cache(maxsize=1)
def english_stems() -> frozenset[str]:
    """The stems of common English words of four letters or more (the shortest a typo is corrected at);
    none when the word list is not installed (a checkout updated without reinstalling), typos are then
    corrected as before."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return frozenset()

    frequencies = SpellChecker(language="en", distance=1).word_frequency
    return frozenset(
        stem_uncached(word)
        for word, count in frequencies.items()
        if count >= MIN_COUNT and len(word) >= 4 and word.isalpha()
    )


def word_list_signature() -> str:
    """Size and time of the word list file, for the index cache's key (without importing the library)."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        return "no word list"
    try:
        stat = (Path(spec.submodule_search_locations[0]) / "resources" / "en.json.gz").stat()
    except OSError:
        return "no word list"
    return f"{stat.st_size}:{stat.st_mtime_ns}"
