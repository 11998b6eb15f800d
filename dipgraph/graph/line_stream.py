"""Reading a stream of text lines as a binary file, for parsers that take a file.

Oxigraph's parser reads from a file object; handing it the lines this way
serialises a large dataset without first joining it into one text.

>>> import io
>>> stream = io.BufferedReader(LineStream(["a\\n", "é\\n"], lines_per_chunk=1))
>>> stream.read()
b'a\\n\\xc3\\xa9\\n'
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from itertools import islice


class LineStream(io.RawIOBase):
    """A read-only binary stream of UTF-8 encoded lines, produced lazily in chunks."""

    def __init__(self, lines: Iterable[str], lines_per_chunk: int = 8192) -> None:
        super().__init__()
        self._chunks = self._encoded(iter(lines), lines_per_chunk)
        self._pending = memoryview(b"")

    @staticmethod
    def _encoded(lines: Iterator[str], size: int) -> Iterator[bytes]:
        while batch := list(islice(lines, size)):
            yield "".join(batch).encode("utf-8")

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = memoryview(chunk)
        count = min(len(target), len(self._pending))
        target[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count
