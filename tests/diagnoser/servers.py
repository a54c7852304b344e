"""Loopback servers for connection-check tests (also used by the TUI tests). 127.0.0.1 / ::1 only.

Every server runs in daemon threads, is a context manager, and is shut down (listener and connections
closed, threads joined with a bound) when its `with` block ends:

    with https_404_server() as (url, ca_pem_path): ...       # HTTPS 404 with a trustme CA
    with untrusted_https_server() as url: ...                # cert from a CA nobody is given
    with https_server(status=302, headers=[("Location", other_url)]) as server: server.url, server.requests
    with connect_proxy(credentials=("user", "pass")) as proxy: proxy.url, proxy.url_with("user", "pass")
    with silent_server() as url: ...                          # accepts, never answers
    with closed_port() as url: ...                            # refuses connections
    with reset_server() as url: ...                           # resets mid-TLS-handshake
    with drip_server(interval=1.0) as server: ...             # TLS, then the answer one byte a second
    with plain_http_server() as server: ...                   # plain HTTP (an https:// URL gets a TLS error)
"""

from __future__ import annotations

import atexit
import base64
import selectors
import shutil
import socket
import ssl
import struct
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import trustme

LOOPBACK_V4 = "127.0.0.1"
LOOPBACK_V6 = "::1"
LOOPBACK_HOSTS = (LOOPBACK_V4, LOOPBACK_V6)
HANDLER_SOCKET_TIMEOUT = 10.0  # no handler blocks longer than this on one operation
JOIN_SECONDS = 5.0
REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    407: "Proxy Authentication Required",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
TLS_HANDSHAKE_RECORD = 0x16  # the first byte of a ClientHello


# --- certificates --------------------------------------------------------------------------------------


class _Certificates:
    """One trusted CA (its PEM file is what tests pass as cafile) and one CA nobody is given."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kb-test-certs-"))
        atexit.register(shutil.rmtree, self.folder, True)
        self.trusted_ca = trustme.CA()
        self.untrusted_ca = trustme.CA()
        self.ca_pem_path = str(self.folder / "trusted-ca.pem")
        self.trusted_ca.cert_pem.write_to_path(self.ca_pem_path)
        self.untrusted_ca_pem_path = str(self.folder / "untrusted-ca.pem")
        self.untrusted_ca.cert_pem.write_to_path(self.untrusted_ca_pem_path)

    def server_context(self, trusted: bool = True) -> ssl.SSLContext:
        ca = self.trusted_ca if trusted else self.untrusted_ca
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert(LOOPBACK_V4, LOOPBACK_V6, "localhost").configure_cert(context)
        return context


_certificates: _Certificates | None = None
_certificates_lock = threading.Lock()


def certificates() -> _Certificates:
    global _certificates
    with _certificates_lock:
        if _certificates is None:
            _certificates = _Certificates()
        return _certificates


def ca_pem_path() -> str:
    """The PEM file of the CA that signs the trusted test servers' certificates."""
    return certificates().ca_pem_path


# --- the server core -----------------------------------------------------------------------------------


class LoopbackServer:
    """A listening socket on loopback; each accepted connection goes to `handle(conn, server)` in a thread."""

    def __init__(self, handle: Callable[[socket.socket, LoopbackServer], None], host: str = LOOPBACK_V4):
        if host not in LOOPBACK_HOSTS:
            raise ValueError(f"test servers listen on loopback only, not {host}")
        self.handle, self.host = handle, host
        self.stopping = threading.Event()
        self.accepted = 0
        self._connections: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        family = socket.AF_INET6 if host == LOOPBACK_V6 else socket.AF_INET
        self.listener = socket.socket(family, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((host, 0))
        self.port = self.listener.getsockname()[1]

    @property
    def authority(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def url(self, scheme: str = "https", path: str = "/") -> str:
        return f"{scheme}://{self.authority}{path}"

    def __enter__(self) -> LoopbackServer:
        self.listener.listen(16)
        self.listener.settimeout(0.05)
        self._start(self._accept_loop)
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopping.set()
        self.listener.close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            _close_quietly(conn)
        for thread in list(self._threads):
            thread.join(JOIN_SECONDS)

    def _start(self, target: Callable, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name=f"loopback-{self.port}")
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # the listener was closed
            conn.settimeout(HANDLER_SOCKET_TIMEOUT)
            with self._lock:
                self._connections.add(conn)
                self.accepted += 1
            self._start(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        try:
            self.handle(conn, self)
        except (OSError, ValueError):
            pass  # the client went away or failed the handshake: that is what many tests do
        finally:
            with self._lock:
                self._connections.discard(conn)
            _close_quietly(conn)

    def track(self, conn: socket.socket) -> None:
        """Close this extra socket (an upstream connection) when the server stops."""
        with self._lock:
            self._connections.add(conn)


def _close_quietly(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a handler thread blocked on it; close() alone does not
    with suppress(OSError):
        sock.close()


def serve_tls(conn: socket.socket, server: LoopbackServer, context: ssl.SSLContext) -> ssl.SSLSocket:
    """The server side of a TLS handshake on `conn`, tracked so stopping the server wakes it."""
    tls = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
    server.track(tls)
    tls.do_handshake()
    return tls


def read_head(conn: socket.socket, limit: int = 64 * 1024) -> bytes:
    """A request's head (up to the blank line); b'' when the client closed first."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            return data
        data += chunk
    return data


def http_response(status: int, headers: Sequence[tuple[str, str]] = (), body: bytes = b"") -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


# --- HTTPS servers ---------------------------------------------------------------------------------------


@dataclass
class HttpsServer:
    url: str
    ca_pem_path: str  # give it as cafile=; for an untrusted server it does not help
    host: str
    port: int
    requests: list[bytes] = field(default_factory=list)  # each request head received


@contextmanager
def https_server(
    *,
    status: int = 404,
    headers: Sequence[tuple[str, str]] = (),
    body: bytes = b"",
    raw_answer: bytes | None = None,
    host: str = LOOPBACK_V4,
    trusted: bool = True,
) -> Iterator[HttpsServer]:
    """An HTTPS server answering every request with `status` (or the bytes `raw_answer`, or nothing if b'')."""
    context = certificates().server_context(trusted)
    answer = http_response(status, headers, body) if raw_answer is None else raw_answer
    requests: list[bytes] = []

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        with serve_tls(conn, server, context) as tls:
            requests.append(read_head(tls))
            if answer:
                tls.sendall(answer)

    with LoopbackServer(handle, host) as server:
        yield HttpsServer(server.url(), certificates().ca_pem_path, host, server.port, requests)


@contextmanager
def https_404_server(host: str = LOOPBACK_V4) -> Iterator[tuple[str, str]]:
    """(url, ca_pem_path) of an HTTPS server answering 404, like the healthy license service."""
    with https_server(status=404, host=host) as server:
        yield server.url, server.ca_pem_path


@contextmanager
def untrusted_https_server(host: str = LOOPBACK_V4) -> Iterator[str]:
    """The URL of an HTTPS server whose certificate comes from a CA the client is never given."""
    with https_server(status=404, host=host, trusted=False) as server:
        yield server.url


@contextmanager
def plain_http_server(status: int = 404, host: str = LOOPBACK_V4) -> Iterator[HttpsServer]:
    """Plain HTTP; `server.url` is http://...; the same address as https:// meets no TLS at all."""
    requests: list[bytes] = []

    def handle(conn: socket.socket, _server: LoopbackServer) -> None:
        first = conn.recv(4096)
        if first[:1] == bytes([TLS_HANDSHAKE_RECORD]):
            conn.sendall(http_response(400))  # what web servers answer to TLS on a plain port
            return
        requests.append(first if b"\r\n\r\n" in first else first + read_head(conn))
        conn.sendall(http_response(status))

    with LoopbackServer(handle, host) as server:
        yield HttpsServer(server.url("http"), "", host, server.port, requests)


# --- servers that fail ----------------------------------------------------------------------------------


@contextmanager
def silent_server(host: str = LOOPBACK_V4) -> Iterator[str]:
    """The https:// URL of a port that accepts connections and never says a word."""

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        server.stopping.wait()

    with LoopbackServer(handle, host) as server:
        yield server.url()


@contextmanager
def closed_port(host: str = LOOPBACK_V4) -> Iterator[str]:
    """The https:// URL of a port that refuses connections (bound, so no one else takes it, never listening)."""
    family = socket.AF_INET6 if host == LOOPBACK_V6 else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as holder:
        holder.bind((host, 0))
        port = holder.getsockname()[1]
        authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        yield f"https://{authority}/"


@contextmanager
def reset_server(host: str = LOOPBACK_V4) -> Iterator[str]:
    """The https:// URL of a server that reads the TLS ClientHello and resets the connection (RST)."""

    def handle(conn: socket.socket, _server: LoopbackServer) -> None:
        conn.recv(4096)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()  # with a zero linger, close sends RST (a shutdown first would send FIN)

    with LoopbackServer(handle, host) as server:
        yield server.url()


@dataclass
class DripServer:
    url: str
    ca_pem_path: str
    sent: list[int]  # bytes sent so far, per connection


@contextmanager
def drip_server(
    *, interval: float = 1.0, tls: bool = True, payload: bytes | None = None, host: str = LOOPBACK_V4
) -> Iterator[DripServer]:
    """Sends `payload` one byte per `interval`: after the TLS handshake and the request (tls=True), or
    straight away on the raw connection (tls=False, so the client's TLS handshake is the one dripped on)."""
    context = certificates().server_context()
    data = payload if payload is not None else http_response(404)
    sent: list[int] = []

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        with serve_tls(conn, server, context) if tls else conn as stream:
            if tls:
                read_head(stream)
            index = len(sent)
            sent.append(0)
            for byte in data:
                stream.sendall(bytes([byte]))
                sent[index] += 1
                if server.stopping.wait(interval):
                    return

    with LoopbackServer(handle, host) as server:
        yield DripServer(server.url(), certificates().ca_pem_path, sent)


# --- CONNECT proxy ---------------------------------------------------------------------------------------


@dataclass
class ProxyServer:
    url: str  # http://127.0.0.1:PORT, without credentials
    host: str
    port: int
    tunnels: list[str] = field(default_factory=list)  # CONNECT targets it opened
    authorizations: list[str | None] = field(default_factory=list)  # Proxy-Authorization of each CONNECT

    def url_with(self, user: str, password: str) -> str:
        return self.url.replace("http://", f"http://{user}:{password}@", 1)


@contextmanager
def connect_proxy(
    *,
    credentials: tuple[str, str] | None = None,
    challenge: str = 'Basic realm="kb-test-proxy"',
    answer_status: int | None = None,
    silent: bool = False,
    host: str = LOOPBACK_V4,
) -> Iterator[ProxyServer]:
    """An HTTP CONNECT proxy that tunnels only to 127.0.0.1 / ::1.

    credentials: require them (Basic), answering 407 with `challenge` otherwise; answer_status: refuse every
    CONNECT with this status; silent: read the CONNECT and never answer.
    """
    expected = None
    if credentials is not None:
        expected = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()
    record = ProxyServer("", host, 0)

    def handle(conn: socket.socket, server: LoopbackServer) -> None:
        head = read_head(conn)
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        record.authorizations.append(headers.get("proxy-authorization"))
        if silent:
            server.stopping.wait()
            return
        method, _, rest = request_line.partition(" ")
        target = rest.partition(" ")[0]
        if method != "CONNECT":
            conn.sendall(http_response(405))
            return
        if expected is not None and headers.get("proxy-authorization") != expected:
            conn.sendall(http_response(407, [("Proxy-Authenticate", challenge)]))
            return
        if answer_status is not None:
            conn.sendall(http_response(answer_status))
            return
        upstream_host, _, upstream_port = target.rpartition(":")
        upstream_host = upstream_host.strip("[]")
        if upstream_host not in LOOPBACK_HOSTS or not upstream_port.isdigit():
            conn.sendall(http_response(403))  # this proxy never leaves the machine
            return
        try:
            upstream = socket.create_connection((upstream_host, int(upstream_port)), timeout=5)
        except OSError:
            conn.sendall(http_response(502))
            return
        server.track(upstream)
        record.tunnels.append(target)
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        _pipe(conn, upstream, server.stopping)

    with LoopbackServer(handle, host) as server:
        record.url, record.port = server.url("http", ""), server.port
        yield record


def _pipe(first: socket.socket, second: socket.socket, stopping: threading.Event) -> None:
    with selectors.DefaultSelector() as selector, second:
        selector.register(first, selectors.EVENT_READ, second)
        selector.register(second, selectors.EVENT_READ, first)
        while not stopping.is_set():
            for key, _events in selector.select(0.05):
                data = key.fileobj.recv(65536)
                if not data:
                    return
                key.data.sendall(data)


# --- IPv6 -----------------------------------------------------------------------------------------------


def ipv6_unavailable_reason() -> str | None:
    """Why an IPv6 loopback server cannot run here, or None when it can."""
    if not socket.has_ipv6:
        return "this Python was built without IPv6 (socket.has_ipv6 is False)"
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind((LOOPBACK_V6, 0))
    except OSError as error:
        return f"this machine has no IPv6 loopback: binding [::1] failed ({error})"
    return None
