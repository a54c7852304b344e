"""The services a text names: "Qlik License Service", "Repository Service", "the Engine service".

"Qlik Sense Repository Service will not start" shares every word but one with "Qlik License Service fails
to start", and is another problem: the service is what it is about. A line that names services only an
article never names is about something else than that article, however many other words they share.
"""

from __future__ import annotations

import re

from kb.normalise import STOP_WORDS, stem

# A name and "service" with nothing but spaces between: "stopped; services restarted" names none, nor does
# "the latest service release".
_NAMED_SERVICE = re.compile(
    r"\b([a-z]+)[ \t]+services?\b(?![ \t]+(?:release|releases|pack|packs|account|accounts|level|desk|provider))"
)
_NOT_NAMES = frozenset(["no", "not", "every", "other", "all"])


def services_named(text: str) -> frozenset[str]:
    """The stems of the names before "service" in a text: {"licens"} for "the Licenses Service"."""
    lowered = text.lower()
    if "servic" not in lowered:
        return frozenset()
    return frozenset(
        stem(name)
        for name in _NAMED_SERVICE.findall(lowered)
        if name not in STOP_WORDS and name not in _NOT_NAMES
    )
