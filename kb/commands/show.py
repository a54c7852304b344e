"""`kb show ID`: one article as Markdown."""

from __future__ import annotations

import argparse
import difflib

from kb.commands.common import UsageError, add_articles_option, load_knowledge_base


def register(subparsers) -> None:
    parser = subparsers.add_parser("show", help="one article as Markdown")
    parser.add_argument("id", metavar="ID", help="the article id (see kb list)")
    add_articles_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    knowledge_base = load_knowledge_base(args.articles)
    if args.id not in knowledge_base:
        close = difflib.get_close_matches(args.id, list(knowledge_base.articles), n=1)
        hint = f"; did you mean {close[0]}?" if close else "; see kb list"
        raise UsageError(f"no article with id {args.id!r}{hint}")
    print(knowledge_base[args.id].to_markdown(), end="")
    return 0
