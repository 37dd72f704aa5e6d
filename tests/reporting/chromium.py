"""Drive Debian's headless Chromium over the DevTools protocol on a pipe (no driver, no
websocket library): open a file, evaluate JavaScript in the rendered page, take a
full-page screenshot, print it to PDF.

The flags are the ones that work on a machine without network or display: no
sandbox (tests run as root), no GPU, no background networking (the closed network
refuses Chromium's own connections). The profile is a fresh directory, removed after.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

BINARIES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    """The browser's path, or None when it is not installed (CI installs it: .ci/run)."""
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


def _pipe_fds(commands: int, replies: int) -> None:
    """In the child: Chromium reads commands on fd 3 and writes replies on fd 4."""
    commands, replies = os.dup(commands), os.dup(replies)  # out of the way of 3 and 4 first
    os.dup2(commands, 3)
    os.dup2(replies, 4)


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, binary: str, width: int = 1280, height: int = 900) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="gklint-chromium-", ignore_cleanup_errors=True)
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # only fds 3 and 4 are inheritable; Python opens the rest close-on-exec
            preexec_fn=lambda: _pipe_fds(to_browser_r, from_browser_w),  # noqa: PLW1509 - tests only
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        target = self._call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self._call("Page.enable", session=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the browser and remove its profile."""
        try:
            self._call("Browser.close")
        except (OSError, RuntimeError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def _send(self, method: str, params: dict[str, Any], session: bool) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        ident = self._send(method, params, session)
        while True:
            message = self._receive()
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, path: Path) -> None:
        """Load a local file and wait until it has rendered."""
        self._send("Page.navigate", {"url": path.resolve().as_uri()}, True)
        while self._receive().get("method") != "Page.loadEventFired":
            pass

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression evaluated in the page."""
        result = self._call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def print_pdf(self, path: Path) -> None:
        """Print the page as the browser's print dialog would (A4, backgrounds as the page's CSS says)."""
        data = self._call("Page.printToPDF", session=True, paperWidth=8.27, paperHeight=11.69, preferCSSPageSize=True)
        path.write_bytes(base64.b64decode(data["data"]))

    def emulate_media(self, media: str) -> None:
        """Evaluate the page's CSS for ``print`` (or ``screen``) from now on."""
        self._call("Emulation.setEmulatedMedia", session=True, media=media)

    def screenshot(self, path: Path, height: int | None = None) -> None:
        """A PNG of the page from the top, ``height`` CSS pixels tall (default: all of it)."""
        metrics = self._call("Page.getLayoutMetrics", session=True)["cssContentSize"]
        clip = {
            "x": 0,
            "y": 0,
            "width": metrics["width"],
            "height": min(height or metrics["height"], 16000),
            "scale": 1,
        }
        data = self._call("Page.captureScreenshot", session=True, format="png", clip=clip, captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(data["data"]))
