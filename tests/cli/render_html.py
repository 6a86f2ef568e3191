"""Renders an HTML file with headless Chromium to a PNG and checks the picture is not blank.

usage: render_html.py CHROMIUM HTML PNG   (exit 0 when the page shows text and colour)
"""
import pathlib
import subprocess
import sys
import tempfile

from PIL import Image

chromium, html, png = sys.argv[1], sys.argv[2], sys.argv[3]
with tempfile.TemporaryDirectory() as profile:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
           "--window-size=1200,900", "--screenshot=" + png, pathlib.Path(html).resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, timeout=120)
if done.returncode != 0 or not pathlib.Path(png).exists():
    print(done.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
    sys.exit(1)
image = Image.open(png).convert("RGB")
width, height = image.size
pixels = list(image.getdata())
background = max(set(pixels), key=pixels.count)
ink = sum(1 for p in pixels if p != background)
colours = len(set(pixels))
print(f"{png}: {width}x{height}, {ink} non-background pixels, {colours} colours")
# Blank: one colour, or almost no ink. A rendered report has text, tables and a coloured verdict.
sys.exit(0 if ink > width * height // 100 and colours > 16 else 1)
