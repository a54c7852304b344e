"""What several commands share: loading the knowledge base, reading input, failing with one line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb.knowledge_base import KnowledgeBase, article_dirs
from kb.loading import ArticleFolderError

BINARY_SHARE = 0.1


class UsageError(Exception):
    """Bad usage or unreadable input: printed as one line, exit status 2."""


def add_articles_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--articles",
        action="append",
        default=[],
        metavar="DIR",
        help="another folder of articles to use beside the bundled ones (repeatable; also KB_ARTICLES)",
    )


def load_knowledge_base(extra_dirs: list[str]) -> KnowledgeBase:
    """Bundled + extra folders; problems in files are warned about on stderr, a missing folder is fatal."""
    try:
        knowledge_base = KnowledgeBase.load(article_dirs(extra_dirs))
    except ArticleFolderError as error:
        raise UsageError(str(error)) from None
    for problem in knowledge_base.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return knowledge_base


def decode_input(data: bytes, source: str) -> str:
    """Text from bytes as the CLI receives them; binary data is refused."""
    if data.count(b"\x00") > max(1, len(data) * BINARY_SHARE // 10):
        raise UsageError(f"{source} looks like a binary file, not text: paste the error, log, license or key")
    text = data.decode("utf-8-sig", errors="replace")
    if text and text.count("\ufffd") > len(text) * BINARY_SHARE:
        raise UsageError(f"{source} is not readable text (not UTF-8): paste the error, log, license or key")
    return text.replace("\x00", "")


def read_text_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    return decode_input(data, path)
