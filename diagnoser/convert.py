"""license.txt -> license.json as `repctl importlicense` takes it, and the commands that import it."""

from __future__ import annotations

import json

from diagnoser.parsers.license_txt import parse_license_txt
from diagnoser.recognise import recognise


class NotALicense(ValueError):
    """The text is not a Replicate / Compose license.txt."""


def license_json(text: str) -> dict:
    """{"cmd.license": {key: value, ...}} in file order, values kept whole (they may contain '=')."""
    if recognise(text) not in ("replicate-license", "compose-license"):
        raise NotALicense(
            "this is not a Qlik Replicate or Compose license.txt (no license_type=, serial_no=, ...)"
        )
    return {"cmd.license": dict(parse_license_txt(text).fields)}


def license_json_text(text: str) -> str:
    return json.dumps(license_json(text), indent=4) + "\n"


def import_commands(json_path: str) -> str:
    return "\n".join(
        [
            "Windows (from the Replicate bin folder, e.g. C:\\Program Files\\Attunity\\Replicate\\bin):",
            "  repctl.exe connect",
            f"  repctl.exe [-d <replicate_data_dir>] importlicense license_file={json_path}",
            "Linux (from the Replicate bin folder, e.g. /opt/attunity/replicate/bin):",
            "  ./repctl.sh connect",
            f"  ./repctl.sh [-d <replicate_data_dir>] importlicense license_file={json_path}",
        ]
    )
