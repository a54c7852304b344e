import json
import os
import subprocess
import sys

from tests.conftest import REPO, run_kb

SERVER_ERROR = "There was an error when getting license information from the license server"


def out(result) -> str:
    return result.stdout.decode()


def err(result) -> str:
    return result.stderr.decode()


def test_ask_text_argument_answers_with_the_article():
    result = run_kb("ask", "Only one license per product level is allowed")
    assert result.returncode == 0, err(result)
    assert "lost-license-assignments" in out(result)
    assert "Traceback" not in err(result)


def test_ask_json_has_exactly_the_contract_keys():
    result = run_kb("ask", "--json", SERVER_ERROR)
    assert result.returncode == 0, err(result)
    payload = json.loads(out(result))
    assert set(payload) == {"input_kind", "findings", "matches"}
    assert payload["input_kind"] == "text"
    best = payload["matches"][0]
    assert set(best) == {"id", "title", "score", "why"}
    assert best["id"] == "license-server-connection-error"
    assert 0 <= best["score"] <= 100
    assert SERVER_ERROR in best["why"]


def test_ask_reads_a_log_from_standard_input():
    noise = "\n".join(f"2024-01-02 10:00:{n % 60:02d},000 INFO Heartbeat {n} ok" for n in range(300))
    log = (
        noise
        + "\n2024-01-02 10:05:00,000 ERROR TestCloudLicense: Failed - Unauthorized. Failed to retrieve qv_nodes tag.\n"
    )
    result = run_kb("ask", "--json", stdin=log)
    payload = json.loads(out(result))
    assert payload["input_kind"] == "log"
    assert payload["matches"][0]["id"] == "qlikview-distribution-testcloudlicense-unauthorized"
    assert "line 301" in payload["matches"][0]["why"]


def test_unrelated_paste_gets_no_match_and_says_so():
    text = 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space'
    payload = json.loads(out(run_kb("ask", "--json", text)))
    assert payload["matches"] == []
    assert "No article matches" in out(run_kb("ask", text))
    assert "none of the articles cover" not in out(run_kb("ask", text))


def test_a_paste_about_another_vendors_product_is_named_in_the_no_match():
    text = "FLEXnet Licensing error:-15,570. Cannot connect to license server system."
    payload = json.loads(out(run_kb("ask", "--json", text)))
    assert payload == {"input_kind": payload["input_kind"], "findings": [], "matches": []}
    assert "The paste is about FLEXnet, which none of the articles cover." in out(run_kb("ask", text))


def test_empty_input_is_exit_2_with_one_line():
    result = run_kb("ask", stdin="  \n\t\n")
    assert result.returncode == 2
    assert err(result).strip().count("\n") == 0
    assert "empty" in err(result)


def test_binary_input_is_exit_2_with_one_line():
    result = run_kb("ask", stdin=bytes(range(256)) * 40)
    assert result.returncode == 2
    assert err(result).startswith("kb: ") and err(result).strip().count("\n") == 0


def test_missing_articles_folder_is_exit_2_naming_it(tmp_path):
    missing = tmp_path / "nowhere"
    result = run_kb("ask", "--articles", str(missing), "x")
    assert result.returncode == 2
    assert str(missing) in err(result)
    assert "Traceback" not in err(result)


def test_bad_usage_is_exit_2_with_one_line():
    result = run_kb("ask", "--no-such-flag")
    assert result.returncode == 2
    assert err(result).strip().count("\n") == 0


def test_extra_articles_from_option_and_environment(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "frobnicator-jam.yaml").write_text(
        "id: frobnicator-jam\ntitle: The frobnicator jams\nerrors: [FROB-4711 frobnicator jammed]\nresolution: Oil it.\n"
    )
    via_option = json.loads(
        out(run_kb("ask", "--json", "--articles", str(folder), "FROB-4711 frobnicator jammed"))
    )
    assert via_option["matches"][0]["id"] == "frobnicator-jam"
    env = {**os.environ, "KB_ARTICLES": str(folder)}
    via_env = json.loads(out(run_kb("ask", "--json", "FROB-4711 frobnicator jammed", env=env)))
    assert via_env["matches"][0]["id"] == "frobnicator-jam"


def test_broken_extra_article_warns_and_the_rest_answer(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: [\n")
    result = run_kb(
        "ask", "--json", "--articles", str(tmp_path), "Only one license per product level is allowed"
    )
    assert result.returncode == 0
    assert f"{tmp_path / 'bad.yaml'}:" in err(result)
    assert json.loads(out(result))["matches"][0]["id"] == "lost-license-assignments"


def test_show_prints_markdown_and_unknown_id_is_exit_2():
    result = run_kb("show", "geoanalytics-lef-server-permission")
    assert result.returncode == 0
    assert out(result).startswith("# ")
    assert "GEO_SERVER;YES;;" in out(result)
    missing = run_kb("show", "geoanalytics-lef-server-permision")
    assert missing.returncode == 2
    assert "did you mean geoanalytics-lef-server-permission" in err(missing)


def test_list_shows_every_bundled_article():
    lines = out(run_kb("list")).splitlines()
    ids = {line.split()[0] for line in lines}
    assert ids == {path.stem for path in (REPO / "articles").glob("*.yaml")}


def test_lint_bundled_is_clean_and_broken_folder_fails(tmp_path):
    clean = run_kb("lint")
    assert clean.returncode == 0, out(clean)
    (tmp_path / "x.yaml").write_text("id: y\ntitle: t\nresolution: r\nerrors: [e]\nextra: 1\n")
    result = run_kb("lint", str(tmp_path))
    assert result.returncode == 1
    assert out(result).splitlines() == [
        f"{tmp_path / 'x.yaml'}:5: unknown key 'extra' (known: cause, checks, environment, errors, id, products, "
        "references, resolution, symptoms, tags, title)",
        f"{tmp_path / 'x.yaml'}:1: id 'y' differs from the file name 'x.yaml'",
    ]


def test_ask_path_never_imports_textual():
    code = (
        "import sys; from kb.cli import main; "
        "main(['ask', '--json', 'Keyset does not exist']); "
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def test_diagnoser_never_imports_kb():
    code = "import sys, diagnoser; diagnoser.diagnose('x'); assert 'kb' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def test_an_unexpected_error_is_one_redacted_line(monkeypatch, capsys):
    from kb import cli

    def explode(*args, **kwargs):
        raise RuntimeError(
            "bad key eyJhbGciOiJSUzI1NiJ9.eyJsaWNlbnNlIjoiMSJ9.SECRETSIGNATUREPART serial_no=60012345"
        )

    monkeypatch.setattr("kb.commands.ask.answer", explode)
    assert cli.main(["ask", "Keyset does not exist"]) == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and message.startswith("kb: unexpected error: RuntimeError")
    assert "SECRETSIGNATUREPART" not in message and "60012345" not in message


def test_a_one_megabyte_token_is_flagged_never_valid():
    import base64

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    token = part(b'{"alg":"RS256","kid":"x"}') + "." + part(b'{"license":"1"}') + "." + "A" * 1_000_000
    result = run_kb("ask", "--json", stdin=token)
    assert result.returncode == 0, err(result)
    payload = json.loads(out(result))
    assert payload["input_kind"] == "slk"
    severities = {finding["check"]: finding["severity"] for finding in payload["findings"]}
    assert severities.get("slk.truncated") == "warning" or severities.get("slk.malformed") == "error"
    assert not any(
        "verified" in finding["title"].lower() and "not" not in finding["title"].lower()
        for finding in payload["findings"]
    )


def test_a_paste_nothing_matches_lists_the_closest_articles_as_not_confident():
    text = (
        "Can our analysts keep using the free Windows authoring app if we only have the cheap SaaS business "
        "tier and no on-prem server? How do they tie it to our tenant?"
    )
    printed = out(run_kb("ask", text))
    assert "No article matches this paste confidently." in printed
    assert "Closest articles, not confident enough to be the answer:" in printed
    assert "sense-desktop-authentication" in printed
    assert json.loads(out(run_kb("ask", "--json", text)))["matches"] == []
