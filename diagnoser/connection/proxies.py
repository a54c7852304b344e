"""Which proxy the check goes through: --proxy, else HTTPS_PROXY / https_proxy unless NO_PROXY matches."""

from __future__ import annotations

import base64
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from diagnoser.connection.target import ConnectionCheckUsageError, Target, join_host_port

DEFAULT_PROXY_PORT = 80


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    source: str  # "--proxy" or the environment variable it came from
    username: str | None = None
    password: str | None = None

    @property
    def authority(self) -> str:
        return join_host_port(self.host, self.port)

    def display(self) -> str:
        """The proxy URL as shown to people and in JSON: a password never appears."""
        user = f"{self.username}:***@" if self.username is not None else ""
        return f"http://{user}{self.authority}"

    def authorization(self) -> str | None:
        if self.username is None:
            return None
        credentials = f"{self.username}:{self.password or ''}".encode()
        return "Basic " + base64.b64encode(credentials).decode("ascii")


def parse_proxy(value: str, source: str) -> Proxy:
    text = value.strip()
    if "://" not in text:
        text = "http://" + text  # HTTPS_PROXY=proxy:8080 is common
    parts = urlsplit(text)
    if parts.scheme.lower() != "http":
        raise ConnectionCheckUsageError(
            f"{source} {_without_password(value)!r}: only http:// proxies (HTTP CONNECT) are supported"
        )
    try:
        port = parts.port or DEFAULT_PROXY_PORT
    except ValueError:
        raise ConnectionCheckUsageError(
            f"{source} {_without_password(value)!r} has an invalid port"
        ) from None
    if not parts.hostname:
        raise ConnectionCheckUsageError(f"{source} {_without_password(value)!r} names no host")
    username = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return Proxy(parts.hostname, port, source, username, password)


def choose_proxy(
    target: Target, explicit: str | None, environ: Mapping[str, str]
) -> tuple[Proxy | None, str]:
    """The proxy to use and a note on why (for the detail line)."""
    if explicit:
        return parse_proxy(explicit, "--proxy"), "--proxy"
    for name in (f"{target.scheme}_proxy", f"{target.scheme}_proxy".upper()):
        value = environ.get(name, "").strip()
        if not value:
            continue
        no_proxy_name, no_proxy = _first_set(environ, ("no_proxy", "NO_PROXY"))
        if no_proxy and bypasses(no_proxy, target.host, target.port):
            return None, f"{no_proxy_name} matches {target.host}, so {name} is not used"
        return parse_proxy(value, name), name
    return None, ""


def bypasses(no_proxy: str, host: str, port: int) -> bool:
    """Whether a NO_PROXY list (curl's rules, plus CIDR blocks) sends host:port direct."""
    host = host.lower().rstrip(".")
    for entry in no_proxy.replace(" ", ",").split(","):
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry == "*":
            return True
        entry, entry_port = _split_entry_port(entry)
        if entry_port is not None and entry_port != port:
            continue
        if _matches(entry, host):
            return True
    return False


def _matches(entry: str, host: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if "/" in entry:
        try:
            return address is not None and address in ipaddress.ip_network(entry, strict=False)
        except ValueError:
            return False
    if address is not None:
        try:
            return address == ipaddress.ip_address(entry)
        except ValueError:
            return False
    domain = entry.removeprefix("*").lstrip(".").rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def _split_entry_port(entry: str) -> tuple[str, int | None]:
    if entry.startswith("["):  # [::1] or [::1]:443
        address, _, rest = entry[1:].partition("]")
        port = rest.removeprefix(":")
        return address, int(port) if port.isdigit() else None
    if entry.count(":") == 1:  # host:port; several colons is a bare IPv6 address
        name, port = entry.split(":")
        if port.isdigit():
            return name, int(port)
    return entry, None


def _first_set(environ: Mapping[str, str], names: tuple[str, ...]) -> tuple[str, str]:
    for name in names:
        value = environ.get(name, "").strip()
        if value:
            return name, value
    return names[-1], ""


def _without_password(value: str) -> str:
    parts = urlsplit(value if "://" in value else "http://" + value)
    if parts.password is None:
        return value
    return value.replace(":" + parts.password + "@", ":***@", 1)
