"""The `net.license-server` finding: the connection check's result as a doctor line with a concrete fix."""

from __future__ import annotations

from diagnoser.connection.result import ConnectionResult
from diagnoser.findings import Finding

CHECK_ID = "net.license-server"
ARTICLE = "license-server-connection-error"
TEST_WITH_PROXY = "kb check-connection --proxy http://PROXY:PORT"
PROXY_FOR_LICENSE_SERVICE = (
    "configure the proxy for Qlik License Service communication (see the article), restart the Qlik Sense "
    "Service Dispatcher, and apply the key again"
)


def connection_finding(result: ConnectionResult) -> Finding:
    if result.reachable:
        return Finding(
            CHECK_ID,
            "ok",
            f"{result.authority} reachable (HTTP {result.http_status})",
            detail=result.detail,
            articles=(ARTICLE,),
        )
    return Finding(
        CHECK_ID,
        "error",
        f"{result.authority} not reachable: {result.cause}",
        detail=result.detail,
        fix=fix_for(result),
        articles=(ARTICLE,),
    )


def fix_for(result: ConnectionResult) -> str:
    host, port = result.host, result.port
    at_proxy = result.failed_at == "proxy"
    if result.cause == "proxy":
        return _proxy_fix(result)
    if result.cause == "tls-untrusted":
        return (
            "A TLS-inspecting proxy or firewall is probably re-signing the traffic. Import its root CA "
            "certificate into the trusted root store of this machine (Windows: Local Computer > Trusted Root "
            f"Certification Authorities), or have {host} exempted from TLS inspection. "
            "Test with: kb check-connection --cafile PROXY-CA.pem"
        )
    if at_proxy:
        where = f"the proxy address in {result.proxy_source}" if result.proxy_source else "the proxy address"
        return (
            f"Check {where} ({result.proxy}): that the name and port are right, that the proxy runs, and that "
            "this machine may connect to it. Test another proxy with: " + TEST_WITH_PROXY
        )
    if result.cause == "dns":
        return (
            f"Make this machine resolve {host}: check its DNS servers (nslookup {host}). If only a web proxy "
            f"reaches the internet here, {PROXY_FOR_LICENSE_SERVICE}. Test with: {TEST_WITH_PROXY}"
        )
    if result.cause == "tls":
        return (
            f"Make sure port {port} on the way to {host} is not redirected to something that does not speak TLS "
            f"(a plain-HTTP service, a captive portal). If a proxy is needed, test with: {TEST_WITH_PROXY}"
        )
    if result.cause == "http":
        return (
            f"Something other than the license service answers on {result.authority}: check the URL and any "
            "port redirection or proxy on the way."
        )
    if result.proxy:  # refused / timeout / reset after the proxy opened the tunnel
        return (
            f"The proxy reaches {host} but the connection fails: ask the proxy administrators to allow "
            f"{host}:{port} (and to exempt it from TLS inspection)."
        )
    return (
        f"Open outbound port {port} (https) to {host} in the firewalls between this machine and the "
        f"internet. If internet access needs a web proxy, {PROXY_FOR_LICENSE_SERVICE}. "
        f"Test through the proxy with: {TEST_WITH_PROXY}"
    )


def _proxy_fix(result: ConnectionResult) -> str:
    if result.http_status != 407:
        return (
            f"Ask the proxy administrators to allow HTTPS tunnels (CONNECT) to {result.authority}, or check "
            "that this is the right proxy."
        )
    schemes = (result.proxy_authenticate or "").lower()
    if schemes and "basic" not in schemes:
        return (
            "The proxy asks for Windows authentication (NTLM/Negotiate), which the license service cannot "
            f"send: ask the proxy administrators to let {result.host} through without authentication, or to "
            "allow Basic authentication for it."
        )
    return (
        "Give the proxy credentials: kb check-connection --proxy http://USER:PASSWORD@PROXY:PORT, and set the "
        "same proxy and credentials in the proxy configuration for Qlik License Service communication."
    )
