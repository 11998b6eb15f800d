"""Where the bundled dataset lives, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def bundled_facts_dir() -> Path:
    """The dataset shipped with dipgraph: inside the wheel, or the checkout's facts/."""
    installed = _PACKAGE / "bundled_facts"
    return installed if installed.is_dir() else _PACKAGE.parent / "facts"


def default_facts_dir() -> Path:
    """./facts when the working directory has one, else the bundled dataset."""
    local = Path("facts")
    return local if local.is_dir() else bundled_facts_dir()
