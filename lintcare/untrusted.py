"""Reading YAML that anyone can write: a repository's ``.lintcare.yaml`` or a team's rule
file arrives with a pull request, and CI reads it without asking.

One place, with budgets, so that no such file can take the run down:

* a size limit on the text;
* the pure-Python safe loader, whose recursion fails cleanly where libyaml's C composer
  crashes the process on a few thousand nested brackets;
* keys given once per mapping (a repeated key silently replaces the first value);
* a budget on what aliases expand to (a "billion laughs" file is a few hundred bytes
  that expand to a hundred million values; every later walk over it, even printing it
  in an error message, would pay for all of them).

Problems come back as ``UntrustedYAMLError`` with a one-line reason; YAML syntax errors
keep their line.
"""

from __future__ import annotations

from typing import Any

MAX_BYTES = 4 * 1024 * 1024
MAX_VALUES = 200_000  # values after expanding aliases


class UntrustedYAMLError(Exception):
    """The file cannot be used; the message is one line, without the file name."""


def load_yaml(text: str) -> Any:
    """The document in ``text``, parsed safely within the budgets."""
    if len(text) > MAX_BYTES:
        raise UntrustedYAMLError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    import yaml  # imported here: a run whose files all come from the cache reads no YAML

    try:
        # The reader refuses control characters as soon as it is made: inside the try.
        loader = yaml.SafeLoader(text)
    except yaml.YAMLError as exc:
        raise UntrustedYAMLError(syntax_error(exc)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    except RecursionError:
        raise UntrustedYAMLError("nested too deeply") from None
    except yaml.YAMLError as exc:
        raise UntrustedYAMLError(syntax_error(exc)) from None
    finally:
        loader.dispose()


def syntax_error(exc: Exception) -> str:
    """'YAML syntax error at line N: problem' for a parser error."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"YAML syntax error{where}: {problem}"


def _check_expansion(root: Any) -> None:
    """Count the values the node graph stands for once aliases are expanded, without
    expanding them: each node's count is computed once (iteratively, bottom-up)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # nodes whose children are still being counted
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if not children_done and id(node) in open_nodes:
            # Reached again from inside itself ("&a [*a]"): it would expand forever, and
            # counting it went round without end, filling memory.
            raise UntrustedYAMLError("an alias refers to the value that holds it; write the values out")
        children = _children(node)
        if not children_done:
            _check_unique_keys(node)
        if children_done or not children:
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            open_nodes.discard(id(node))
            if sizes[id(node)] > MAX_VALUES:
                raise UntrustedYAMLError(
                    f"its aliases expand to more than {MAX_VALUES:,} values; write the values out")
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


def _check_unique_keys(node: Any) -> None:
    """A key given twice in one mapping: YAML keeps the later value without a word, so a
    rule's first ``pattern`` or ``page_kinds`` would vanish unseen."""
    value = node.value
    if not (isinstance(value, list) and value and isinstance(value[0], tuple)):
        return
    seen: set[str] = set()
    for key, _ in value:
        name = key.value if isinstance(key.value, str) else None
        if name is None or name == "<<":
            continue
        if name in seen:
            line = key.start_mark.line + 1
            raise UntrustedYAMLError(f"line {line}: key '{name[:40]}' is given twice in one mapping")
        seen.add(name)


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []  # a scalar
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) node pairs
        return [n for pair in value for n in pair]
    return value
