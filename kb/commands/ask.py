"""`kb ask`: answer a paste from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from kb.answer import answer
from kb.commands.common import UsageError, add_articles_option, decode_input, load_knowledge_base
from kb.render import render_answer


def register(subparsers) -> None:
    parser = subparsers.add_parser("ask", help="answer a paste (TEXT, else standard input)")
    parser.add_argument(
        "text", nargs="*", metavar="TEXT", help="the error, log, license or key; default: stdin"
    )
    parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    parser.add_argument("--limit", type=int, default=5, help="how many matching articles at most (default 5)")
    add_articles_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.text) if args.text else _read_stdin()
    if not text.strip():
        raise UsageError("nothing to answer: the input is empty or only whitespace")
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    knowledge_base = load_knowledge_base(args.articles)
    result = answer(knowledge_base, text, limit=args.limit)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_answer(result))
    return 0


def _read_stdin() -> str:
    if sys.stdin is None:
        raise UsageError("no TEXT given and no standard input to read")
    if sys.stdin.isatty():
        print("Paste the error, log, license file or key, then press Ctrl-D:", file=sys.stderr)
    return decode_input(sys.stdin.buffer.read(), "standard input")
