"""The check registry: each check is a small pure function over parsed facts, under a stable id.

A check declares the facts it needs (`@check("lef.token-only", needs="lef")`); it is skipped when they are
absent. A check that raises becomes one error finding naming it, never a crash of the whole diagnosis
(insights-core's rules, flutter doctor's lines). Adding a check: one function, its decorator, its cases.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from diagnoser.findings import Finding

FACT_KINDS = ("lef", "slk", "license_txt", "log")


@dataclass(frozen=True)
class Context:
    today: date
    hostname: str  # the machine kb runs on, for replicate.host-mismatch ("" skips that check)
    text: str = ""  # the whole paste: what the person wrote around a license file


@dataclass(frozen=True)
class Check:
    id: str
    needs: str  # the facts key: one of FACT_KINDS
    run: Callable[[object, Context], list[Finding]]


REGISTRY: dict[str, Check] = {}


def check(check_id: str, needs: str):
    if needs not in FACT_KINDS:
        raise ValueError(f"check {check_id} needs unknown facts {needs!r}")

    def register(function: Callable[[object, Context], list[Finding]]):
        REGISTRY[check_id] = Check(check_id, needs, function)
        return function

    return register


def crash_finding(check_id: str, error: BaseException) -> Finding:
    message = f"{type(error).__name__}: {error}"[:300]
    return Finding(
        check_id,
        "error",
        f"check {check_id} crashed: {message}",
        detail=f"{message}. This check failed on this paste; it is a defect in kb, not a problem with your license. "
        "The other checks still ran.",
        fix="Report the paste (with secrets removed) to the kb maintainers.",
    )


def run_one(registered: Check, subject: object, context: Context) -> list[Finding]:
    try:
        findings = list(registered.run(subject, context))
        if not all(isinstance(finding, Finding) for finding in findings):
            raise TypeError("returned something other than findings")
        return findings
    except Exception as error:  # one broken check must not take the answer down
        return [crash_finding(registered.id, error)]


def run_checks(facts: dict[str, object], context: Context) -> list[Finding]:
    load_check_modules()
    findings: list[Finding] = []
    for registered in REGISTRY.values():
        subject = facts.get(registered.needs)
        if subject is not None:
            findings.extend(run_one(registered, subject, context))
    return findings


def load_check_modules() -> None:
    from diagnoser.checks import lef, slk, replicate, compose  # noqa: F401, I001  (registration order)
