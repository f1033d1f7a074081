"""Helpers for tests in a real headless Chromium (Debian's), with the network cut.

The test command (``python3 tasks.py test``) installs Chromium when it is
missing and passes its path in ``ECOGRAPH_CHROMIUM``; these tests never skip.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

LOCAL = ("file:", "data:", "about:", "blob:")

COUNT_DRAWN_PIXELS = """
(selector) => {
  const c = document.querySelector(selector);
  if (!c) return -1;
  const ctx = c.getContext('2d');
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}
"""


def chromium_path() -> str:
    path = os.environ.get("ECOGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is needed for the browser tests: run them through 'python3 tasks.py test', which installs it")
    return path


class Page:
    """A Playwright page that records outside requests (and the frame that made each) and console errors."""

    def __init__(self, page, requests: list, errors: list, frame_requests: list):
        self.page = page
        self.requests = requests
        self.errors = errors
        self.frame_requests = frame_requests


@contextmanager
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield b
        finally:
            b.close()


@contextmanager
def open_page(b, path: Path, *, width: int = 1300, height: int = 850, accept_downloads: bool = False):
    context = b.new_context(viewport={"width": width, "height": height}, accept_downloads=accept_downloads)
    context.set_offline(True)
    requests: list[str] = []
    frame_requests: list[tuple[str, str]] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            requests.append(r.request.url)
            frame_requests.append((r.request.frame.url, r.request.url))
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(Path(path).resolve().as_uri())
    try:
        yield Page(page, requests, errors, frame_requests)
    finally:
        context.close()
