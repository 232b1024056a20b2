"""ASGI middleware: body size limit, security headers and a request log without personal data."""

import logging
import time
import traceback
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.errors import problem

log = logging.getLogger("bondgenoot.requests")

# The web app loads only its own files: no inline script, no third-party origin, never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (
        b"permissions-policy",
        b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class BodyLimitMiddleware:
    """Refuse bodies above `max_bytes` with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(413, f"The request body is larger than {self.max_bytes} bytes.")
        await response(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised while the body streams in (chunked, no Content-Length); an HTTPException so that a framework
    reading the body passes it on as a 413 instead of calling it a parse error (400)."""

    def __init__(self) -> None:
        super().__init__(413, "The request body is too large / het verzoek is te groot.")


def printable(text: str) -> str:
    """`text` with control characters escaped, so a request cannot write its own log lines."""
    return "".join(c if c.isprintable() and c != "\\" else c.encode("unicode_escape").decode() for c in text)


def route_of(scope: Scope) -> str:
    """The path with its parameters named (/api/v1/families/{family_id}), never the values a client typed."""
    if scope.get("route") is None:
        return "(no route)"
    path = str(scope["path"])
    params: dict[str, Any] = scope.get("path_params") or {}
    for name, value in params.items():
        path = path.replace(f"/{value}", f"/{{{name}}}", 1)
    return printable(path)


def sanitized_traceback(exc: BaseException) -> str:
    """Where it failed and the exception types, without messages (they can echo SQL, names and values)."""
    lines: list[str] = []
    current: BaseException | None = exc
    while current is not None:
        lines.append("".join(traceback.format_tb(current.__traceback__)))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__} (message withheld)")
        current = current.__cause__ or current.__context__
    return "\n".join(reversed(lines))


class RequestLogMiddleware:
    """Security headers on every answer; log method, route, status and duration (no path values, query
    strings or exception messages, which may hold names or search text)."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False, csp_exempt: tuple[str, ...] = ()) -> None:
        self.app = app
        self.headers = [*SECURITY_HEADERS, *([HSTS] if hsts else [])]
        self.csp_exempt = csp_exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message.setdefault("headers", [])
                present = {name for name, _ in message["headers"]}
                if scope["path"] in self.csp_exempt:
                    present.add(b"content-security-policy")
                message["headers"] += [h for h in self.headers if h[0] not in present]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Handled here, not by the server: its traceback would print the exception's message.
            log.error(
                "unhandled error in %s %s\n%s",
                printable(scope["method"]),
                route_of(scope),
                sanitized_traceback(exc),
            )
            if not response_started:
                await problem(500, "Something went wrong on our side; nothing was saved.")(
                    scope, receive, send_with_headers
                )
        finally:
            log.info(
                "%s %s %s %.1fms",
                printable(scope["method"]),
                route_of(scope),
                status,
                (time.perf_counter() - started) * 1000,
            )
