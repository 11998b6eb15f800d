"""Finding and starting headless Chromium, for the browser tests, benchmarks and screenshots.

Debian's Chromium (``apt-get install chromium``) driven by Playwright: Playwright's
own browser download is not needed. The flags keep Chromium from reaching out to
the network on its own (updates, sync, safe browsing) on machines without one.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str | None:
    """Debian's Chromium, or ``$DIPGRAPH_CHROMIUM``; None when neither is there."""
    return (
        os.environ.get("DIPGRAPH_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def launch(playwright):  # -> playwright Browser
    """Start headless Chromium; RuntimeError with the fix when it is missing."""
    path = chromium_path()
    if not path:
        raise RuntimeError(
            "Chromium not found: apt-get install chromium "
            "(or set DIPGRAPH_CHROMIUM to a Chromium binary)"
        )
    return playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_FLAGS))
