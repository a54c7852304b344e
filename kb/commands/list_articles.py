"""`kb list`: every article, id and title."""

from __future__ import annotations

import argparse

from kb.commands.common import add_articles_option, load_knowledge_base


def register(subparsers) -> None:
    parser = subparsers.add_parser("list", help="all articles: id and title")
    add_articles_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    knowledge_base = load_knowledge_base(args.articles)
    width = max((len(article.id) for article in knowledge_base), default=0)
    for article in knowledge_base:
        print(f"{article.id:<{width}}  {article.title}")
    return 0
