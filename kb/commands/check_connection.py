"""`kb check-connection`: can this machine reach the license service over HTTPS? (net.license-server)"""

from __future__ import annotations

import argparse
import json
import sys

from diagnoser.connection import (
    DEFAULT_URL,
    ConnectionCheckUsageError,
    ConnectionResult,
    check_connection,
    connection_finding,
)
from diagnoser.findings import Finding
from kb.commands.common import UsageError

MARKS = {"ok": "✓", "error": "✗"}
ASCII_MARKS = {"ok": "[ok]", "error": "[x]"}  # for consoles that cannot print ✓ (cp437, ...)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check-connection",
        help="test that the license service answers over HTTPS (runs only when you ask)",
        description="Test HTTPS reachability of the license service. Any HTTP answer, 404 included, "
        "means reachable. Uses HTTPS_PROXY / NO_PROXY unless --proxy is given.",
    )
    parser.add_argument("--url", default=DEFAULT_URL, help=f"what to test (default: {DEFAULT_URL})")
    parser.add_argument(
        "--proxy",
        metavar="URL",
        help="an HTTP proxy, http://[USER:PASSWORD@]HOST:PORT (overrides HTTPS_PROXY)",
    )
    parser.add_argument(
        "--cafile", metavar="PEM", help="also trust these CA certificates (a proxy's root CA)"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="seconds for the whole check (default: 10)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object and nothing else")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = check_connection(args.url, proxy=args.proxy, cafile=args.cafile, timeout=args.timeout)
    except ConnectionCheckUsageError as error:
        raise UsageError(str(error)) from None
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(render(result, connection_finding(result), _marks()))
    return 0 if result.reachable else 1


def render(result: ConnectionResult, finding: Finding, marks: dict[str, str] = MARKS) -> str:
    """flutter doctor's shape: a marked line, then the detail, the fix and the article indented."""
    if result.reachable:
        lines = [
            f"{marks['ok']} {result.authority} reachable (HTTP {result.http_status}, {result.elapsed_ms} ms)"
        ]
    else:
        lines = [
            f"{marks['error']} {result.authority} not reachable: {result.cause} ({result.elapsed_ms} ms)"
        ]
    lines.append(f"    {result.detail}")
    if finding.fix:
        lines.append(f"    Fix: {finding.fix}")
    if not result.reachable:
        lines.extend(f"    Article: {article} (kb show {article})" for article in finding.articles)
    return "\n".join(lines)


def _marks() -> dict[str, str]:
    try:
        "".join(MARKS.values()).encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return ASCII_MARKS
    return MARKS
