"""Make docs/html-page.png, the README's picture of the HTML page (not a test).

Checks the demo report with ``--format html``, renders the page in headless Chromium
(Debian's ``chromium``, driven as the browser test drives it) and keeps two parts of it,
one above the other: the findings table, and table 三's last rows with the flagged
cells down to the end of the report (highlighted prose, notes under the lines). Run
from the repository root: ``python docs/screenshot.py`` (Pillow comes with the test
extras, through pdfplumber).
"""

from __future__ import annotations

import base64
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402 - after the path set-up

from gklint.cli import main  # noqa: E402
from tests.reporting.chromium import Browser, find_chromium  # noqa: E402

WIDTH = 1000
# CSS selectors of the parts kept: (from the top of the first, to the top of the second).
PARTS = (("h1", "h3.left:nth-of-type(2)"), ("#r1-L60", None))
TOP = "(el => el.getBoundingClientRect().top + window.scrollY)"


def main_() -> int:
    binary = find_chromium()
    if binary is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        main(["check", "--isolated", "--format", "html", "-o", str(page), "examples/demo-2024.txt"])
        with Browser(binary, width=WIDTH) as browser:
            browser.open(page)
            height = browser.evaluate("document.documentElement.scrollHeight")
            pieces = []
            for start, end in PARTS:
                top = browser.evaluate(f"{TOP}(document.querySelector({start!r}))") - 16
                bottom = browser.evaluate(f"{TOP}(document.querySelector({end!r}))") if end else height
                clip = {"x": 0, "y": top, "width": WIDTH, "height": bottom - top, "scale": 1}
                shot = browser._call(  # noqa: SLF001 - a clip, which Browser.screenshot does not take
                    "Page.captureScreenshot", session=True, format="png", clip=clip, captureBeyondViewport=True
                )
                pieces.append(Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB"))
    gap = 12
    out = Image.new("RGB", (WIDTH, sum(p.height for p in pieces) + gap * (len(pieces) - 1)), (190, 190, 190))
    y = 0
    for piece in pieces:
        out.paste(piece, (0, y))
        y += piece.height + gap
    target = ROOT / "docs" / "html-page.png"
    out.quantize(colors=64).save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}: {out.width}×{out.height}, {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
