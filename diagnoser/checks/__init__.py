"""The check registry: each check is a small pure function over parsed facts, under a stable id.

A check declares the facts it needs; it is skipped when they are absent. A check that raises becomes one
error finding naming it, never a crash of the whole diagnosis (insights-core's rules, flutter doctor's lines).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from diagnoser.findings import Finding


@dataclass(frozen=True)
class Context:
    today: date
    hostname: str


@dataclass(frozen=True)
class Check:
    id: str
    needs: str  # the facts key: "lef", "slk", "license_txt", "log"
    run: Callable[[object, Context], list[Finding]]


REGISTRY: dict[str, Check] = {}


def check(check_id: str, needs: str):
    def register(function: Callable[[object, Context], list[Finding]]):
        REGISTRY[check_id] = Check(check_id, needs, function)
        return function

    return register


def run_checks(facts: dict[str, object], context: Context) -> list[Finding]:
    _load_check_modules()
    findings: list[Finding] = []
    for registered in REGISTRY.values():
        subject = facts.get(registered.needs)
        if subject is None:
            continue
        try:
            findings.extend(registered.run(subject, context))
        except Exception as error:  # one broken check must not take the answer down
            findings.append(
                Finding(
                    registered.id,
                    "error",
                    f"check {registered.id} crashed",
                    detail=f"{type(error).__name__}: {error}",
                    fix="This is a defect in kb; the other checks still ran.",
                )
            )
    return findings


def _load_check_modules() -> None:
    from diagnoser.checks import compose, lef, replicate, slk  # noqa: F401  (registration on import)
