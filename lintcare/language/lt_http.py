"""One HTTP request with a hard deadline and a size cap: lintcare's only network call.

A socket timeout bounds each read, not the request: a server that sends a byte now and
then would keep a run going for ever, and a huge answer would fill memory. Here a
watchdog shuts the socket down when the request's time is up (connecting, sending, the
headers and the body all count), the answer is read in pieces and refused past
``MAX_ANSWER_BYTES``, and there is exactly one attempt, so the time a failure costs is
the time its message states.

A run's LanguageTool time is bounded too: ``Budget.window`` gives each request the smaller
of its own timeout and what is left of the run's deadline.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# LanguageTool's answer to one batch (BATCH_CHARS of text) is far below this.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
_PIECE = 64 * 1024


class RequestFailed(Exception):
    """The request failed; the message is a one-line reason."""


class TimedOut(RequestFailed):
    """The request's deadline passed (``seconds`` is the time it was given)."""

    def __init__(self, seconds: float, why: str = "") -> None:
        super().__init__(f"no answer within {max(round(seconds, 1), 0.1):g} s{why}")
        self.seconds = seconds


@dataclass
class Budget:
    """A run's LanguageTool time: each request gets its own seconds, capped by what is left."""

    per_run: float
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.per_run

    def window(self, per_request: float) -> tuple[float, str]:
        """Seconds the next request may take, and why it is shorter than per_request."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RequestFailed(f"the run's LanguageTool time ({self.per_run:g} s) is used up")
        if left < per_request:
            return left, f" (the rest of the run's {self.per_run:g} s)"
        return per_request, ""


def request_json(url: str, params: Mapping[str, str] | None, method: str, per_request: float,
                 budget: Budget, max_bytes: int = MAX_ANSWER_BYTES) -> Any:
    """The JSON answer to one request; RequestFailed with a one-line reason otherwise."""
    seconds, why = budget.window(per_request)
    status, body = fetch(url, params, method, seconds, max_bytes, why)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        text = " ".join(body[:300].decode("utf-8", "replace").split())
        text = text if len(text) <= 100 else text[:97] + "..."
        if status == 426:
            raise RequestFailed("the server's rate limit is exceeded (HTTP 426)") from None
        raise RequestFailed(f"the server's answer is not LanguageTool JSON ({text or 'empty answer'})"
                            ) from None


def fetch(url: str, params: Mapping[str, str] | None, method: str, seconds: float,
          max_bytes: int = MAX_ANSWER_BYTES, why: str = "") -> tuple[int, bytes]:
    """Status and body of one request that ends within ``seconds``, whatever the server does."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RequestFailed(f"not an http(s) URL: {url}")
    query = urllib.parse.urlencode(params or {})
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    body = None
    if method.lower() == "post":
        body = query.encode()
    elif query:
        target += ("&" if parts.query else "?") + query
    conn, target = _connection(parts, target, seconds)
    watchdog = _Watchdog(conn, seconds)
    try:
        conn.connect()
        watchdog.arm(conn.sock)
        headers = {"Accept": "application/json", "User-Agent": "lintcare"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method.upper(), target, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, _read_capped(response, max_bytes, watchdog)
    except (OSError, http.client.HTTPException) as exc:
        watchdog.check(why)
        if isinstance(exc, TimeoutError):  # a socket timeout: the same time, seen first
            raise TimedOut(seconds, why) from None
        raise RequestFailed(_reason(exc, parts.hostname)) from None
    finally:
        watchdog.stop()
        conn.close()


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, watchdog: _Watchdog) -> bytes:
    declared = response.getheader("Content-Length") or ""
    if declared.strip().isdigit() and int(declared) > max_bytes:
        raise RequestFailed(_too_large(max_bytes))
    pieces: list[bytes] = []
    size = 0
    while piece := response.read1(_PIECE):  # what has arrived, not a full 64 KB
        size += len(piece)
        if size > max_bytes:
            raise RequestFailed(_too_large(max_bytes))
        pieces.append(piece)
    watchdog.check()  # a shut-down socket ends the loop like a finished answer
    return b"".join(pieces)


def _too_large(max_bytes: int) -> str:
    return f"the server's answer is larger than {max_bytes // (1024 * 1024)} MB; refused"


class _Watchdog:
    """Shuts the connection's socket down when the request's time is up."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.sock: socket.socket | None = None
        self.seconds = seconds
        self.fired = threading.Event()
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def arm(self, sock: socket.socket | None) -> None:
        """Keep the socket: the connection lets go of it once a closing answer starts."""
        self.sock = sock
        if self.fired.is_set():
            self._fire()
        self.check()

    def _fire(self) -> None:
        self.fired.set()
        sock = self.sock or self.conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # wakes a read blocked in the other thread
                sock.shutdown(socket.SHUT_RDWR)

    def check(self, why: str = "") -> None:
        if self.fired.is_set():
            raise TimedOut(self.seconds, why)

    def stop(self) -> None:
        self.timer.cancel()


def _connection(parts: urllib.parse.SplitResult, target: str, seconds: float
                ) -> tuple[http.client.HTTPConnection, str]:
    """A connection to the server or to the proxy the environment names, and the target."""
    https = parts.scheme == "https"
    cls = http.client.HTTPSConnection if https else http.client.HTTPConnection
    host, port = parts.hostname or "", parts.port
    proxy = None if urllib.request.proxy_bypass(host) else urllib.request.getproxies().get(parts.scheme)
    if not proxy:
        return cls(host, port, timeout=seconds), target
    p = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if https:  # a tunnel through the proxy
        conn = http.client.HTTPSConnection(p.hostname or "", p.port, timeout=seconds)
        conn.set_tunnel(host, port)
        return conn, target
    return http.client.HTTPConnection(p.hostname or "", p.port, timeout=seconds), \
        f"{parts.scheme}://{parts.netloc}{target}"


def _reason(exc: BaseException, host: str) -> str:
    text = str(exc)
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host name {host}"
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to {host} (connection refused)"
    if isinstance(exc, http.client.HTTPException):
        return f"bad answer from the server ({type(exc).__name__})"
    return f"cannot connect to {host}" + (f" ({' '.join(text.split())[:100]})" if text else "")


__all__ = ["MAX_ANSWER_BYTES", "Budget", "RequestFailed", "TimedOut", "fetch", "request_json"]
