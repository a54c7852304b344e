"""What the connection check found: the JSON contract of `kb check-connection --json` and a few extras."""

from __future__ import annotations

from dataclasses import dataclass

from diagnoser.connection.target import join_host_port

CAUSES = ("dns", "refused", "timeout", "reset", "tls-untrusted", "tls", "proxy", "http")
JSON_KEYS = ("url", "proxy", "reachable", "cause", "http_status", "elapsed_ms", "detail")


@dataclass(frozen=True)
class ConnectionResult:
    url: str
    proxy: str | None  # the proxy used, password masked; None when connecting directly
    reachable: bool
    cause: str | None  # one of CAUSES; None when reachable
    http_status: int | None  # the server's status, or the proxy's when it refused the tunnel
    elapsed_ms: int
    detail: str
    # Not in the JSON: what the finding's fix needs.
    host: str = ""
    port: int = 0
    failed_at: str | None = None  # "proxy" when it failed on the way to or at the proxy, else "server"
    proxy_source: str | None = None  # "--proxy", "HTTPS_PROXY", ...
    proxy_authenticate: str | None = None  # the Proxy-Authenticate header of a 407
    location: str | None = None  # the Location of a redirect, never followed

    @property
    def authority(self) -> str:
        return join_host_port(self.host, self.port)

    def to_dict(self) -> dict:
        return {key: getattr(self, key) for key in JSON_KEYS}
