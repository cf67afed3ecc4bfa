"""Helpers for the language-server tests: a real client talking to ``lintcare lsp`` over stdio."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parents[1]
# The worktree's own package, as the test run uses it (the installed one may be another checkout).
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lintcare", "lsp"], server_env=ENV)
WAIT = 60  # seconds: a busy machine loads the rules slowly on the first page


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    return types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True)),
    )


async def start(root: Path, encodings: list[str] | None = None, debounce_ms: int = 20) -> LanguageClient:
    client = await SERVER.start()
    client.watchers = []  # glob patterns the server asked the editor to watch

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        for registration in params.registrations:
            options = registration.register_options
            watchers = options.get("watchers", []) if isinstance(options, dict) else options.watchers
            client.watchers.extend(w["globPattern"] if isinstance(w, dict) else w.glob_pattern
                                   for w in watchers)

    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(encodings), root_uri=root.as_uri(),
        initialization_options={"debounceMs": debounce_ms}))
    return client


async def stop(client: LanguageClient) -> None:
    await client.shutdown_session()
    await client.stop()


async def diagnostics(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for this version of the document."""
    while True:
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT)
        if params.uri == uri and params.version == version:
            return params.diagnostics


def open_page(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def offset(text: str, position: types.Position) -> int:
    """A UTF-16 position as a character offset (the client's side of the conversion)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[:position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, char in enumerate(line):
        if units >= position.character:
            return start + i
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line)


def apply(text: str, edit: types.WorkspaceEdit) -> str:
    """Apply a workspace edit's text edits to one document, as an editor would."""
    edits = [e for change in edit.document_changes or [] for e in change.edits]
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def actions(client: LanguageClient, uri: str, rng: types.Range, diagnostics: list[types.Diagnostic],
                  only: list[str] | None = None) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
        context=types.CodeActionContext(diagnostics=diagnostics, only=only)))
    return [a for a in result or [] if isinstance(a, types.CodeAction)]
