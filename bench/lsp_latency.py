"""How long after a change do a 2,000-word page's diagnostics arrive? (not a test)

Starts ``lintcare lsp`` over stdio with a real client (pygls), opens a generated
2,000-word Markdown page (the first file: rules load and warm up), then makes one small
edit at a time and measures from sending the change to receiving that version's
diagnostics; then times a hover while a 40,000-word page is linted. The server's
debounce is part of the figure (``--debounce-ms``, default the server's own 100 ms).

    python bench/lsp_latency.py [--words 2000] [--edits 20] [--debounce-ms 100]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import page  # noqa: E402


async def measure(words: int, edits: int, debounce_ms: float) -> list[float]:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            future = waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result(None)

    await client.start_io(sys.executable, "-m", "lintcare", "lsp")
    root = Path(tempfile.mkdtemp(prefix="lsp-latency-"))
    (root / ".git").mkdir()
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
        initialization_options={"debounceMs": debounce_ms}))
    client.initialized(types.InitializedParams())
    text = page(random.Random(3), "markdown", words)
    uri = (root / "page.md").as_uri()
    loop = asyncio.get_running_loop()

    async def until(version: int) -> None:
        waiting[version] = loop.create_future()
        await asyncio.wait_for(waiting[version], 120)

    opened = until(1)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await opened  # the first file: rules load here
    times = []
    for n in range(edits):
        version = n + 2
        text = text.replace("\n\n", f"\n\nEdit {n} is here. ", 1)
        done = until(version)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        await done
        times.append((arrived[version] - sent) * 1000)
        await asyncio.sleep(0.05)
    busy = await hover_while_busy(client, root, uri)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, busy


async def hover_while_busy(client: LanguageClient, root: Path, uri: str) -> float:
    """Milliseconds to answer a hover on the page while a 40,000-word page is being linted."""
    big = (root / "big.md").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=big, language_id="markdown", version=1, text=page(random.Random(5), "markdown", 40_000))))
    await asyncio.sleep(0.2)  # the big page is in the worker now
    sent = time.perf_counter()
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, 0)))
    return (time.perf_counter() - sent) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--debounce-ms", type=float, default=100)
    args = parser.parse_args()
    times, busy = asyncio.run(measure(args.words, args.edits, args.debounce_ms))
    ordered = sorted(times)
    print(f"{args.words}-word Markdown page, {len(times)} edits, debounce {args.debounce_ms:g} ms: "
          f"change → diagnostics median {statistics.median(times):.0f} ms, "
          f"p90 {ordered[int(len(ordered) * 0.9) - 1]:.0f} ms, max {ordered[-1]:.0f} ms")
    print(f"hover answered in {busy:.0f} ms while a 40,000-word page was being linted")


if __name__ == "__main__":
    main()
