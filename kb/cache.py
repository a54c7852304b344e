"""A cache of the loaded, indexed knowledge base in the user cache directory.

Parsing thousands of YAML files is the slow part of starting up. The cache is keyed by the engine version
and every article file's name, size and modification time, so any change rebuilds it. Files are written
whole and renamed into place (two processes starting at once never see half a file), and carry a SHA-256
of their content: a corrupt or tampered file is ignored, never unpickled.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from kb.english import word_list_signature
from kb.loading import ArticleFolderError

ENGINE_VERSION = "kb-index-1"
CACHE_ENV = "KB_CACHE_DIR"
NO_CACHE_ENV = "KB_NO_CACHE"
MAGIC = b"KBCACHE1"
KEEP_FILES = 8


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kb", appauthor=False))


def enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


# The modules whose code shapes what is cached: a change to any of them is a new engine.
ENGINE_MODULES = (
    "article.py",
    "loading.py",
    "normalise.py",
    "phrases.py",
    "languages.py",
    "other_products.py",
    "services.py",
    "extract.py",
    "english.py",
    "term_index.py",
    "evidence.py",
    "search.py",
    "knowledge_base.py",
)


def _engine_signature() -> str:
    package = Path(__file__).resolve().parent
    stats = [(package / name).stat() for name in ENGINE_MODULES]
    return f"{ENGINE_VERSION}|{sys.version_info[:2]}|{word_list_signature()}|" + "|".join(
        f"{s.st_size}:{s.st_mtime_ns}" for s in stats
    )


def fingerprint(folders: list[Path]) -> str:
    """A key that changes whenever an article file is added, removed, resized or touched, or the engine changes."""
    digest = hashlib.sha256(_engine_signature().encode())
    for folder in folders:
        try:
            entries = sorted(
                (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                for entry in os.scandir(folder)
                if entry.name.endswith((".yaml", ".yml"))
            )
        except FileNotFoundError:
            raise ArticleFolderError(f"article folder not found: {folder}") from None
        except NotADirectoryError:
            raise ArticleFolderError(f"not a folder: {folder}") from None
        digest.update(f"\0{folder.resolve()}\0".encode())
        for name, size, mtime in entries:
            digest.update(f"{name}\0{size}\0{mtime}\n".encode())
    return digest.hexdigest()


def _path_for(key: str) -> Path:
    return cache_dir() / f"index-{key[:40]}.pickle"


def read(key: str) -> object | None:
    """The cached object for key, or None when absent, corrupt or unreadable."""
    try:
        data = _path_for(key).read_bytes()
    except OSError:
        return None
    header = len(MAGIC) + 32
    if len(data) < header or not data.startswith(MAGIC):
        return None
    checksum, payload = data[len(MAGIC) : header], data[header:]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a file from another engine build that got past the checksum: rebuild
        return None


def write(key: str, value: object) -> None:
    """Store value for key; failing to write a cache is never an error for the user."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as handle:
            handle.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(handle.name, _path_for(key))
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("index-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in files[KEEP_FILES:]:
        stale.unlink(missing_ok=True)
