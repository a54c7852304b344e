"""Other vendors' products: a line about one of them is not a problem of this knowledge base.

"Unable to reach the Tableau licensing server", "Citrix ... license server has entered the grace period":
every word but the product's name is a licensing word the articles use too. A line that names another
vendor's product (one the knowledge base never mentions) and none of the knowledge base's own products is
left out of matching; so is every line of a paste that names another vendor's product and none of the
knowledge base's anywhere, unless an error message of the articles is found whole in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kb.normalise import STOP_WORDS

# Software whose licensing people troubleshoot too: BI tools, license managers, engineering and office
# suites. Lower case, as normalised text has them.
OTHER_PRODUCTS = frozenset(
    """
    tableau tabcmd tsm powerbi microstrategy looker sisense spotfire cognos domo alteryx thoughtspot
    citrix xenapp xendesktop flexlm flexnet lmgrd lmutil lmstat rlm reprise codemeter safenet hasp
    autodesk autocad revit solidworks catia dassault ansys matlab mathworks simulink
    jetbrains intellij pycharm webstorm resharper adobe photoshop acrobat vmware vsphere vcenter esxi
    slmgr kms volume-activation sentinelone splunk datadog salesforce servicenow atlassian jira confluence
    docker github gitlab slack zoom teamviewer anydesk postman figma sas spss stata minitab arcgis esri rds
    sublime winrar navicat sketchup coreldraw veeam virtualbox mathematica wolfram labview dbeaver datagrip
    kaspersky symantec mcafee bitdefender sophos okta auth0 keycloak ssms toad
    sage quickbooks intuit xero asp.net iis
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
OTHER_PHRASES = (
    "power bi",
    "office 365",
    "microsoft 365",
    "visual studio",
    "red hat",
    "windows activation",
    "remote desktop",
    "management studio",  # SQL Server Management Studio (SQL Server itself is an endpoint of Replicate)
    "sql developer",
    "cloud control",  # Oracle Enterprise Manager Cloud Control (Qlik Enterprise Manager is ours)
    "oracle database",  # the database product; Oracle as a Replicate source is an endpoint
    "sap indirect access",  # SAP's licensing of third-party access (SAP as a Replicate source is ours)
)
# Words of the knowledge base's product names that other products' names have too, or that name a
# platform rather than a product.
_SHARED_PRODUCT_WORDS = frozenset(
    """
    server desktop client enterprise managed business data cloud windows kubernetes saas manager connector
    connectors publisher catalog sap
    """.split()  # noqa: SIM905
)


class OtherProducts:
    """Tells whether a line is about another vendor's product rather than one of the knowledge base's."""

    def __init__(self, own_product_names: Iterable[str], vocabulary: Iterable[str]):
        own_words = {word for name in own_product_names for word in name.lower().replace("-", " ").split()}
        self.own_words = frozenset(own_words - STOP_WORDS - _SHARED_PRODUCT_WORDS)
        known = set(vocabulary)
        # A product the articles speak of (a connector to it, a migration from it) is not foreign.
        self.names = OTHER_PRODUCTS - known - own_words
        self.phrases = tuple(phrase for phrase in OTHER_PHRASES if phrase.replace(" ", "") not in known)

    def named(self, line: str, normalised: str) -> str | None:
        """The other vendor's product a line names (as written in it), when it names none of the knowledge
        base's own products."""
        words = normalised.split()
        padded = f" {normalised} "
        name = next((word for word in words if word in self.names), None)
        if name is None:
            name = next((phrase for phrase in self.phrases if f" {phrase} " in padded), None)
        if name is None or self.names_own(normalised):
            return None
        as_written = re.search(r"\b" + r"\W+".join(map(re.escape, name.split())) + r"\b", line, re.IGNORECASE)
        return as_written.group() if as_written else name

    def names_own(self, normalised: str) -> bool:
        """Whether a normalised line names one of the knowledge base's own products, also inside a dotted
        word (license.qlikcloud.com)."""
        return any(
            part.startswith("qlik") or part in self.own_words
            for word in normalised.split()
            for part in word.split(".")
        )
