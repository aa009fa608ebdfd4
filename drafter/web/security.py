"""What keeps a local web page from being used by another site: Host check, CSRF token, strict headers.

The server has no login, so it listens on 127.0.0.1 by default. A page elsewhere could still post
to it from the user's browser (CSRF) or reach it under its own name (DNS rebinding): every post must
carry the token only our pages hold, and a request under any other Host name is refused.
"""

from __future__ import annotations

import contextlib
import hmac
import secrets

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; frame-src 'self'")
# The redline reports are drafter's self-contained HTML pages: inline CSS, never a script.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make the browser send "Origin: null" on form posts
    "X-Frame-Options": "SAMEORIGIN",
    "Cache-Control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


class GuardMiddleware:
    """Refuses a foreign Host (421-like 400), adds the security headers to every response."""

    def __init__(self, app, allowed_hosts: set[str]):
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = Headers(scope=scope).get("host", "").lower()
        if host not in self.allowed_hosts:
            response = PlainTextResponse(
                "Okänd värd (Host). drafter svarar bara på den adress den startades med, t.ex. http://127.0.0.1:8000.",
                status_code=400)
            return await self._with_headers(response)(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.encode(), value.encode()))
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    def _with_headers(response):
        for name, value in HEADERS.items():
            response.headers[name] = value
        response.headers["Content-Security-Policy"] = CSP
        return response


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host names the page answers to: the address it listens on (and this computer's own names)."""
    names = {host, f"{host}:{port}", f"[{host}]:{port}"}
    local = host in ("127.0.0.1", "localhost", "::1")
    if local or host in ("0.0.0.0", "::"):
        names |= {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
    if host in ("0.0.0.0", "::"):  # every address of this computer: its name and the addresses it resolves to
        import socket

        for name in {socket.gethostname(), socket.getfqdn()}:
            names.add(f"{name}:{port}")
            with contextlib.suppress(OSError):
                names |= {f"{a}:{port}" for a in socket.gethostbyname_ex(name)[2]}
    return {n.lower() for n in names}
