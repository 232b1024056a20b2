"""Requests the server makes to addresses others chose (webhooks): only to public internet addresses.

An address is checked in every spelling (decimal, hex, octal and short IPv4, IPv6, IPv4-mapped, 6to4, Teredo,
NAT64, trailing dots, names that resolve there) when an endpoint is registered, and again when connecting:
`GuardedTransport` resolves the name itself, checks every address and connects to the checked one with the
original Host header and TLS server name, so a name that later resolves elsewhere (DNS rebinding) fails.
"""

import ipaddress
import socket
from collections.abc import Callable

import httpx

from api.core.config import get_settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_INTERNAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet")


class ForbiddenAddress(httpx.TransportError):
    """The endpoint is (or now resolves to) an address the server must not call."""


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the operating system would connect to for `host` (empty when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _embedded(address: IPAddress) -> list[IPAddress]:
    """The address and every IPv4 address hidden inside an IPv6 one."""
    found: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            found.append(address.ipv4_mapped)
        if address.sixtofour is not None:
            found.append(address.sixtofour)
        if address.teredo is not None:
            found.extend(address.teredo)
        if address in _NAT64:
            found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def allowed(address: IPAddress) -> bool:
    """A public unicast address (loopback only with BONDGENOOT_WEBHOOK_ALLOW_LOOPBACK, never production)."""
    loopback_ok = get_settings().webhook_allow_loopback
    for candidate in _embedded(address):
        if candidate.is_loopback and loopback_ok:
            continue
        if (
            not candidate.is_global
            or candidate.is_private
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_multicast
            or candidate.is_reserved
            or candidate.is_unspecified
        ):
            return False
    return True


def literal_address(host: str) -> IPAddress | None:
    """`host` as an IP address in any spelling the C resolver accepts (0x7f.1, 2130706433 …), else None."""
    bare = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(
            socket.inet_aton(bare)
        )  # the legacy forms inet_aton (and connect) accept
    except (OSError, ValueError):
        return None


def public_addresses(host: str, port: int, resolve: Resolver | None = None) -> list[str]:
    """The addresses to connect to for `host`; ForbiddenAddress when any of them is not public."""
    name = host.lower().rstrip(".")
    literal = literal_address(name)
    if literal is not None:
        candidates: list[IPAddress] = [literal]
    else:
        local_ok = name == "localhost" and get_settings().webhook_allow_loopback
        internal = name.endswith(_INTERNAL_NAMES) or name in {n.lstrip(".") for n in _INTERNAL_NAMES}
        if name == "" or (internal and not local_ok):
            raise ForbiddenAddress("internal name")
        found = (resolve or system_resolve)(name, port)
        candidates = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
    if any(not allowed(candidate) for candidate in candidates):
        raise ForbiddenAddress("not a public address")
    return [str(candidate) for candidate in candidates]


class GuardedTransport(httpx.BaseTransport):
    """Resolve, check and connect to the checked address, keeping Host and SNI; no redirects are followed."""

    def __init__(self, inner: httpx.BaseTransport | None = None, resolve: Resolver | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport(retries=0)
        self.resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        addresses = public_addresses(host, port, self.resolve)
        if not addresses:
            raise ForbiddenAddress("the name does not resolve")
        request.url = request.url.copy_with(host=addresses[0])
        request.extensions = {**request.extensions, "sni_hostname": host.rstrip(".")}
        request.headers["host"] = request.headers.get("host") or host
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
