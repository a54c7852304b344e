"""The knowledge base cache is right: rebuilt on any change, never trusted when corrupt."""

import os
import time
from multiprocessing import get_context

import pytest

from kb import KnowledgeBase, cache

ARTICLE = "id: {id}\ntitle: {title}\nerrors: [{error}]\nresolution: r\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("KB_CACHE_DIR", str(folder))
    monkeypatch.delenv("KB_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "alpha.yaml").write_text(
        ARTICLE.format(id="alpha", title="Alpha", error="ALPHA-100 alpha broke")
    )
    return folder


def cache_files(folder):
    return sorted(folder.glob("index-*.pickle"))


def test_second_load_comes_from_the_cache(cache_dir, articles, monkeypatch):
    first = KnowledgeBase.load([articles])
    assert len(cache_files(cache_dir)) == 1
    monkeypatch.setattr("kb.knowledge_base.load_folders", lambda folders: pytest.fail("YAML parsed again"))
    second = KnowledgeBase.load([articles])
    assert list(second.articles) == list(first.articles) == ["alpha"]
    assert second.search("ALPHA-100 alpha broke")[0].article.id == "alpha"


def test_changed_added_and_removed_files_rebuild(cache_dir, articles):
    KnowledgeBase.load([articles])
    path = articles / "alpha.yaml"
    path.write_text(ARTICLE.format(id="alpha", title="Alpha renamed", error="ALPHA-100 alpha broke"))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert KnowledgeBase.load([articles])["alpha"].title == "Alpha renamed"
    (articles / "beta.yaml").write_text(ARTICLE.format(id="beta", title="Beta", error="BETA-200 beta broke"))
    assert set(KnowledgeBase.load([articles]).articles) == {"alpha", "beta"}
    (articles / "beta.yaml").unlink()
    assert set(KnowledgeBase.load([articles]).articles) == {"alpha"}


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_corrupt_cache_is_ignored_and_rewritten(cache_dir, articles, damage):
    KnowledgeBase.load([articles])
    [path] = cache_files(cache_dir)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    else:
        path.write_bytes(b"not a cache at all")
    reloaded = KnowledgeBase.load([articles])
    assert list(reloaded.articles) == ["alpha"]
    assert cache.read(cache.fingerprint([articles])) is not None


def test_loading_problems_are_kept_in_the_cache(cache_dir, articles):
    (articles / "bad.yaml").write_text("id: [\n")
    KnowledgeBase.load([articles])
    again = KnowledgeBase.load([articles])
    assert [problem.path.name for problem in again.problems] == ["bad.yaml"]


def test_unwritable_cache_folder_is_not_an_error(tmp_path, articles, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("KB_CACHE_DIR", str(blocker / "cache"))
    assert list(KnowledgeBase.load([articles]).articles) == ["alpha"]


def _load_ids(folder):
    return sorted(KnowledgeBase.load([folder]).articles)


def test_two_processes_starting_at_once(cache_dir, articles):
    for n in range(30):
        (articles / f"a{n}.yaml").write_text(ARTICLE.format(id=f"a{n}", title=f"A{n}", error=f"A-{n} broke"))
    with get_context("spawn").Pool(2) as pool:
        results = pool.map(_load_ids, [articles] * 4)
    assert all(result == results[0] for result in results)
    assert len(results[0]) == 31
    assert len(cache_files(cache_dir)) == 1
    assert not list(cache_dir.glob(".tmp-*"))
