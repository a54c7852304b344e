"""`kb lint [DIR...]`: validate article folders; every problem as FILE:LINE: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb.commands.common import UsageError
from kb.knowledge_base import bundled_articles_dir
from kb.loading import ArticleFolderError, load_folders


def register(subparsers) -> None:
    parser = subparsers.add_parser("lint", help="validate articles; exit 1 if any problem")
    parser.add_argument(
        "dirs", nargs="*", metavar="DIR", help="article folders (default: the bundled articles)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folders = [Path(folder) for folder in args.dirs] or [bundled_articles_dir()]
    try:
        articles, problems = load_folders(folders)
    except ArticleFolderError as error:
        raise UsageError(str(error)) from None
    for problem in problems:
        print(str(problem))
    files = len(articles) + len({problem.path for problem in problems if problem.severity == "error"})
    summary = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    print(summary if problems else f"{len(articles)} articles, no problems", file=sys.stderr)
    return 1 if problems else 0
