"""The English word list that keeps real words from being corrected as typos."""

import sys

from kb import english
from kb.normalise import stem


def test_common_words_are_in_and_rare_ones_are_not():
    stems = english.english_stems()
    assert {stem("module"), stem("status"), stem("exit")} <= stems
    assert stem("minuets") not in stems  # seen too rarely: more often a misspelt "minutes"


def test_without_the_word_list_nothing_counts_as_a_real_word(monkeypatch):
    monkeypatch.setitem(sys.modules, "spellchecker", None)  # the import fails, as when it is not installed
    english.english_stems.cache_clear()
    try:
        assert english.english_stems() == frozenset()
    finally:
        english.english_stems.cache_clear()


def test_the_word_list_signature_names_the_file_or_its_absence(monkeypatch):
    assert ":" in english.word_list_signature()  # size:mtime of the installed list
    monkeypatch.setattr(english.importlib.util, "find_spec", lambda name: None)
    assert english.word_list_signature() == "no word list"
