"""What the connection check aims at: the URL given, validated before anything touches the network."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_URL = "https://license.qlikcloud.com/"
DEFAULT_PORTS = {"https": 443, "http": 80}


class ConnectionCheckUsageError(ValueError):
    """Bad input to the check (URL, proxy, CA file, timeout): one sentence for the user, exit status 2."""


@dataclass(frozen=True)
class Target:
    url: str
    scheme: str
    host: str  # without brackets, also for IPv6 literals
    port: int
    path: str  # path and query, as the request line sends them

    @property
    def authority(self) -> str:
        """host:port as a request line, a Host header and people write it ([::1]:443 for IPv6)."""
        return join_host_port(self.host, self.port)

    @property
    def uses_tls(self) -> bool:
        return self.scheme == "https"


def parse_target(url: str) -> Target:
    text = url.strip()
    if "://" not in text:
        text = "https://" + text  # `license.qlikcloud.com` alone means the HTTPS service
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ConnectionCheckUsageError(f"--url must start with https:// (or http://), not {parts.scheme}://")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise ConnectionCheckUsageError(f"--url {url!r} has an invalid port") from None
    host = parts.hostname or ""
    if not host or any(character.isspace() for character in host):
        raise ConnectionCheckUsageError(f"--url {url!r} names no host")
    try:
        host.encode("idna")
    except UnicodeError:
        raise ConnectionCheckUsageError(f"--url {url!r}: {host!r} is not a valid host name") from None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url=text, scheme=scheme, host=host, port=port, path=path)


def join_host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if is_ipv6(host) else f"{host}:{port}"


def is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False
