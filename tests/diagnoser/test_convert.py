"""license.txt -> license.json (diagnoser.convert) and the `kb convert` command."""

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from diagnoser.convert import NotALicense, import_commands, license_json, license_json_text
from kb.commands import convert as convert_command
from tests.diagnoser import material

REPO = Path(__file__).resolve().parents[2]
# A license.txt written the way the seed's txt2json.py reads it, with what that script gets wrong.
TRICKY = (
    "license_type=permanent\n"
    "licensed_to=Acme = Sons, Inc.\n"
    "serial_no=60012345\n"
    "hosts=\n"
    "features=log_stream=yes;file_channel=yes\n"
    "licensed_by= Qlik EMEA \n"
    "expiration_date=\n"
    "checksum=QUJDRA==\n"
)


def parse_back(text: str) -> dict:
    """What repctl reads: key=value per line, split on the first '='."""
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_round_trip_loses_nothing():
    converted = license_json(TRICKY)["cmd.license"]
    assert converted == parse_back(TRICKY)
    assert list(converted) == [line.split("=", 1)[0] for line in TRICKY.splitlines()]  # order kept
    assert converted["licensed_to"] == "Acme = Sons, Inc."
    assert converted["features"] == "log_stream=yes;file_channel=yes"
    assert converted["hosts"] == "" and converted["expiration_date"] == ""
    assert converted["licensed_by"] == " Qlik EMEA "  # verbatim: the checksum may cover it
    assert converted["checksum"] == "QUJDRA=="


def test_realistic_license_with_bom_crlf_and_comment():
    converted = license_json(material.REPLICATE_LICENSE)["cmd.license"]
    assert list(converted)[0] == "license_type"
    assert all("\r" not in key + value and "\ufeff" not in key for key, value in converted.items())
    assert converted["checksum"] == "9f8e7d6c5b4a3f2e1d0c=="
    assert len(converted) == 12


def test_json_text_is_the_cmd_license_object():
    text = license_json_text(TRICKY)
    assert json.loads(text) == {"cmd.license": parse_back(TRICKY)}
    assert text.endswith("\n")


def test_a_license_json_converts_to_itself():
    first = license_json_text(TRICKY)
    assert license_json_text(first) == first


def test_a_repeated_key_keeps_its_first_value():
    assert license_json(TRICKY + "serial_no=999\n")["cmd.license"]["serial_no"] == "60012345"


@pytest.mark.parametrize(
    "not_a_license",
    ["hello world", material.SEED_TOKEN_LEF, material.LICENSE_SERVER_LOG, "version=1\nhosts=all\n", ""],
)
def test_not_a_license_is_refused(not_a_license):
    with pytest.raises(NotALicense):
        license_json(not_a_license)


def test_import_commands_for_windows_and_linux():
    commands = import_commands(r"C:\Users\Admin Person\license.json")
    assert "repctl.exe connect" in commands
    assert (
        r'repctl.exe [-d <replicate_data_dir>] importlicense license_file="C:\Users\Admin Person\license.json"'
        in commands
    )
    linux = import_commands("/home/qlik/license.json")
    assert "./repctl.sh connect" in linux
    assert "./repctl.sh [-d <replicate_data_dir>] importlicense license_file=/home/qlik/license.json" in linux
    assert r"C:\Program Files\Attunity\Replicate\bin" in linux


# --- kb convert --------------------------------------------------------------------------------------------


def run(license_txt, output=None) -> int:
    return convert_command.run(
        argparse.Namespace(license_txt=str(license_txt), output=str(output or "license.json"))
    )


def test_kb_convert_writes_license_json_and_prints_commands(tmp_path, monkeypatch, capsys):
    source = tmp_path / "license.txt"
    source.write_bytes(material.REPLICATE_LICENSE.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    assert run(source) == 0
    written = tmp_path / "license.json"
    assert json.loads(written.read_text()) == license_json(material.REPLICATE_LICENSE)
    out = capsys.readouterr().out
    assert "Wrote license.json" in out
    assert f"importlicense license_file={written}" in out and "repctl.exe connect" in out


def test_kb_convert_overwrites_and_says_so(tmp_path, capsys):
    source, output = tmp_path / "license.txt", tmp_path / "out.json"
    source.write_text(TRICKY)
    output.write_text("old")
    assert run(source, output) == 0
    assert json.loads(output.read_text())["cmd.license"]["licensed_to"] == "Acme = Sons, Inc."
    assert f"Overwrote {output}" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content",
    [b"just some notes\n", material.SEED_TOKEN_LEF.encode(), b"\x00\x01license_type=x\x00", b""],
    ids=["notes", "a LEF", "binary", "empty"],
)
def test_kb_convert_refuses_what_is_not_a_license(tmp_path, capsys, content):
    source, output = tmp_path / "notes.txt", tmp_path / "license.json"
    source.write_bytes(content)
    assert run(source, output) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing written" in err
    assert not output.exists()


def test_kb_convert_unreadable_file(tmp_path, capsys):
    assert run(tmp_path / "missing.txt", tmp_path / "license.json") == 2
    err = capsys.readouterr().err
    assert err.startswith("kb convert: cannot read") and err.count("\n") == 1
    assert not (tmp_path / "license.json").exists()


def test_kb_convert_unwritable_output(tmp_path, capsys):
    source = tmp_path / "license.txt"
    source.write_text(TRICKY)
    assert run(source, tmp_path / "no-such-folder" / "license.json") == 2
    assert capsys.readouterr().err.startswith("kb convert: cannot write")


def test_kb_convert_never_overwrites_the_license_itself(tmp_path):
    source = tmp_path / "license.txt"
    source.write_text(TRICKY)
    assert run(source, source) == 2
    assert source.read_text() == TRICKY


def test_kb_convert_through_the_command_line(tmp_path):
    source = tmp_path / "license.txt"
    source.write_text(TRICKY)
    done = subprocess.run(
        [sys.executable, "-m", "kb.cli", "convert", str(source), "-o", str(tmp_path / "l.json")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "l.json").read_text()) == {"cmd.license": parse_back(TRICKY)}
    (tmp_path / "notes.txt").write_text("remember to renew the license\n")
    refused = subprocess.run(
        [sys.executable, "-m", "kb.cli", "convert", str(tmp_path / "notes.txt")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO)},
    )
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert not (tmp_path / "license.json").exists()
