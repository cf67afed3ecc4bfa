"""A stand-in LanguageTool server on 127.0.0.1 for the tests.

It answers ``GET /v2/languages`` and ``POST /v2/check`` in the format of LanguageTool's
HTTP API (https://languagetool.org/http-api/, ``CheckResults`` and ``Language``), so the
real language_tool_python client parses its answers. Its "grammar" is a list of
phrases: each occurrence in the text sent becomes a match, with the offset and length
counted in UTF-16 code units as LanguageTool counts them.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


@dataclass(frozen=True)
class FakeRule:
    phrase: str  # text to match
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()
    within: int = 0  # flag only phrase[within:] (0: the whole phrase)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def match_json(text: str, start: int, end: int, rule: FakeRule) -> dict:
    """One match as LanguageTool 6.x returns it."""
    context_start = max(0, start - 40)
    context = text[context_start:end + 40].replace("\n", " ")
    return {
        "message": rule.message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in rule.replacements],
        "offset": utf16_len(text[:start]),
        "length": utf16_len(text[start:end]),
        "context": {"text": context, "offset": utf16_len(text[context_start:start]),
                    "length": utf16_len(text[start:end])},
        "sentence": text[text.rfind("\n", 0, start) + 1:end],
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule.rule_id,
            "subId": "1",
            "sourceFile": "grammar.xml",
            "description": rule.message,
            "issueType": rule.issue_type,
            "category": {"id": rule.category, "name": rule.category.title()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 1,
    }


def check_json(text: str, language: str, rules: list[FakeRule], disabled: set[str]) -> dict:
    matches = []
    for rule in rules:
        if rule.rule_id in disabled:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(rule.phrase)}(?!\w)", text):
            start = m.start() + rule.within
            matches.append((start, match_json(text, start, m.end(), rule)))
    return {
        "software": {"name": "LanguageTool", "version": "6.6", "buildDate": "2025-03-27 10:14:07 +0000",
                     "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": language,
                     "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.98,
                                          "source": "ngram"}},
        "matches": [m for _, m in sorted(matches, key=lambda x: x[0])],
        "sentenceRanges": [[0, utf16_len(text)]],
    }


class FakeLanguageTool:
    """Runs the server in a thread; ``mode`` picks how /v2/check answers."""

    def __init__(self, rules: list[FakeRule]) -> None:
        self.rules = rules
        # ok | error500 | malformed | slow | no-matches-key | trickle | trickle-headers
        # | huge | huge-declared
        self.mode = "ok"
        self.requests: list[dict[str, str]] = []
        self.release = threading.Event()  # ends a "slow" answer early at shutdown
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _hostile(self, mode: str) -> None:
                """Answers meant to keep a client busy or fill its memory."""
                if mode == "trickle-headers":  # one byte of the headers every 0.1 s
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: "
                    self.wfile.write(head)
                    while not server.release.wait(0.1):
                        self.wfile.write(b"a")
                        self.wfile.flush()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if mode == "huge-declared":
                    self.send_header("Content-Length", str(600 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b'{"matches": [')
                if mode == "trickle":  # a space every 0.1 s: each read gets something
                    while not server.release.wait(0.1):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    return
                piece = b" " * 65536  # huge: 600 MB of blank JSON unless the client stops
                for _ in range(600 * 16):
                    self.wfile.write(piece)

            def do_GET(self) -> None:
                if self.path.startswith("/v2/languages"):
                    self._send(200, json.dumps(LANGUAGES).encode())
                else:
                    self._send(404, b"Error: unknown path", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if not self.path.startswith("/v2/check"):
                    self._send(404, b"Error: unknown path", "text/plain")
                    return
                server.requests.append(form)
                if server.mode == "slow":
                    server.release.wait(10)
                    return
                if server.mode.startswith(("trickle", "huge")):
                    with contextlib.suppress(OSError):  # the client hangs up: expected
                        self._hostile(server.mode)
                    return
                if server.mode == "error500":
                    self._send(500, b"Error: Internal Error: java.lang.OutOfMemoryError: Java heap space",
                               "text/plain")
                    return
                if server.mode == "malformed":
                    self._send(200, b'{"software": {"name": "LanguageTool"}, "matches": [')
                    return
                disabled = set(filter(None, form.get("disabledRules", "").split(",")))
                answer = check_json(form.get("text", ""), form.get("language", ""), server.rules, disabled)
                if server.mode == "no-matches-key":
                    del answer["matches"]
                self._send(200, json.dumps(answer).encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
