"""Socket operations bounded by one deadline for the whole check, and interruptible by a cancel event.

Every socket is non-blocking and every wait goes through `Deadline.wait`, so a peer that drips one byte a
second (each read succeeding) still cannot stretch the check past its deadline.
"""

from __future__ import annotations

import errno
import http.client
import io
import os
import re
import selectors
import socket
import ssl
import time
from email.message import Message
from threading import Event

CANCEL_POLL_SECONDS = 0.05  # how quickly a cancel is noticed while waiting
HEAD_LIMIT = 64 * 1024  # an HTTP answer's status line and headers; more is not HTTP
IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, getattr(errno, "WSAEWOULDBLOCK", -1)}
STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)? +(\d{3})(?: +([^\r\n]*))?\r?\n")


class ConnectionCheckCancelled(Exception):
    """The cancel event was set while the check ran."""


class ClosedWithoutAnswer(ConnectionResetError):
    """The peer closed the connection before it sent an answer."""


class NotHttp(Exception):
    """The peer answered, but not with HTTP."""


class Deadline:
    def __init__(self, seconds: float, cancel: Event | None = None):
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        self.cancel = cancel

    def remaining(self) -> float:
        return self.ends_at - time.monotonic()

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ConnectionCheckCancelled()
        if self.remaining() <= 0:
            raise TimeoutError(f"no answer within {self.seconds:g} s")

    def wait(self, sock: socket.socket, *, write: bool = False) -> None:
        event = selectors.EVENT_WRITE if write else selectors.EVENT_READ
        with selectors.DefaultSelector() as selector:
            selector.register(sock, event)
            while True:
                self.check()
                step = self.remaining()
                if self.cancel is not None:
                    step = min(step, CANCEL_POLL_SECONDS)
                if selector.select(max(step, 0)):
                    return


def connect(address: tuple, family: int, deadline: Deadline) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        code = sock.connect_ex(address)
        if code in IN_PROGRESS:
            deadline.wait(sock, write=True)
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            raise OSError(code, _strerror(code))  # OSError picks the subclass (ConnectionRefusedError, ...)
    except BaseException:
        sock.close()
        raise
    return sock


def handshake(tls: ssl.SSLSocket, deadline: Deadline) -> None:
    while True:
        deadline.check()
        try:
            tls.do_handshake()
            return
        except ssl.SSLWantReadError:
            deadline.wait(tls)
        except ssl.SSLWantWriteError:
            deadline.wait(tls, write=True)


def send_all(sock: socket.socket, data: bytes, deadline: Deadline) -> None:
    view = memoryview(data)
    while view:
        deadline.check()
        try:
            view = view[sock.send(view) :]
        except (BlockingIOError, ssl.SSLWantWriteError):
            deadline.wait(sock, write=True)
        except ssl.SSLWantReadError:
            deadline.wait(sock)


def receive(sock: socket.socket, deadline: Deadline, size: int = 4096) -> bytes:
    while True:
        deadline.check()
        try:
            return sock.recv(size)
        except (BlockingIOError, ssl.SSLWantReadError):
            deadline.wait(sock)
        except ssl.SSLWantWriteError:
            deadline.wait(sock, write=True)


def read_head(sock: socket.socket, deadline: Deadline) -> tuple[int, str, Message, bytes]:
    """Status, reason, headers of an HTTP answer, and any bytes read past them."""
    buffer = b""
    while b"\r\n\r\n" not in buffer and b"\n\n" not in buffer:
        if len(buffer) > HEAD_LIMIT:
            raise NotHttp(f"more than {HEAD_LIMIT // 1024} KiB without the end of an HTTP header")
        if buffer and not b"HTTP/".startswith(buffer[:5]):
            raise NotHttp(f"the answer starts with {buffer[:40]!r}, not with HTTP/")
        chunk = receive(sock, deadline)
        if not chunk:
            if buffer:
                raise NotHttp(f"the connection closed after an incomplete answer {buffer[:80]!r}")
            raise ClosedWithoutAnswer("the connection was closed without an answer")
        buffer += chunk
    head, _, rest = buffer.replace(b"\r\n", b"\n").partition(b"\n\n")
    status_line, _, header_lines = (head + b"\n").partition(b"\n")
    match = STATUS_LINE.fullmatch(status_line + b"\n")
    if match is None:
        raise NotHttp(f"the answer starts with {status_line[:80]!r}, not an HTTP status line")
    headers = http.client.parse_headers(io.BytesIO(header_lines + b"\n"))
    reason = (match.group(2) or b"").decode("latin-1").strip()
    return int(match.group(1)), reason, headers, rest


def _strerror(code: int) -> str:
    try:
        return os.strerror(code)
    except ValueError:
        return f"error {code}"
