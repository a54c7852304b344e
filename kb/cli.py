"""The `kb` command line. Never imports Textual unless the TUI is started (start-up time)."""

from __future__ import annotations

import argparse
import os
import sys

from kb.commands import ask, check_connection, convert, lint, list_articles, show
from kb.commands.common import UsageError

COMMANDS = [ask, show, list_articles, lint, convert, check_connection]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kb", description="Licensing troubleshooting assistant. Run without a command for the TUI."
    )
    parser.add_argument("--articles", action="append", default=[], metavar="DIR", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _start_tui(args)
        return args.func(args)
    except UsageError as error:
        print(f"kb: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) went away; nothing to report
        return 0
    except Exception as error:  # a user never gets a traceback; KB_DEBUG=1 shows it
        if os.environ.get("KB_DEBUG"):
            raise
        from diagnoser.redact import redact  # a message may quote the paste: no secrets in crash reports

        print(f"kb: unexpected error: {type(error).__name__}: {redact(str(error))}", file=sys.stderr)
        return 2


def _start_tui(args: argparse.Namespace) -> int:
    try:
        from kb.tui.app import run_app
    except ImportError:
        print("usage: kb {ask,show,list,lint,convert,check-connection} ... (the TUI is not installed yet)")
        return 0
    return run_app(extra_dirs=args.articles)


if __name__ == "__main__":
    sys.exit(main())
