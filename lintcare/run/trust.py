"""What makes a result-cache row trustworthy: a keyed MAC, and a digest of lintcare itself.

The cache folder (``.lintcare-cache``) sits in the working tree, where anyone who can
write to the project can write to it too, and a checksum anyone can recompute proves
nothing. So each row carries an HMAC-SHA256 made with a per-user secret key kept
*outside* the cache folder, in the user's cache home (``$LINTCARE_CACHE_DIR``, else
``$XDG_CACHE_HOME/lintcare``, else ``~/.cache/lintcare``), readable by its owner only. A
row that another user, a pull request or a copied cache folder put there does not verify
and is linted again. A per-user cache folder with safe permissions would not help: the
folder is the project's, shared through the working tree.

Rows are also keyed on lintcare's own code and data (``code_digest``): editing the
lexicon, rules.yaml or any module within one version makes every row a miss.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import stat
import tempfile
from pathlib import Path

KEY_FILE = "result-cache.key"
KEY_BYTES = 32
PACKAGE = Path(__file__).resolve().parent.parent  # the lintcare package


class CacheKeyError(Exception):
    """The secret key cannot be kept safely; the message is one line for a note."""


def user_cache_dir() -> Path:
    """The user's own cache home for lintcare (never a project's folder)."""
    if os.environ.get("LINTCARE_CACHE_DIR"):
        return Path(os.environ["LINTCARE_CACHE_DIR"])
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no home folder: a cache there cannot be read
        base = Path(tempfile.gettempdir()) / f"lintcare-{_uid()}"
    return Path(base) / "lintcare"


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _private(st: os.stat_result, writable_by_others: int) -> bool:
    """Owned by this user and not open to others in ``writable_by_others``'s bits."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the profile folder is private
        return True
    return st.st_uid == os.getuid() and not st.st_mode & writable_by_others


def _read_key(path: Path) -> bytes | None:
    """The key, when the file is a private regular file of the right size."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if os.path.islink(path):
            return None  # a link is never trusted: replaced below
        raise CacheKeyError(f"cannot read {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        data = f.read(KEY_BYTES + 1)
    ok = stat.S_ISREG(st.st_mode) and _private(st, 0o077) and len(data) == KEY_BYTES
    return data if ok else None


def _new_key(path: Path, replace: bool) -> None:
    """Write a fresh key atomically; ``replace`` when an unusable file is in the way."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(KEY_BYTES))
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails when another process made one first: theirs is kept
    except FileExistsError:
        pass
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def load_key(folder: Path) -> bytes:
    """This user's key in ``folder``, made on first use (0600, in a folder others cannot write)."""
    path = folder / KEY_FILE
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder.stat(), 0o022):
            raise CacheKeyError(f"{folder}: writable by other users; the cache key cannot be kept there")
        for _ in range(3):
            key = _read_key(path)
            if key is not None:
                return key
            _new_key(path, replace=os.path.lexists(path))
    except OSError as exc:
        raise CacheKeyError(f"cannot keep the cache key in {folder}: {exc.strerror or exc}") from None
    raise CacheKeyError(f"{path}: the cache key keeps changing")  # pragma: no cover - a racing writer


@functools.cache
def secret() -> bytes:
    """The key for this process (and its forked workers), read once."""
    return load_key(user_cache_dir())


def mac(key: bytes, *parts: bytes) -> str:
    """HMAC-SHA256 of the parts, each length-prefixed so no two splits collide."""
    h = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of every file of the lintcare package (code, lexicon, schemas), once a process.

    rules.yaml is outside the package in a source checkout; the cache key covers its bytes.
    """
    return tree_digest(PACKAGE)


def tree_digest(folder: Path) -> str:
    """A digest of the path, size and modification time of every file under ``folder``.

    Not of the bytes: a stat of the package's hundred-odd files costs about two
    milliseconds, reading them several times that. An edit that keeps both the size and
    the time to the nanosecond would go unseen; an edit, a checkout or an install changes
    the time.
    """
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, folder)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode(
                "utf-8", "surrogateescape"))
    return h.hexdigest()
