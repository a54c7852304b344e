"""`check_connection`: one HTTPS request to the license service, every failure named by its cause.

Steps: resolve, connect (to the proxy when there is one), CONNECT through the proxy, TLS handshake,
request, answer headers. All of them share one deadline. Redirects are reported, never followed.
"""

from __future__ import annotations

import ipaddress
import math
import os
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message

from diagnoser.connection import deadline_io
from diagnoser.connection.deadline_io import (
    CANCEL_POLL_SECONDS,
    ClosedWithoutAnswer,
    ConnectionCheckCancelled,
    Deadline,
    NotHttp,
)
from diagnoser.connection.proxies import Proxy, choose_proxy
from diagnoser.connection.result import ConnectionResult
from diagnoser.connection.target import DEFAULT_URL, ConnectionCheckUsageError, Target, parse_target

USER_AGENT = "kb-check-connection"


class ProxyRefused(Exception):
    def __init__(self, status: int, reason: str, headers: Message):
        super().__init__(f"HTTP {status} {reason}".strip())
        self.status, self.reason, self.headers = status, reason, headers


@dataclass(frozen=True)
class Answer:
    status: int
    reason: str
    location: str | None
    peer: str


def check_connection(
    url: str = DEFAULT_URL,
    *,
    proxy: str | None = None,
    cafile: str | None = None,
    timeout: float = 10.0,
    environ: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> ConnectionResult:
    """Test that `url` answers over HTTP(S) within `timeout` seconds in all.

    Bad input raises ConnectionCheckUsageError before anything touches the network; setting `cancel`
    raises ConnectionCheckCancelled within a fraction of a second.
    """
    target = parse_target(url)
    seconds = _valid_timeout(timeout)
    tls_context = _tls_context(cafile)
    chosen_proxy, route_note = choose_proxy(target, proxy, os.environ if environ is None else environ)
    started = time.monotonic()
    probe = _Probe(target, chosen_proxy, tls_context, Deadline(seconds, cancel))
    common = {
        "url": target.url,
        "proxy": chosen_proxy.display() if chosen_proxy else None,
        "host": target.host,
        "port": target.port,
        "proxy_source": chosen_proxy.source if chosen_proxy else None,
    }
    try:
        answer = probe.run()
    except ConnectionCheckCancelled:
        raise
    except (OSError, NotHttp, ProxyRefused) as error:
        cause, detail = probe.explain(error)
        refused = error if isinstance(error, ProxyRefused) else None
        return ConnectionResult(
            reachable=False,
            cause=cause,
            http_status=refused.status if refused else None,
            elapsed_ms=_elapsed_ms(started),
            detail=_with_route(detail, chosen_proxy, route_note),
            failed_at="proxy" if probe.at_proxy else "server",
            proxy_authenticate=refused.headers.get("Proxy-Authenticate") if refused else None,
            **common,
        )
    return ConnectionResult(
        reachable=True,
        cause=None,
        http_status=answer.status,
        elapsed_ms=_elapsed_ms(started),
        detail=_with_route(_answer_detail(answer), chosen_proxy, route_note),
        location=answer.location,
        **common,
    )


class _Probe:
    def __init__(self, target: Target, proxy: Proxy | None, tls_context: ssl.SSLContext, deadline: Deadline):
        self.target, self.proxy, self.tls_context, self.deadline = target, proxy, tls_context, deadline
        self.step = "starting"
        self.at_proxy = proxy is not None  # until the tunnel is open, failures are the proxy's
        self.peer = proxy.authority if proxy else target.authority

    def run(self) -> Answer:
        host, port = (
            (self.proxy.host, self.proxy.port) if self.proxy else (self.target.host, self.target.port)
        )
        self.step = f"resolving {host}"
        addresses = self._resolve(host, port)
        sock = self._connect(addresses)
        try:
            if self.proxy:
                self._open_tunnel(sock)
            if self.target.uses_tls:
                sock = self._start_tls(sock)
            return self._ask(sock)
        finally:
            sock.close()

    def _resolve(self, host: str, port: int) -> list[tuple]:
        if _is_ip_literal(host):  # resolved locally, no lookup leaves the machine
            return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        outcome: dict[str, object] = {}

        def lookup() -> None:
            try:
                outcome["addresses"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except BaseException as error:  # handed to the checking thread below
                outcome["error"] = error

        # getaddrinfo cannot time out or be cancelled: wait for it in a thread, bounded by the deadline.
        lookup_thread = threading.Thread(target=lookup, name="kb-check-connection-dns", daemon=True)
        lookup_thread.start()
        while lookup_thread.is_alive():
            self.deadline.check()
            lookup_thread.join(max(0.0, min(self.deadline.remaining(), CANCEL_POLL_SECONDS)))
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["addresses"]  # type: ignore[return-value]

    def _connect(self, addresses: list[tuple]) -> socket.socket:
        last_error: OSError = OSError("no address to connect to")
        for family, _type, _proto, _name, address in addresses:
            self.peer = _address_text(address)
            self.step = f"connecting to {self._who()} at {self.peer}"
            try:
                return deadline_io.connect(address, family, self.deadline)
            except TimeoutError:
                raise  # the whole budget is spent
            except OSError as error:
                last_error = error
        raise last_error

    def _open_tunnel(self, sock: socket.socket) -> None:
        self.step = f"asking the proxy {self.peer} to open a tunnel to {self.target.authority}"
        lines = [f"CONNECT {self.target.authority} HTTP/1.1", f"Host: {self.target.authority}"]
        lines.append(f"User-Agent: {USER_AGENT}")
        authorization = self.proxy.authorization()
        if authorization:
            lines.append(f"Proxy-Authorization: {authorization}")
        deadline_io.send_all(sock, ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"), self.deadline)
        status, reason, headers, extra = deadline_io.read_head(sock, self.deadline)
        if not 200 <= status < 300:
            raise ProxyRefused(status, reason, headers)
        if extra:
            raise NotHttp("the proxy sent data before the tunnel was used")
        self.at_proxy = False
        self.peer = f"{self.target.authority} through the proxy"

    def _start_tls(self, sock: socket.socket) -> ssl.SSLSocket:
        self.step = f"doing the TLS handshake with {self.target.host}"
        tls = self.tls_context.wrap_socket(
            sock, server_hostname=self.target.host, do_handshake_on_connect=False
        )
        deadline_io.handshake(tls, self.deadline)
        return tls

    def _ask(self, sock: socket.socket) -> Answer:
        self.step = f"sending the request to {self.target.authority}"
        host_header = self.target.authority
        if self.target.port == {"https": 443, "http": 80}[self.target.scheme]:
            host_header = host_header.rsplit(":", 1)[0]
        request = (
            f"GET {self.target.path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: {USER_AGENT}\r\n"
            "Accept: */*\r\nConnection: close\r\n\r\n"
        )
        deadline_io.send_all(sock, request.encode("utf-8"), self.deadline)
        self.step = f"waiting for the HTTP answer from {self.target.authority}"
        status, reason, headers, _body = deadline_io.read_head(sock, self.deadline)
        return Answer(status, reason, headers.get("Location"), self.peer)

    def _who(self) -> str:
        return "the proxy" if self.at_proxy else self.target.host

    def explain(self, error: BaseException) -> tuple[str, str]:
        """The cause and a detail sentence for a failure during the current step."""
        where = f"while {self.step}"
        if isinstance(error, ProxyRefused):
            return "proxy", _proxy_refusal_detail(error, self.proxy, self.target)
        if isinstance(error, NotHttp):
            if self.at_proxy:
                return (
                    "proxy",
                    f"The proxy {self.proxy.authority} did not answer like an HTTP proxy: {error}.",
                )
            return "http", f"{self.target.authority} answered, but not with HTTP: {error}."
        if isinstance(error, ssl.SSLCertVerificationError):
            return "tls-untrusted", _untrusted_detail(error, self.target)
        if isinstance(error, ssl.SSLEOFError | ssl.SSLZeroReturnError):
            return "reset", f"The connection was closed {where}. {_CUT_BY_FIREWALL}"
        if isinstance(error, ssl.SSLError):
            return "tls", (
                f"The TLS handshake with {self.target.authority} failed ({error.reason or error}). Something "
                "that does not speak TLS (plain HTTP, another protocol, a captive portal) may answer there."
            )
        if isinstance(error, socket.gaierror):
            host = self.proxy.host if self.at_proxy else self.target.host
            whose = "The proxy's name" if self.at_proxy else "The name"
            return "dns", f"{whose} {host} could not be resolved: {error.strerror or error}."
        if isinstance(error, TimeoutError):
            return "timeout", f"No answer within {self.deadline.seconds:g} s, {where}."
        if isinstance(error, ClosedWithoutAnswer):
            if self.at_proxy:
                return "proxy", f"The proxy {self.proxy.authority} closed the connection {where}."
            return (
                "reset",
                f"{self.target.authority} closed the connection without an answer. {_CUT_BY_FIREWALL}",
            )
        if isinstance(error, ConnectionRefusedError):
            who = f"The proxy at {self.peer}" if self.at_proxy else f"{self.target.host} at {self.peer}"
            return (
                "refused",
                f"{who} refused the connection: nothing listens there, or a firewall rejects it.",
            )
        if isinstance(error, ConnectionResetError | ConnectionAbortedError | BrokenPipeError):
            return "reset", f"The connection was reset {where}. {_CUT_BY_FIREWALL}"
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        if self.step.startswith("connecting"):
            return "refused", f"Could not connect to {self._who()} at {self.peer}: {reason}."
        return "reset", f"The connection failed {where}: {reason}."


_CUT_BY_FIREWALL = (
    "A firewall or proxy that blocks the host often does this; the license service log then says "
    '"wsarecv: An existing connection was forcibly closed by the remote host".'
)


def _untrusted_detail(error: ssl.SSLCertVerificationError, target: Target) -> str:
    reason = error.verify_message or error.reason or str(error)
    return (
        f"The certificate presented for {target.host} does not verify ({reason}). A TLS-inspecting proxy or "
        "firewall may be re-signing the traffic with its own certificate: import that proxy's root CA "
        "certificate into this machine's trusted root store (and the one the Qlik services use), or exempt "
        f"{target.host} from TLS inspection; test with --cafile PROXY-CA.pem."
    )


def _proxy_refusal_detail(error: ProxyRefused, proxy: Proxy, target: Target) -> str:
    answer = f"HTTP {error.status} {error.reason}".strip()
    if error.status != 407:
        return f"The proxy {proxy.authority} refused the tunnel to {target.authority}: {answer}."
    schemes = error.headers.get_all("Proxy-Authenticate") or []
    asks = (
        f" (it asks for {', '.join(value.split()[0] for value in schemes if value.strip())})"
        if schemes
        else ""
    )
    given = (
        "the credentials given were refused" if proxy.username is not None else "no credentials were given"
    )
    return f"The proxy {proxy.authority} wants authentication{asks}: {answer}; {given}."


def _answer_detail(answer: Answer) -> str:
    status = f"HTTP {answer.status} {answer.reason}".strip()
    if 300 <= answer.status < 400:
        where = answer.location or "no Location given"
        return f"{status} from {answer.peer}: a redirect to {where} (not followed). The host answered."
    if answer.status == 404:
        return f"{status} from {answer.peer}: the healthy answer of the license service."
    return f"{status} from {answer.peer}: the host answered, so the network path works."


def _with_route(detail: str, proxy: Proxy | None, route_note: str) -> str:
    if proxy is not None:
        return f"{detail} Via the proxy {proxy.display()} ({proxy.source})."
    if route_note:
        return f"{detail} Direct: {route_note}."
    return detail


def _valid_timeout(timeout: float) -> float:
    try:
        seconds = float(timeout)
    except (TypeError, ValueError):
        raise ConnectionCheckUsageError(f"--timeout must be a number of seconds, not {timeout!r}") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConnectionCheckUsageError(f"--timeout must be more than 0 seconds, not {timeout!r}")
    return seconds


def _tls_context(cafile: str | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if cafile is not None:
        try:
            context.load_verify_locations(cafile=cafile)  # trusted beside the system's CAs
        except ssl.SSLError:  # before OSError, its base class
            raise ConnectionCheckUsageError(f"--cafile {cafile} holds no PEM certificate") from None
        except OSError as error:
            raise ConnectionCheckUsageError(
                f"cannot read --cafile {cafile}: {error.strerror or error}"
            ) from None
    context.set_alpn_protocols(["http/1.1"])
    return context


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.partition("%")[0])
        return True
    except ValueError:
        return False


def _address_text(address: tuple) -> str:
    host, port = address[0], address[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _elapsed_ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)
