"""Opening a page in Debian's chromium through Playwright, with the network cut off.

Shared by the browser tests and ``bench/view.py``. Every request that leaves the file
is recorded in ``page.remote_requests`` and refused; console errors and uncaught
exceptions go to ``page.errors``.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(pw):
    """Start headless chromium from a ``sync_playwright()`` handle."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_view(browser, path: Path, *, width: int = 1400, height: int = 900, timeout: float = 60_000,
              bypass_csp: bool = False):
    """Open the HTML view at ``path`` in a new page and wait for its first drawing.

    ``bypass_csp`` makes the browser ignore the page's Content-Security-Policy, to test
    what the page is safe by without it.
    """
    page = browser.new_context(viewport={"width": width, "height": height},
                               bypass_csp=bypass_csp).new_page()
    page.remote_requests = []
    page.errors = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.route(re.compile(r"^(?!file:).*"),
               lambda route: (page.remote_requests.append(route.request.url), route.abort()))
    page.goto(Path(path).resolve().as_uri())
    wait_until(page, "window.kgb !== undefined && window.kgb.ready", timeout=timeout)
    return page


def wait_until(page, condition: str, *, timeout: float = 60_000) -> None:
    """Poll ``condition`` (a JavaScript expression) from Python until it is true.

    Playwright's own ``wait_for_function`` polls through ``eval``, which the page's
    Content-Security-Policy refuses; ``evaluate`` of a function is allowed.
    """
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(f"() => Boolean({condition})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout / 1000:.0f} s: {condition}")
        time.sleep(0.005)
