"""What people call the knowledge base's concepts in their own words, rewritten into the articles' words.

A customer writes "pay-per-minute viewers", "the admin console", "our reseller"; the articles say
"Analyzer Capacity", "Management Console", "partner". Each rewrite must mean the same in licensing talk,
for the index and for a paste alike (both are rewritten). Only terms are rewritten: the text that rapidfuzz
compares with error messages stays as it was pasted.
"""

from __future__ import annotations

import re

# (what people write, a regex over normalised text; the articles' words for it)
_REWRITES: tuple[tuple[str, str], ...] = (
    (
        r"pay[ -]per[ -](?:minute|use)|pay[ -]as[ -]you[ -]go|minute[ -]based|time[ -]based",
        "analyzer capacity",
    ),
    (
        # not a program that shows something: the Event Viewer, a certificate or log viewer
        r"(?<!event )(?<!certificate )(?<!log )(?<!pdf )(?<!file )(?<!image )(?<!xml )(?<!json )viewers?"
        r"|view[ -]only(?: users?| seats?)?|read[ -]only (?:users?|seats?|access)",
        "analyzer",
    ),
    (r"power[ -]users?|full (?:users?|seats?|licen[cs]es?)", "professional"),
    (r"(?:admin|administration|administrator) (?:console|portal|page)", "management console"),
    (
        r"(?:hosted|cloud) (?:platform|service|version|offering|solution|edition|tenant)|hosted by (?:you|qlik)",
        "qlik cloud",
    ),
    (r"qlik (?:sense )?saas", "qlik cloud"),  # Qlik Cloud's former name
    (r"change data capture|cdc", "replicate"),
    # Product names as admins shorten them in chats and tickets.
    (r"qs", "qlik sense"),
    (r"qmc", "management console"),
    (r"qv", "qlikview"),
    (r"qseow", "qlik sense enterprise on windows"),
    (r"qem", "qlik enterprise manager"),
    (r"em", "enterprise manager"),
    (r"slks?", "signed license key"),
    (r"lbe", "license backend"),
    (r"qls", "qlik licensing service"),
    (r"web connectors?", "webconnectors"),  # Qlik Web Connectors, the product table's WebConnectors
    (r"(?:data )?warehouse automation", "compose"),
    (r"resellers?|distributors?|solution providers?", "partner"),
    (r"procure(?:ment)?|po|purchase order", "purchase"),
    (r"sr\d*|service pack", "service release"),  # QlikView 12.60 SR3
    (r"diff", "difference"),
    # "log in" and "signed in" are a login already (kb.normalise), and so with the one signed in between
    (r"(?:sign|log)(?:s|ged|ging)? (?:it|them|him|her|me|us) in", "login"),
    # A support engineer's "the customer" says nothing; a new or existing customer is one who buys.
    (
        r"(?=customer)(?<!new )(?<!existing )(?<!prospective )(?<!potential )(?<!current )(?<!qlik )"
        r"(?<!direct )customers?(?: s)?(?= )",
        "",
    ),
    (r"rais(?:e|ed|es|ing)|bump(?:ed|s)?(?: up)?|upped|top(?:ped|s)? up", "increased"),
    (r"picks? up|picked up|reflect(?:s|ed)?|shows? up", "shows"),
    (
        r"air[ -]?gapped|air[ -]gap|dark site|(?:no|without) (?:internet|outbound) (?:access|connection)",
        "offline",
    ),
    (r"allow[ -]?list(?:ed|ing|s)?", "whitelist"),
    (r"talks? to each other|(?:talk|speak)s? to one another|(?:linked|tied|connected) together", "synced"),
    (r"ran out|runs? out|running out|lapsed", "expired"),
    (r"time[ -]limits?|time[ -]limited", "timelimit"),  # the LEF's TIMELIMIT line
    (r"(?:switch|turn|shut)(?:s|ed|ing)? off|deactivated|cancell?ed|revoked|suspended", "disabled"),
    (r"(?:switch|turn)(?:s|ed|ing)? on", "enabled"),
    (
        r"(?:can t|cant|cannot|can not|couldn t|could not|unable to|don t|do not|didn t|did not) (?:find|see|locate)",
        "missing",
    ),
    (r"every(?:body|one)|every single user|all (?:of )?(?:our |the )?users", "users"),
    (
        r"(?:won t|wont|will not|doesn t|doesnt|does not|didn t|didnt|did not|never|not) (?:come|comes|coming) (?:up|back)",
        "not start",
    ),
    (r"(?:crypto(?:graphic)? )?key (?:container|set)s?", "keyset"),  # what "Keyset does not exist" means
    (r"(?:desktop|authoring) (?:app|application|client|tool)", "desktop"),
    (r"people|persons?|employees?|staff|colleagues?", "users"),
    (r"sites?|environments?|instances?|installations?", "deployments"),  # a Qlik Sense site is a deployment
    # Network errors as Go, curl and resolvers print them.
    (
        r"no such host|name or service not known|could not resolve host|nxdomain|getaddrinfo failed",
        "cannot resolve",
    ),
    (r"dial tcp", "connect"),
    # A log line's level after its time stamp ("2024-07-03 09:12:40  Information  ..."): not the "information"
    # (data) a person asks about.
    (r"(?<=_date |_time )(?:information|verbose|notice)", ""),
    (r"command (?:prompt|window|shell)|cmd(?: prompt)?|(?:terminal|console) window", "command line"),
    (r"driv(?:ing|er s|ers) licens(?:e|es)", "driving permit"),  # a licence to drive is no software's
    (r"double[ -]?click(?:s|ed|ing)?", "click"),  # a double click is no double assignment
    (r"(?:is |are )?not (?:visible|shown|displayed)|invisible", "missing"),
    # a key that runs over several lines of a document: broken by line breaks
    (
        r"wrap(?:s|ped|ping)? (?:over|across|onto|into) (?:\w+ )?lines|line[ -]?wrap(?:s|ped|ping)?",
        "line breaks",
    ),
    (
        r"user names?|nom d utilisateur|nombre de usuario|nome de usuario|nome utente|nazwa uzytkownika",
        "username",
    ),
    (r"(?:talk|speak)(?:s|ing)? (?:to|with)|get in touch with|reach out to", "contact"),
)
_ALTERNATIVES = "|".join(f"(?P<p{number}>{pattern})" for number, (pattern, _) in enumerate(_REWRITES))
_PATTERN = re.compile(r"(?<![\w.-])(?:" + _ALTERNATIVES + r")(?![\w.-])")
_REPLACEMENTS = {f"p{number}": replacement for number, (_, replacement) in enumerate(_REWRITES)}


def rewrite(normalised: str) -> str:
    """Normalised text with people's words for the knowledge base's concepts in the articles' words."""
    if "licenc" in normalised:  # British spelling inside a name too: licence.txt, TestCloudLicence
        normalised = normalised.replace("licenc", "licens")
    return _PATTERN.sub(lambda match: _REPLACEMENTS[match.lastgroup], normalised)
