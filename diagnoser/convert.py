"""license.txt -> license.json as `repctl importlicense` takes it, and the commands that import it.

The seed's txt2json.py does `line.split('=')` (breaks on values holding '=') and keeps the key and value as
written; here the split is on the first '=' only, values are kept verbatim (empty ones too), in file order.
A repeated key keeps its first value (the one the checks read) and is reported.
"""

from __future__ import annotations

import json
import shlex

from diagnoser.parsers.license_txt import LicenseTxt, parse_license_txt
from diagnoser.recognise import recognise

LICENSE_KINDS = ("replicate-license", "compose-license")
MAX_LICENSE_CHARS = 1_000_000


class NotALicense(ValueError):
    """The text is not a Replicate / Compose license.txt."""


def parse_license(text: str) -> LicenseTxt:
    if len(text) > MAX_LICENSE_CHARS:
        raise NotALicense(f"{len(text):,} characters is far too long for a license.txt")
    if recognise(text) not in LICENSE_KINDS:
        raise NotALicense(
            "this is not a Qlik Replicate license.txt (no license_type=, licensed_to=, serial_no=, ... lines)"
        )
    return parse_license_txt(text)


def license_json(text: str) -> dict:
    """{"cmd.license": {key: value, ...}}: every field, in file order, values whole."""
    fields: dict[str, str] = {}
    for entry in parse_license(text).entries:
        fields.setdefault(entry.key, entry.value)
    return {"cmd.license": fields}


def duplicate_keys(text: str) -> list[str]:
    return list(dict.fromkeys(parse_license(text).duplicates))


def license_json_text(text: str) -> str:
    return json.dumps(license_json(text), indent=4, ensure_ascii=False) + "\n"


def _windows_quote(path: str) -> str:
    return f'"{path}"' if " " in path or "\t" in path else path


def import_commands(json_path: str) -> str:
    """The seed's commands, for Windows (repctl.exe) and Linux (repctl.sh), importing json_path."""
    return "\n".join(
        [
            "Windows (Command Prompt or PowerShell, on the Replicate server):",
            r"  cd <Replicate bin folder, e.g. C:\Program Files\Attunity\Replicate\bin>",
            "  repctl.exe connect",
            f"  repctl.exe [-d <replicate_data_dir>] importlicense license_file={_windows_quote(json_path)}",
            "Linux (on the Replicate server):",
            "  cd <Replicate bin folder, e.g. /opt/attunity/replicate/bin>",
            "  ./repctl.sh connect",
            f"  ./repctl.sh [-d <replicate_data_dir>] importlicense license_file={shlex.quote(json_path)}",
            "(-d is needed only when Replicate uses a data folder other than the default one.)",
        ]
    )
