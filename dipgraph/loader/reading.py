"""Reading one fact file into YAML nodes that remember their line and column.

Only composition is used (no construction from tags), so no YAML input can
create Python objects. Anchors and aliases are refused here: composing shares
the aliased node instead of copying it, and the scan below stops at the first
node seen twice, so a "billion laughs" file costs no more than its own size.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import yaml

from dipgraph.errors import InputError
from dipgraph.loader.characters import REFUSED
from dipgraph.loader.problems import Problem

MAX_FILE_BYTES = 32 * 1024 * 1024
# Fact files nest six levels deep; libyaml's composer recurses once a level and
# crashes the process (a segfault, not an exception) at some thousands.
MAX_DEPTH = 64
# Cheap bounds on the depth, checked before composing: a block collection starts at
# a greater column than its parent (a sequence under a key may share it), so the block
# depth is at most twice the longest run of indentation and "- ", "? ", ": " markers;
# the flow depth is at most the most '[' and '{' open at once.
_MAX_PREFIX = 20
_MAX_FLOW = MAX_DEPTH - 2 * _MAX_PREFIX - 2
_LONG_PREFIX = re.compile(f"^[ \t?:-]{{{_MAX_PREFIX},}}", re.MULTILINE)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml: slower, same results
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Composer(_Parser, yaml.resolver.BaseResolver):
    """libyaml's parser with no implicit typing: every plain scalar stays text.

    dipgraph reads values from their raw text, so YAML 1.1's implicit resolvers
    (dates, booleans, the "Norway problem") would only cost time: they were two
    thirds of composing a large file.
    """

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.resolver.BaseResolver.__init__(self)

    # The generic resolver machinery costs microseconds a node even with nothing to
    # resolve; a node's tag is fixed by its kind.
    def resolve(self, kind: type, value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_MIB = 1024 * 1024


class TooLarge(InputError):
    """A file over its size limit (found before reading it all)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.size_text = f"{size / _MIB:.1f} MiB"
        super().__init__(self.size_text)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, never more than ``max_bytes`` read: TooLarge past that.

    The size is checked before reading and again by reading one byte more than the
    limit, so a file that grows (or lies about its size) cannot exhaust memory.
    """
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > max_bytes:
            raise TooLarge(size)
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(len(data))
    return data


# Fact files whose text comes from elsewhere (an editor's unsaved buffer on stdin).
_STANDING_IN: ContextVar[dict[Path, bytes] | None] = ContextVar("standing_in", default=None)


@contextmanager
def text_in_place_of(path: Path, data: bytes) -> Iterator[None]:
    """While open, the fact file ``path`` (resolved) is read as ``data``, not from disk:
    ``check -`` checks an editor's buffer with the rest of the facts around it."""
    token = _STANDING_IN.set({**(_STANDING_IN.get() or {}), path: data})
    try:
        yield
    finally:
        _STANDING_IN.reset(token)


_LINE_BREAK = re.compile("\r\n|\r|\n")


def text_place(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of ``text[offset]`` as an editor counts them: characters, not
    bytes; a line ends at LF, CRLF or a lone CR (as YAML reads it); no BOM."""
    prefix = text[:offset]
    lines = _LINE_BREAK.split(prefix)
    last = lines[-1].removeprefix("\ufeff") if len(lines) == 1 else lines[-1]
    return len(lines), len(last) + 1


def decode_utf8(data: bytes) -> str:
    """UTF-8 text, a leading byte order mark dropped. A UnicodeDecodeError counts its
    offsets in ``data`` itself ("utf-8-sig" counts them after the mark: the byte it
    named, and its place, were three bytes off)."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        start, end = error.start + skip, error.end + skip
        raise UnicodeDecodeError(error.encoding, data, start, end, error.reason) from None


def byte_place(data: bytes, offset: int) -> tuple[int, int]:
    """:func:`text_place` of the byte at ``offset`` of UTF-8 ``data``, valid before it
    (where a decoding error was found)."""
    return text_place(data[:offset].decode("utf-8", errors="replace"), offset)


def _bad_utf8(data: bytes, error: UnicodeDecodeError, shown: str) -> Problem:
    line, col = byte_place(data, error.start)
    byte = data[error.start : error.start + 1].hex()
    return Problem(shown, line, col, f"file is not UTF-8 (byte 0x{byte} here); save it as UTF-8")


# What YAML 1.1 does not accept in a stream (C0 but tab and line ends, DEL, C1 but NEL,
# surrogates, U+FFFE/U+FFFF).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_error(error: yaml.YAMLError, shown: str, text: str = "") -> Problem:
    mark = getattr(error, "problem_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    unprintable = _NOT_YAML.search(text) if "character" in str(error) else None
    if unprintable is not None:
        # libyaml's mark for a character it refuses is off (bytes, read ahead): find it.
        line, col = text_place(text, unprintable.start())
    if isinstance(error, yaml.MarkedYAMLError):
        parts = [p for p in (error.context, error.problem) if p]
        detail = "; ".join(parts) or "invalid YAML"
    else:
        detail = str(error).splitlines()[0]
    if "mapping values are not allowed" in detail:  # a ': ' inside a plain value
        detail += (
            " (a plain value cannot hold ': ': quote the value, or write it as a block,"
            " 'key: >-' with the text on the lines below)"
        )
    return Problem(shown, line, col, f"YAML syntax error: {detail}")


def _may_be_deep(text: str) -> bool:
    """False when the cheap bounds prove the nesting is within MAX_DEPTH (the usual case)."""
    if _LONG_PREFIX.search(text):
        return True
    if text.count("[") + text.count("{") <= _MAX_FLOW:
        return False
    # Strip all but the brackets, then peel adjacent pairs ("[]", "{}") off: each round
    # lowers the deepest point by at most one, so the depth is at most the rounds taken
    # plus the opening brackets left unpaired (all in C, a few rounds for real files).
    brackets = _NOT_BRACKETS.sub("", text)
    for rounds in range(_MAX_FLOW + 1):
        peeled = brackets.replace("[]", "").replace("{}", "")
        if peeled == brackets:
            return rounds + brackets.count("[") + brackets.count("{") > _MAX_FLOW
        brackets = peeled
    return True


def _too_deep(text: str, limit: int, *, again: bool = True) -> yaml.Mark | None:
    """Where nesting first goes past ``limit``, from parse events (libyaml's parser keeps
    its own stack, so unlike the composer it cannot overflow the C stack)."""
    parser = _Composer(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return event.start_mark  # type: ignore[return-value]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        # libyaml's scanner reads ahead (a '[' may start a simple key), so an error far
        # along, such as its own nesting limit (1,000 levels from PyYAML 6.0.4 on), can
        # stop it before any event of the text before it: look at that text alone.
        # Otherwise composing reports the syntax error, located.
        mark = getattr(error, "problem_mark", None)
        if again and mark is not None and 0 < mark.index < len(text):
            return _too_deep(text[: mark.index], limit, again=False)
        return None
    finally:
        parser.dispose()
    return None


def _first_reused_node(root: yaml.Node) -> yaml.Node | None:
    """The first node reachable twice (an anchor reused by an alias), if any."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return None


def may_hold_refused_characters(text: str) -> bool:
    """False when no value of this file can hold a control or bidi character: none is
    written raw, and there is no backslash (double-quoted escapes like "\\e" need one)."""
    return "\\" in text or REFUSED.search(text) is not None


def read_yaml_nodes(
    path: Path,
    shown: str,
    max_bytes: int = MAX_FILE_BYTES,
    digests: dict[Path, str] | None = None,
) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose one file into a node tree, or return the problems that stop it.

    ``digests`` gets the SHA-256 of the bytes read, under ``path``: what the result
    was made from (the file may change on disk meanwhile), for a cache to be keyed by.

    The root node's ``plain_text`` attribute is True when the file cannot hold a refused
    character (see :func:`may_hold_refused_characters`), so values need no check.
    """
    try:
        data = (_STANDING_IN.get() or {}).get(path)
        if data is not None and len(data) > max_bytes:
            raise TooLarge(len(data))
        if data is None:
            data = read_bounded(path, max_bytes)
    except TooLarge as error:
        return None, [
            Problem(
                shown,
                1,
                1,
                f"file is {error.size_text}, over the {max_bytes / _MIB:.0f} MiB limit "
                "for one fact file; split it into several files",
            )
        ]
    except OSError as error:
        return None, [Problem(shown, 0, 0, f"cannot read this file ({error.strerror or error})")]
    if digests is not None:
        digests[path] = hashlib.sha256(data).hexdigest()
    try:
        text = decode_utf8(data)
    except UnicodeDecodeError as error:
        return None, [_bad_utf8(data, error, shown)]
    if not text.strip():
        return None, [Problem(shown, 1, 1, "file is empty: a fact file needs at least one section")]
    deep = _too_deep(text, MAX_DEPTH) if _may_be_deep(text) else None
    if deep is not None:
        return None, [
            Problem(
                shown,
                deep.line + 1,
                deep.column + 1,
                f"YAML nested more than {MAX_DEPTH} levels deep here; fact files need "
                "about six (deeper nesting is refused: it could crash the YAML reader)",
            )
        ]
    try:
        node = yaml.compose(text, Loader=_Composer)  # type: ignore[arg-type]
    except yaml.YAMLError as error:
        return None, [_yaml_error(error, shown, text)]
    if node is None:
        return None, [Problem(shown, 1, 1, "file has only comments: it holds no facts")]
    node.plain_text = not may_hold_refused_characters(text)  # type: ignore[attr-defined]
    reused = _first_reused_node(node) if "&" in text else None
    if reused is not None:
        mark = reused.start_mark
        return None, [
            Problem(
                shown,
                mark.line + 1,
                mark.column + 1,
                "YAML anchors and aliases are not allowed in fact files (this anchored "
                "value is reused by an alias; aliases can expand to billions of values)",
            )
        ]
    return node, []
