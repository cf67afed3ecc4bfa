"""Lint runs off the event loop: one worker thread, newest version wins.

Each change of a document (after a short debounce) starts a run for that version. A
newer change cancels the pending run; a run already in the worker finishes, but its
result is dropped unless its version is still the document's. The worker is a single
thread, so the pipeline never runs twice at once (its caches need no locks) and the
event loop stays free to answer hover, code actions and further changes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from .positions import LineIndex
from .workspace import Linted, Project

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    uri: str
    version: int
    path: str | None
    text: str
    fmt: str


@dataclass(frozen=True)
class Result:
    linted: Linted
    index: LineIndex


class Runner:
    def __init__(self, project: Project, publish: Callable[[str, Result], None]) -> None:
        self.project = project
        self.publish = publish
        self.encoding = "utf-16"
        self.results: dict[str, Result] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lintcare-lint")
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._latest: dict[str, int] = {}  # the newest version of each open document

    def submit(self, job: Job, delay: float) -> None:
        """Lint this version after ``delay`` seconds, cancelling any older pending run."""
        self._latest[job.uri] = job.version
        old = self._tasks.pop(job.uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self._run(job, delay))
        self._tasks[job.uri] = task
        task.add_done_callback(lambda t, uri=job.uri: self._done(uri, t))

    def _done(self, uri: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(uri) is task:
            del self._tasks[uri]
        if not task.cancelled() and task.exception() is not None:
            log.error("publishing diagnostics for %s failed", uri, exc_info=task.exception())

    def close(self, uri: str) -> None:
        self._latest.pop(uri, None)
        self.results.pop(uri, None)
        task = self._tasks.pop(uri, None)
        if task is not None:
            task.cancel()

    def current(self, uri: str, version: int | None) -> Result | None:
        """The result for exactly this version of the document, if it is done."""
        result = self.results.get(uri)
        if result is None or (version is not None and result.linted.version != version):
            return None
        return result

    async def call(self, fn: Callable[[], T]) -> T:
        """Run other pipeline work (fix all) in the same worker, after pending lints."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn)

    async def idle(self) -> None:
        """Wait until no run is pending (for tests and the benchmark)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    def shutdown(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _run(self, job: Job, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        result = await asyncio.get_running_loop().run_in_executor(self._executor, self._work, job)
        if result is not None and self._latest.get(job.uri) == job.version:
            self.results[job.uri] = result
            self.publish(job.uri, result)

    def _work(self, job: Job) -> Result | None:
        """In the worker thread."""
        if self._latest.get(job.uri) != job.version:
            return None  # a newer version was submitted while this one waited
        try:
            linted = self.project.lint(job.version, job.path, job.text, job.fmt)
        except Exception as exc:  # a bug must cost one page's diagnostics, never the server
            log.exception("linting %s failed", job.uri)
            linted = self.project.failed(job.version, job.path, job.text, job.fmt, exc)
        return Result(linted, LineIndex(job.text, self.encoding))
