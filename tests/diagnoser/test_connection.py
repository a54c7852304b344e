"""The connection check against loopback servers this file starts: every cause told apart, within the timeout.

Nothing here resolves a real name or connects beyond 127.0.0.1 / ::1: the `loopback_only` fixture fails any
test whose check would.
"""

import argparse
import json
import os
import socket
import threading
import time

import pytest

from diagnoser.connection import (
    CAUSES,
    DEFAULT_URL,
    ConnectionCheckCancelled,
    ConnectionCheckUsageError,
    check_connection,
    connection_finding,
    deadline_io,
)
from diagnoser.connection.proxies import bypasses
from kb.commands import check_connection as command
from kb.commands.common import UsageError
from tests.conftest import run_kb
from tests.diagnoser.servers import (
    LOOPBACK_HOSTS,
    closed_port,
    connect_proxy,
    drip_server,
    https_404_server,
    https_server,
    ipv6_unavailable_reason,
    plain_http_server,
    reset_server,
    silent_server,
    untrusted_https_server,
)

JSON_KEYS = {"url", "proxy", "reachable", "cause", "http_status", "elapsed_ms", "detail"}
NO_ENV: dict[str, str] = {}
SLACK_MS = 400  # what a timed-out check may take beyond its timeout on a loaded 2-core machine
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Any lookup of a name, or a connection to anything but loopback, fails the test."""
    real_getaddrinfo, real_connect = socket.getaddrinfo, deadline_io.connect

    def getaddrinfo(host, *args, **kwargs):
        assert host in LOOPBACK_HOSTS, f"the check tried to resolve {host!r}"
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(address, family, deadline):
        assert address[0] in LOOPBACK_HOSTS, f"the check tried to connect to {address!r}"
        return real_connect(address, family, deadline)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(deadline_io, "connect", connect)


def assert_within(result, timeout_s):
    assert result.elapsed_ms <= timeout_s * 1000 + SLACK_MS, result


# --- reachable ------------------------------------------------------------------------------------------


def test_https_404_is_reachable_and_the_json_has_exactly_the_contract_keys():
    with https_404_server() as (url, ca_pem_path):
        result = check_connection(url, cafile=ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.cause, result.http_status, result.proxy) == (True, None, 404, None)
    assert set(result.to_dict()) == JSON_KEYS
    assert json.loads(json.dumps(result.to_dict())) == result.to_dict()
    assert "healthy answer" in result.detail
    finding = connection_finding(result)
    assert (finding.check, finding.severity, finding.articles) == (
        "net.license-server",
        "ok",
        ("license-server-connection-error",),
    )


@pytest.mark.parametrize("status", [200, 500])
def test_any_http_answer_means_reachable(status):
    with https_server(status=status) as server:
        result = check_connection(server.url, cafile=server.ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.http_status) == (True, status)


def test_the_request_names_the_host_and_path():
    with https_server() as server:
        check_connection(server.url + "v1/definitions?x=1", cafile=server.ca_pem_path, environ=NO_ENV)
    request_line, *headers = server.requests[0].decode().split("\r\n")
    assert request_line == "GET /v1/definitions?x=1 HTTP/1.1"
    assert f"Host: 127.0.0.1:{server.port}" in headers


def test_a_redirect_to_another_host_is_reported_and_not_followed():
    with (
        https_server() as elsewhere,
        https_server(status=302, headers=[("Location", elsewhere.url)]) as redirecting,
    ):
        result = check_connection(redirecting.url, cafile=redirecting.ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.cause, result.http_status) == (True, None, 302)
    assert result.location == elsewhere.url
    assert elsewhere.url in result.detail and "not followed" in result.detail
    assert elsewhere.requests == [] and len(redirecting.requests) == 1


def test_an_http_url_needs_no_tls():
    with plain_http_server() as server:
        result = check_connection(server.url, environ=NO_ENV)
    assert (result.reachable, result.http_status) == (True, 404)


def test_ipv6_loopback_literal():
    reason = ipv6_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with https_404_server(host="::1") as (url, ca_pem_path):
        assert url.startswith("https://[::1]:")
        result = check_connection(url, cafile=ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.http_status) == (True, 404)
    assert result.authority.startswith("[::1]:")


def test_ipv6_through_a_proxy():
    reason = ipv6_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with https_404_server(host="::1") as (url, ca_pem_path), connect_proxy(host="::1") as proxy:
        result = check_connection(url, proxy=proxy.url, cafile=ca_pem_path, environ=NO_ENV)
    assert result.reachable, result
    assert proxy.tunnels == [url.removeprefix("https://").rstrip("/")]


# --- certificates and TLS -------------------------------------------------------------------------------


def test_an_untrusted_certificate_says_a_tls_inspecting_proxy_may_be_re_signing():
    with untrusted_https_server() as url:
        result = check_connection(url, environ=NO_ENV)
    assert (result.reachable, result.cause, result.http_status) == (False, "tls-untrusted", None)
    assert "TLS-inspecting proxy" in result.detail and "--cafile" in result.detail
    assert "root CA" in result.detail
    finding = connection_finding(result)
    assert finding.severity == "error" and "root CA" in finding.fix and "--cafile" in finding.fix


def test_the_trusted_servers_ca_does_not_vouch_for_an_untrusted_one():
    with https_404_server() as (_, ca_pem_path), untrusted_https_server() as url:
        assert check_connection(url, cafile=ca_pem_path, environ=NO_ENV).cause == "tls-untrusted"


def test_without_the_cafile_the_test_ca_is_untrusted():
    with https_404_server() as (url, _):
        assert check_connection(url, environ=NO_ENV).cause == "tls-untrusted"


def test_plain_http_on_the_tls_port_is_a_tls_error():
    with plain_http_server() as server:
        result = check_connection(server.url.replace("http://", "https://"), timeout=5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "tls")
    assert "does not speak TLS" in result.detail
    assert result.elapsed_ms < 5000


def test_an_answer_that_is_not_http_is_cause_http():
    with https_server(raw_answer=b"SSH-2.0-OpenSSH_9.6\r\n\r\n") as server:
        result = check_connection(server.url, cafile=server.ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "http")
    assert "SSH-2.0" in result.detail


def test_closed_after_the_handshake_without_an_answer_is_reset():
    with https_server(raw_answer=b"") as server:
        result = check_connection(server.url, cafile=server.ca_pem_path, timeout=5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "reset")
    assert "without an answer" in result.detail


# --- network faults -------------------------------------------------------------------------------------


def test_a_closed_port_is_refused_at_once():
    with closed_port() as url:
        result = check_connection(url, timeout=5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "refused")
    assert result.elapsed_ms < 2000
    finding = connection_finding(result)
    assert f"Open outbound port {result.port}" in finding.fix


def test_a_port_that_never_answers_times_out_within_the_timeout():
    with silent_server() as url:
        result = check_connection(url, timeout=0.5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "timeout")
    assert result.elapsed_ms >= 450
    assert_within(result, 0.5)
    assert "TLS handshake" in result.detail


def test_a_reset_mid_handshake_is_reset():
    with reset_server() as url:
        result = check_connection(url, timeout=5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "reset")
    assert "forcibly closed" in result.detail  # the words the license service log uses
    assert result.elapsed_ms < 2000


def test_a_server_dripping_one_byte_a_second_ends_within_the_timeout():
    # Short, so an implementation with per-read timeouts fails in ~26 s (reachable) instead of hanging.
    with drip_server(interval=1.0, payload=b"HTTP/1.1 404 Not Found\r\n\r\n") as server:
        result = check_connection(server.url, cafile=server.ca_pem_path, timeout=1.5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "timeout")
    assert server.sent and server.sent[0] >= 2  # each read succeeded: only the overall deadline ends it
    assert_within(result, 1.5)


def test_dripping_into_the_tls_handshake_also_ends_within_the_timeout():
    with drip_server(interval=1.0, tls=False) as server:
        result = check_connection(server.url, timeout=1.5, environ=NO_ENV)
    assert (result.reachable, result.cause) == (False, "timeout")
    assert server.sent[0] >= 2
    assert_within(result, 1.5)


def test_dns_failure(monkeypatch):
    asked = []

    def no_such_name(host, *args, **kwargs):
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    result = check_connection(environ=NO_ENV)  # the default URL: the resolver is fake, nothing leaves
    assert asked == ["license.qlikcloud.com"]
    assert (result.url, result.reachable, result.cause) == (DEFAULT_URL, False, "dns")
    assert "license.qlikcloud.com" in result.detail and "Name or service not known" in result.detail
    assert "nslookup license.qlikcloud.com" in connection_finding(result).fix


def test_a_proxy_name_that_does_not_resolve_is_dns_at_the_proxy(monkeypatch):
    def no_such_name(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    result = check_connection(DEFAULT_URL, proxy="http://proxy.corp.test:3128", environ=NO_ENV)
    assert (result.cause, result.failed_at) == ("dns", "proxy")
    assert "proxy.corp.test" in result.detail
    assert "--proxy" in connection_finding(result).fix


def test_a_resolver_that_hangs_is_bounded_by_the_timeout(monkeypatch):
    release = threading.Event()

    def hanging_resolver(host, *args, **kwargs):
        release.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_resolver)
    try:
        result = check_connection("https://license.qlikcloud.com/", timeout=0.5, environ=NO_ENV)
    finally:
        release.set()
    assert (result.reachable, result.cause) == (False, "timeout")
    assert "resolving license.qlikcloud.com" in result.detail
    assert_within(result, 0.5)


def test_cancel_stops_a_running_check_quickly():
    cancel = threading.Event()
    with silent_server() as url:
        threading.Timer(0.2, cancel.set).start()
        started = time.monotonic()
        with pytest.raises(ConnectionCheckCancelled):
            check_connection(url, timeout=10, environ=NO_ENV, cancel=cancel)
        assert time.monotonic() - started < 1.0


# --- proxies --------------------------------------------------------------------------------------------


def test_through_a_connect_proxy():
    with https_404_server() as (url, ca_pem_path), connect_proxy() as proxy:
        result = check_connection(url, proxy=proxy.url, cafile=ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.http_status, result.proxy) == (True, 404, proxy.url)
    assert proxy.tunnels == [url.removeprefix("https://").rstrip("/")]
    assert proxy.authorizations == [None]
    assert "Via the proxy" in result.detail


def test_a_proxy_asking_for_credentials_is_cause_proxy_407():
    with https_404_server() as (url, ca_pem_path), connect_proxy(credentials=("alice", "s3cret")) as proxy:
        result = check_connection(url, proxy=proxy.url, cafile=ca_pem_path, environ=NO_ENV)
    assert (result.reachable, result.cause, result.http_status) == (False, "proxy", 407)
    assert (result.failed_at, proxy.tunnels) == ("proxy", [])
    assert "no credentials were given" in result.detail and "Basic" in result.detail
    assert "USER:PASSWORD@" in connection_finding(result).fix


def test_a_proxy_refusing_the_credentials_given():
    with https_404_server() as (url, ca_pem_path), connect_proxy(credentials=("alice", "s3cret")) as proxy:
        result = check_connection(
            url, proxy=proxy.url_with("alice", "wrong"), cafile=ca_pem_path, environ=NO_ENV
        )
    assert (result.cause, result.http_status) == ("proxy", 407)
    assert "credentials given were refused" in result.detail


def test_proxy_credentials_are_sent_and_never_shown():
    with https_404_server() as (url, ca_pem_path), connect_proxy(credentials=("alice", "s3cr:et@")) as proxy:
        proxy_url = proxy.url_with("alice", "s3cr%3Aet%40")  # percent-encoded in the URL, decoded when sent
        result = check_connection(url, proxy=proxy_url, cafile=ca_pem_path, environ=NO_ENV)
    assert result.reachable, result
    assert proxy.tunnels and proxy.authorizations[0].startswith("Basic ")
    shown = json.dumps(result.to_dict()) + connection_finding(result).detail
    assert "s3cr" not in shown and "alice:***@" in result.proxy


def test_a_proxy_asking_only_for_ntlm_gets_a_fix_that_says_so():
    with connect_proxy(credentials=("a", "b"), challenge="NTLM") as proxy:
        result = check_connection(DEFAULT_URL, proxy=proxy.url, environ=NO_ENV)
    assert (result.cause, result.http_status) == ("proxy", 407)
    assert "NTLM" in connection_finding(result).fix


@pytest.mark.parametrize("status", [403, 502])
def test_a_proxy_refusing_the_tunnel_is_cause_proxy(status):
    with connect_proxy(answer_status=status) as proxy:
        result = check_connection(DEFAULT_URL, proxy=proxy.url, environ=NO_ENV)
    assert (result.reachable, result.cause, result.http_status) == (False, "proxy", status)
    assert "license.qlikcloud.com:443" in result.detail
    assert "CONNECT" in connection_finding(result).fix


def test_a_proxy_that_never_answers_the_connect_times_out_at_the_proxy():
    with connect_proxy(silent=True) as proxy:
        result = check_connection(DEFAULT_URL, proxy=proxy.url, timeout=0.5, environ=NO_ENV)
    assert (result.cause, result.failed_at) == ("timeout", "proxy")
    assert "open a tunnel" in result.detail
    assert_within(result, 0.5)


def test_a_proxy_that_refuses_connections():
    with closed_port() as closed_url:
        proxy_url = closed_url.replace("https://", "http://").rstrip("/")
        result = check_connection(DEFAULT_URL, proxy=proxy_url, environ=NO_ENV)
    assert (result.cause, result.failed_at) == ("refused", "proxy")
    assert "The proxy" in result.detail
    assert "proxy address in --proxy" in connection_finding(result).fix


def test_a_tls_inspecting_proxy_re_signing_the_answer():
    # The proxy tunnels to a server whose certificate this machine does not trust: what inspection looks like.
    with untrusted_https_server() as url, connect_proxy() as proxy:
        result = check_connection(url, proxy=proxy.url, environ=NO_ENV)
    assert (result.cause, result.failed_at) == ("tls-untrusted", "server")


# --- proxy settings from the environment ----------------------------------------------------------------


@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "https_proxy"])
def test_the_environment_proxy_is_used(variable):
    with https_404_server() as (url, ca_pem_path), connect_proxy() as proxy:
        result = check_connection(url, cafile=ca_pem_path, environ={variable: proxy.url})
    assert result.reachable and len(proxy.tunnels) == 1
    assert result.proxy == proxy.url and f"({variable})" in result.detail


def test_proxy_without_a_scheme_in_the_environment():
    with https_404_server() as (url, ca_pem_path), connect_proxy() as proxy:
        environ = {"HTTPS_PROXY": proxy.url.removeprefix("http://")}
        result = check_connection(url, cafile=ca_pem_path, environ=environ)
    assert result.reachable and len(proxy.tunnels) == 1


@pytest.mark.parametrize("variable", ["NO_PROXY", "no_proxy"])
def test_no_proxy_sends_matching_hosts_direct(variable):
    with https_404_server() as (url, ca_pem_path), closed_port() as dead_proxy:
        environ = {"HTTPS_PROXY": dead_proxy.replace("https", "http"), variable: "example.com, 127.0.0.1"}
        result = check_connection(url, cafile=ca_pem_path, environ=environ)
    assert (result.reachable, result.proxy) == (True, None)
    assert f"{variable} matches 127.0.0.1" in result.detail


def test_no_proxy_that_does_not_match_keeps_the_proxy():
    with https_404_server() as (url, ca_pem_path), connect_proxy() as proxy:
        environ = {"HTTPS_PROXY": proxy.url, "NO_PROXY": "example.com,10.0.0.0/8"}
        result = check_connection(url, cafile=ca_pem_path, environ=environ)
    assert result.reachable and len(proxy.tunnels) == 1


def test_an_explicit_proxy_overrides_the_environment_and_no_proxy():
    with https_404_server() as (url, ca_pem_path), connect_proxy() as proxy, closed_port() as dead:
        environ = {"HTTPS_PROXY": dead.replace("https", "http"), "NO_PROXY": "127.0.0.1"}
        result = check_connection(url, proxy=proxy.url, cafile=ca_pem_path, environ=environ)
    assert result.reachable and len(proxy.tunnels) == 1 and "(--proxy)" in result.detail


def test_http_proxy_variables_do_not_apply_to_https():
    with https_404_server() as (url, ca_pem_path), closed_port() as dead:
        result = check_connection(
            url, cafile=ca_pem_path, environ={"HTTP_PROXY": dead.replace("https", "http")}
        )
    assert (result.reachable, result.proxy) == (True, None)


@pytest.mark.parametrize(
    ("no_proxy", "host", "port", "bypassed"),
    [
        ("*", "license.qlikcloud.com", 443, True),
        ("qlikcloud.com", "license.qlikcloud.com", 443, True),
        (".qlikcloud.com", "license.qlikcloud.com", 443, True),
        ("*.qlikcloud.com", "license.qlikcloud.com", 443, True),
        ("cloud.com", "license.qlikcloud.com", 443, False),
        ("license.qlikcloud.com:443", "license.qlikcloud.com", 443, True),
        ("license.qlikcloud.com:8443", "license.qlikcloud.com", 443, False),
        ("LICENSE.QLIKCLOUD.COM", "license.qlikcloud.com", 443, True),
        ("127.0.0.0/8", "127.0.0.1", 443, True),
        ("10.0.0.0/8", "127.0.0.1", 443, False),
        ("::1", "::1", 443, True),
        ("[::1]:443", "::1", 443, True),
        ("[::1]:80", "::1", 443, False),
        ("example.com, ,localhost", "localhost", 443, True),
        ("", "license.qlikcloud.com", 443, False),
    ],
)
def test_no_proxy_rules(no_proxy, host, port, bypassed):
    assert bypasses(no_proxy, host, port) is bypassed


# --- bad usage ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"url": "ftp://license.qlikcloud.com/"}, "https://"),
        ({"url": "https://:443/"}, "names no host"),
        ({"url": "https://license.qlikcloud.com:99999/"}, "invalid port"),
        ({"timeout": -1}, "more than 0"),
        ({"timeout": 0}, "more than 0"),
        ({"timeout": float("nan")}, "more than 0"),
        ({"cafile": "/no/such/ca.pem"}, "cannot read --cafile"),
        ({"cafile": __file__}, "holds no PEM certificate"),
        ({"proxy": "socks5://proxy:1080"}, "only http:// proxies"),
        ({"proxy": "https://proxy:3128"}, "only http:// proxies"),
        ({"environ": {"HTTPS_PROXY": "http://proxy:notaport"}}, "HTTPS_PROXY"),
    ],
)
def test_bad_input_is_refused_before_any_connection(kwargs, message, monkeypatch):
    def must_not_connect(*args):
        raise AssertionError("bad input reached the network")

    monkeypatch.setattr(deadline_io, "connect", must_not_connect)
    kwargs = {"environ": NO_ENV, **kwargs}
    with pytest.raises(ConnectionCheckUsageError, match=message.replace("/", ".")):
        check_connection(**kwargs)


def test_a_usage_error_never_shows_the_proxy_password():
    with pytest.raises(ConnectionCheckUsageError) as caught:
        check_connection(proxy="socks5://alice:hunter2@proxy:1080", environ=NO_ENV)
    assert "hunter2" not in str(caught.value)


def test_a_url_without_a_scheme_means_https():
    with https_404_server() as (url, ca_pem_path):
        result = check_connection(url.removeprefix("https://"), cafile=ca_pem_path, environ=NO_ENV)
    assert result.reachable and result.url == url


# --- the command ----------------------------------------------------------------------------------------


def parse(*argv):
    parser = argparse.ArgumentParser(prog="kb")
    command.register(parser.add_subparsers())
    return parser.parse_args(["check-connection", *argv])


@pytest.fixture
def no_proxy_environment(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_run_reachable_prints_a_doctor_line(capsys, no_proxy_environment):
    with https_404_server() as (url, ca_pem_path):
        status = command.run(parse("--url", url, "--cafile", ca_pem_path))
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    authority = url.removeprefix("https://").rstrip("/")
    assert lines[0].startswith(f"✓ {authority} reachable (HTTP 404, ") and lines[0].endswith(" ms)")
    assert lines[1].startswith("    HTTP 404")


def test_run_not_reachable_prints_cause_fix_and_article(capsys, no_proxy_environment):
    with closed_port() as url:
        status = command.run(parse("--url", url))
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0].startswith("✗ ") and "not reachable: refused" in lines[0]
    assert any(line.startswith("    Fix: Open outbound port") for line in lines)
    assert "    Article: license-server-connection-error (kb show license-server-connection-error)" in lines


def test_run_json_is_one_object(capsys, no_proxy_environment):
    with silent_server() as url:
        status = command.run(parse("--url", url, "--timeout", "0.3", "--json"))
    output = capsys.readouterr().out
    assert status == 1
    document = json.loads(output)
    assert set(document) == JSON_KEYS and document["cause"] == "timeout" and document["cause"] in CAUSES
    assert output.count("\n") == 1


def test_run_bad_usage_is_a_usage_error(no_proxy_environment):
    with pytest.raises(UsageError, match="--timeout"):
        command.run(parse("--timeout", "-1"))


def test_render_falls_back_to_ascii_marks_on_a_console_that_cannot_print_them():
    with https_404_server() as (url, ca_pem_path):
        result = check_connection(url, cafile=ca_pem_path, environ=NO_ENV)
    text = command.render(result, connection_finding(result), command.ASCII_MARKS)
    assert text.startswith("[ok] ") and text.isascii()


def clean_environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name not in PROXY_VARIABLES}


def test_command_line_json_reachable():
    with https_404_server() as (url, ca_pem_path):
        completed = run_kb(
            "check-connection", "--url", url, "--cafile", ca_pem_path, "--json", env=clean_environment()
        )
    assert completed.returncode == 0, completed.stderr
    document = json.loads(completed.stdout)
    assert (document["reachable"], document["http_status"], document["url"]) == (True, 404, url)
    assert completed.stderr == b""


def test_command_line_proxy_407_exits_1():
    with https_404_server() as (url, ca_pem_path), connect_proxy(credentials=("a", "b")) as proxy:
        completed = run_kb(
            "check-connection", "--url", url, "--proxy", proxy.url, "--cafile", ca_pem_path, "--json",
            env={**clean_environment(), "NO_PROXY": "*"},  # --proxy wins over NO_PROXY too
        )  # fmt: skip
    assert completed.returncode == 1
    document = json.loads(completed.stdout)
    assert (document["cause"], document["http_status"]) == ("proxy", 407)


@pytest.mark.parametrize(
    "argv",
    [
        ("--url", "ftp://example.invalid/"),
        ("--timeout", "-1"),
        ("--cafile", "/no/such/ca.pem"),
        ("--timeout", "soon"),
    ],
)
def test_command_line_bad_usage_is_one_line_and_exit_2(argv):
    completed = run_kb("check-connection", *argv, env=clean_environment())
    assert completed.returncode == 2
    assert completed.stdout == b""
    stderr = completed.stderr.decode()
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
