"""Which Host headers and Origins the server answers (DNS rebinding, CORS).

A page on evil.example can make the browser resolve evil.example to 127.0.0.1 and then
read a server on the laptop as if it were same-origin: only the Host header tells.
So the server answers only the names it listens on (for a loopback bind: localhost,
127.0.0.1 and [::1]), IP literals when it listens on every address (an IP cannot be
rebound), and names given with ``--allow-host``. Browsers send Origin with
cross-origin requests: one that is neither this server nor a ``--cors`` origin is
refused, so a page elsewhere cannot even make the server work for it.

>>> policy = HostPolicy.for_bind("127.0.0.1", 7800)
>>> policy.allows_host("localhost:7800"), policy.allows_host("evil.example:7800")
(True, False)
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_host(header: str) -> tuple[str, int | None] | None:
    """``name[:port]`` or ``[v6][:port]`` as (lower-case name, port); None if malformed."""
    header = header.strip().lower()
    if header.startswith("["):
        name, bracket, rest = header[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    else:
        name, colon, port_text = header.partition(":")
        port_text = port_text if colon else None
    name = name.rstrip(".")
    if not name or any(c in name for c in "/@ \\\t"):
        return None
    if port_text is None:
        return name, None
    if not port_text.isascii() or not port_text.isdigit() or len(port_text) > 5:
        return None
    return name, int(port_text)


# What a browser sends as a Host name: letters, digits, dots, hyphens, underscores (an
# international name travels as punycode), or an IP address.
_HOST_NAME = re.compile(r"(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|[0-9a-f:.]+)\Z")
_ORIGIN = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?\Z"
)


def option_problem(allow_hosts: tuple[str, ...], cors: tuple[str, ...]) -> str | None:
    """Why an ``--allow-host`` or ``--cors`` value can never match a request, or None.

    A browser sends ``Origin: https://app.example`` (scheme, host, port; no path) and
    ``Host: name[:port]``: a value of another shape would be accepted and never match.

    >>> option_problem(("myhost.lan",), ("https://app.example:8443", "*")) is None
    True
    >>> option_problem((), ("app.example",))[:41]
    "--cors 'app.example' is not a web origin:"
    """
    for name in allow_hosts:
        parsed = split_host(name)
        if parsed is None or parsed[1] is not None or not _HOST_NAME.match(parsed[0]):
            return (
                f"--allow-host {name!r} is not a host name: write the name alone, "
                "e.g. myhost.lan (no scheme, port or path)"
            )
    for origin in cors:
        if origin != "*" and not _ORIGIN.match(origin.rstrip("/").lower()):
            return (
                f"--cors {origin!r} is not a web origin: write scheme://host[:port], "
                "e.g. https://app.example, or *"
            )
    return None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class HostPolicy:
    names: frozenset[str]
    port: int
    any_ip: bool  # listening on every address: any IP literal is fine
    cors: frozenset[str] = frozenset()

    @classmethod
    def for_bind(
        cls, host: str, port: int, extra: tuple[str, ...] = (), cors: tuple[str, ...] = ()
    ) -> HostPolicy:
        names = {host.lower().strip("[]"), *(name.lower().rstrip(".") for name in extra)}
        if is_loopback(host):
            names |= LOOPBACK_NAMES
        any_ip = host in WILDCARDS
        if any_ip:
            names.add(socket.gethostname().lower())
        origins = frozenset(origin.rstrip("/").lower() for origin in cors)  # as browsers send
        return cls(frozenset(names - {""}), port, any_ip, origins)

    def allows_host(self, header: str | None) -> bool:
        parsed = split_host(header) if header else None
        if parsed is None:
            return False
        name, port = parsed
        if port is not None and port != self.port:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))

    def origin_allowed(self, origin: str, host_header: str) -> bool:
        """Same origin as the page (http://HOST), or one of the ``--cors`` origins."""
        origin = origin.rstrip("/")
        return origin == f"http://{host_header.strip().lower()}" or (
            "*" in self.cors or origin in self.cors
        )

    def cors_origin(self, origin: str | None) -> str | None:
        """The Access-Control-Allow-Origin value for a request, or None (no header)."""
        if not origin or not self.cors:
            return None
        if origin.rstrip("/") in self.cors:
            return origin.rstrip("/")
        return "*" if "*" in self.cors else None
