"""Run one check the insights-core way: input data in, findings out."""

from diagnoser.checks import REGISTRY, Context, load_check_modules
from diagnoser.parsers.lef import parse_lef
from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.parsers.slk import find_key
from tests.diagnoser.material import TODAY

PARSERS = {"lef": parse_lef, "license_txt": parse_license_txt, "slk": find_key}


def run_check(check_id: str, text: str, *, today=TODAY, hostname: str = "replicate01", paste: str = ""):
    """The findings of one check on one paste, parsed with the parser the check needs; `paste` is what the
    person wrote around it (the whole paste, when it matters)."""
    load_check_modules()
    registered = REGISTRY[check_id]
    facts = PARSERS[registered.needs](text)
    assert facts is not None, f"the {registered.needs} parser found nothing in the test input"
    return registered.run(facts, Context(today=today, hostname=hostname, text=paste or text))


def severities(check_id: str, text: str, **context) -> list[str]:
    findings = run_check(check_id, text, **context)
    assert all(finding.check == check_id for finding in findings)
    return [finding.severity for finding in findings]
