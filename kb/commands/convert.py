"""`kb convert LICENSE_TXT [-o OUT]`: Replicate license.txt -> license.json, with the import commands.

Exit 0 written; 2 unreadable input, not a license, or OUT cannot be written (one line on stderr, nothing
written). Uses only the standard library and diagnoser.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from diagnoser.convert import NotALicense, duplicate_keys, import_commands, license_json_text

MAX_BYTES = 1_000_000


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="Replicate license.txt -> license.json for repctl importlicense",
        description="Convert a Qlik Replicate license.txt into the license.json that `repctl importlicense` "
        "takes, and print the commands that import it (Windows and Linux).",
    )
    parser.add_argument("license_txt", metavar="LICENSE_TXT", help="the license.txt Qlik sent")
    parser.add_argument(
        "-o",
        "--output",
        default="license.json",
        metavar="OUT",
        help="where to write license.json (default: license.json in the current folder; overwritten)",
    )
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"kb convert: {message}", file=sys.stderr)
    return 2


def _read(path: str) -> str:
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise NotALicense("the file is far too large to be a license.txt")
    if b"\x00" in data:
        raise NotALicense("the file is binary, not a license.txt")
    return data.decode("utf-8-sig", errors="replace")


def _write(output: Path, content: str) -> None:
    """Write through a temporary file in the same folder, so a failed write leaves no half license.json."""
    folder = output.parent if str(output.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=".license-", suffix=".json", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    source, output = args.license_txt, Path(args.output)
    try:
        text = _read(source)
        content = license_json_text(text)
        duplicates = duplicate_keys(text)
    except OSError as error:
        return _fail(f"cannot read {source}: {error.strerror or error}")
    except NotALicense as error:
        return _fail(f"{source}: {error}; nothing written")
    try:
        if output.exists() and output.resolve() == Path(source).resolve():
            return _fail(f"{output} is the license.txt itself: choose another output with -o")
        existed = output.exists()
        _write(output, content)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    if duplicates:
        print(
            f"kb convert: warning: repeated keys kept with their first value: {', '.join(duplicates)}",
            file=sys.stderr,
        )
    print(f"{'Overwrote' if existed else 'Wrote'} {output}")
    print()
    print(import_commands(str(output.resolve())))
    return 0
