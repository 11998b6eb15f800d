"""Walking YAML nodes safely, reporting each mistake at its own line and column.

Values are read from the raw scalar text, never through YAML's implicit typing,
so ``date: 2022`` stays the text "2022" and ``name: no`` stays "no".
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from dipgraph.facts import Location
from dipgraph.loader.characters import REFUSED, codepoint, refused_character
from dipgraph.loader.problems import Problem

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
_STR = _CORE + "str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_Scalar = yaml.ScalarNode
_has_refused = REFUSED.search
_KIND_NAMES = {
    yaml.ScalarNode: "a single value",
    yaml.SequenceNode: "a list",
    yaml.MappingNode: "a mapping",
}


@dataclass(slots=True)
class NodeReader:
    """Reads one file's nodes; collects problems instead of stopping at the first."""

    shown: str
    problems: list[Problem]
    # False when the whole file is known to hold no control or bidi character.
    check_characters: bool = True

    def where(self, node: yaml.Node) -> Location:
        return Location(*self.place(node))

    def place(self, node: yaml.Node) -> tuple[str, int, int]:
        """:meth:`where` as (path, line, column), for records that keep them as fields."""
        mark = node.start_mark
        return self.shown, mark.line + 1, mark.column + 1

    def error(self, node: yaml.Node, message: str) -> None:
        loc = self.where(node)
        self.problems.append(Problem(loc.path, loc.line, loc.col, message))

    def warning(self, node: yaml.Node, message: str) -> None:
        loc = self.where(node)
        self.problems.append(Problem(loc.path, loc.line, loc.col, message, "warning"))

    def _refuses(self, node: yaml.Node, value: str, what: str) -> bool:
        """Report a control or bidi character in a value, at its own column when known."""
        found = refused_character(value)
        if found is None:
            return False
        index, char, kind = found
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if not getattr(node, "style", None) and node.end_mark.line == mark.line:
            col += index  # a plain one-line scalar: the value is the text as written
        else:  # quoted, folded or several lines: the value's text differs from the file's
            kind += f" (character {index + 1} of the value)"
        self.problems.append(
            Problem(
                self.shown,
                line,
                col,
                f"{what} contains {kind}, {codepoint(char)}: fact text must be plain "
                "printable text (only tab and newline are allowed)",
            )
        )
        return True

    def enter(self, node: yaml.Node) -> bool:
        """Accept a node unless it carries a non-core tag (aliases are refused on reading)."""
        if node.tag not in _ALLOWED_TAGS:
            self.error(node, f"YAML tag '{node.tag}' is not allowed in fact files")
            return False
        return True

    def expect(self, node: yaml.Node, kind: type, what: str) -> bool:
        if isinstance(node, kind):
            return True
        self.error(node, f"{what} must be {_KIND_NAMES[kind]}, not {_KIND_NAMES[type(node)]}")
        return False

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
        """The (key, key node, value node) entries of a mapping, or None if refused."""
        if not self.enter(node) or not self.expect(node, yaml.MappingNode, what):
            return None
        entries: list[tuple[str, yaml.Node, yaml.Node]] = []
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            # The common case (a plain string key) is tested inline: this runs per field.
            if not (key_node.__class__ is _Scalar and key_node.tag == _STR) and (
                not self.enter(key_node)
                or not self.expect(key_node, yaml.ScalarNode, f"a key in {what}")
            ):
                continue
            key = key_node.value
            if key in first_seen:
                line = first_seen[key].start_mark.line + 1
                self.error(key_node, f"duplicate key '{key}' in {what} (first at line {line})")
                continue
            first_seen[key] = key_node
            entries.append((key, key_node, value_node))
        return entries

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not self.enter(node) or not self.expect(node, yaml.SequenceNode, what):
            return []
        return list(node.value)

    def is_null(self, node: yaml.Node) -> bool:
        """A plain empty, ~ or null scalar, or one tagged !!null."""
        if node.__class__ is not _Scalar:
            return False
        if node.tag == _CORE + "null":
            return True
        return not node.style and node.value in _NULLS  # plain style: None or ""

    def text(self, node: yaml.Node, what: str) -> str | None:
        """A scalar's text exactly as written (never implicitly typed)."""
        if (
            node.__class__ is _Scalar
            and node.tag == _STR
            and (node.style or node.value not in _NULLS)
        ):
            value = node.value  # the common case, without the checks below
        else:
            if not self.enter(node) or not self.expect(node, yaml.ScalarNode, what):
                return None
            if self.is_null(node):
                self.error(node, f"{what} is empty")
                return None
            value = node.value
        if self.check_characters and _has_refused(value) and self._refuses(node, value, what):
            return None
        return value
