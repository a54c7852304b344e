"""`kb convert LICENSE_TXT [-o OUT]`: Replicate license.txt -> license.json, with the import commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from diagnoser.convert import NotALicense, import_commands, license_json_text
from kb.commands.common import UsageError, read_text_file


def register(subparsers) -> None:
    parser = subparsers.add_parser("convert", help="Replicate license.txt -> license.json for repctl")
    parser.add_argument("license_txt", metavar="LICENSE_TXT", help="the license.txt Qlik sent")
    parser.add_argument(
        "-o",
        "--output",
        default="license.json",
        metavar="OUT",
        help="where to write (default: license.json here)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = read_text_file(args.license_txt)
    try:
        content = license_json_text(text)
    except NotALicense as error:
        raise UsageError(f"{args.license_txt}: {error}") from None
    output = Path(args.output)
    try:
        output.write_text(content, encoding="utf-8", newline="\n")
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"Wrote {output}")
    print()
    print(import_commands(str(output.resolve())))
    return 0
