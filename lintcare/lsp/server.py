"""The language server: documents in, diagnostics, code actions and hover out.

Documents are synchronised in full (the client sends the whole text on each change), so
the text linted is exactly the editor's. Markdown, HTML and plain text are linted on
open and save at once, and on change after a short debounce.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..config import CONFIG_FILES, PYPROJECT
from . import actions
from .diagnostics import SOURCE, diagnostics, explanation, reference_url
from .positions import encoding_name
from .runner import Job, Result, Runner
from .workspace import Project, document_format

log = logging.getLogger(__name__)
DEBOUNCE = 0.1  # seconds of quiet typing before a changed page is linted
# Files whose change means settings must be read again: configurations and rule files.
WATCHED = ("**/.lintcare.yaml", "**/.lintcare.yml", f"**/{PYPROJECT}", "**/*.yaml", "**/*.yml")
_SETTINGS_SUFFIXES = (".yaml", ".yml")


def _path(uri: str) -> str | None:
    return to_fs_path(uri) if uri.startswith("file:") else None


def _is_settings(uri: str) -> bool:
    name = PurePath(uri).name
    return name in CONFIG_FILES or name == PYPROJECT or name.endswith(_SETTINGS_SUFFIXES)


class LintcareServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("lintcare", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.project = Project()
        self.runner = Runner(self.project, self._publish)
        self.reference = reference_url()
        self.debounce = DEBOUNCE

    def _publish(self, uri: str, result: Result) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=result.linted.version,
            diagnostics=diagnostics(result.linted, result.index, self.reference)))

    def schedule(self, uri: str, delay: float) -> None:
        doc = self.workspace.get_text_document(uri)
        path = _path(uri)
        fmt = document_format(path, doc.language_id)
        if fmt is None:
            return  # not a page lintcare reads (a config file, source code)
        self.runner.submit(Job(uri, doc.version or 0, path, doc.source, fmt), delay)

    def relint_all(self) -> None:
        """Settings changed: every open page again, at once."""
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


server = LintcareServer()


@server.feature(types.INITIALIZE)
def initialize(ls: LintcareServer, params: types.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    ls.reference = reference_url(options.get("rulesUrl"))
    # pygls has chosen the encoding (the client's first offer it knows, else UTF-16) by now.
    ls.runner.encoding = encoding_name(ls.workspace.position_encoding)
    if isinstance(options.get("debounceMs"), (int, float)):
        ls.debounce = max(0.0, options["debounceMs"] / 1000)


@server.feature(types.INITIALIZED)
async def initialized(ls: LintcareServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
        registration = types.Registration(id="lintcare-settings", register_options=options,
                                          method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception:  # a client that refuses still gets settings re-read on save
            log.warning("the client did not accept the file watcher")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: LintcareServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: LintcareServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: LintcareServer, params: types.DidSaveTextDocumentParams) -> None:
    if _is_settings(params.text_document.uri):
        ls.project.forget()
        ls.relint_all()
    else:  # the page's settings are looked up again (a changed config file is re-read)
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: LintcareServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.runner.close(uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched(ls: LintcareServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(_is_settings(change.uri) for change in params.changes):
        ls.project.forget()
        ls.relint_all()


def _current(ls: LintcareServer, uri: str) -> Result | None:
    doc = ls.workspace.text_documents.get(uri)
    return ls.runner.current(uri, doc.version if doc is not None else None) if doc else None


def _chosen(result: Result, params: types.CodeActionParams) -> list[tuple[int, types.Diagnostic | None]]:
    """The findings the request is about: its diagnostics, and those under its range."""
    version = result.linted.version
    chosen: dict[int, types.Diagnostic | None] = {}
    for diagnostic in params.context.diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        if diagnostic.source == SOURCE and data.get("version") == version:
            number = data.get("finding")
            if isinstance(number, int) and 0 <= number < len(result.linted.findings):
                chosen[number] = diagnostic
    start, end = result.index.offset(params.range.start), result.index.offset(params.range.end)
    for number, finding in enumerate(result.linted.findings):
        document = finding.scope == "document" and params.range.start.line == 0
        if document or (finding.start <= end and start <= finding.end):
            chosen.setdefault(number, None)
    return sorted(chosen.items())


def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
async def code_action(ls: LintcareServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    result = _current(ls, uri)
    if result is None:
        return []
    linted, index = result.linted, result.index
    only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
    out: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix.value, only):
        for number, diagnostic in _chosen(result, params):
            finding = linted.findings[number]
            fix = actions.quick_fix(uri, finding, diagnostic, linted, index)
            if fix is not None:
                out.append(fix)
        for number, diagnostic in _chosen(result, params):
            suppress = actions.suppression(uri, linted.findings[number], diagnostic, linted, index)
            if suppress is not None:
                out.append(suppress)
    if _wanted(types.CodeActionKind.SourceFixAll.value, only) and linted.settings.ruleset is not None:
        await ls.runner.call(linted.fixed_safe)  # the fix passes run in the worker, not here
        fix_all = actions.fix_all(uri, linted, index)
        if fix_all is not None:
            out.append(fix_all)
    return out


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: LintcareServer, params: types.HoverParams) -> types.Hover | None:
    result = _current(ls, params.text_document.uri)
    if result is None:
        return None
    at = result.index.offset(params.position)
    rules: list[str] = []
    for finding in result.linted.findings:
        document = finding.scope == "document" and params.position.line == 0
        under = document or finding.start <= at < max(finding.end, finding.start + 1)
        if under and finding.rule not in rules:
            rules.append(finding.rule)
    texts = [t for t in (explanation(r, result.linted, ls.reference) for r in rules) if t]
    if not texts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value="\n\n---\n\n".join(texts)))


@server.feature(types.SHUTDOWN)
def shutdown(ls: LintcareServer, params: None) -> None:
    ls.runner.shutdown()
