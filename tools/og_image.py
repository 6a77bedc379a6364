"""Regenerate static/img/og-image.png, the picture shown when a page is shared.

    .venv/bin/python tools/og_image.py

1200 × 630 (the size Open Graph consumers crop to). The emblem of static/img/emblem.svg, drawn
large, on the site's blue; no text, so one image serves the four languages.
"""

from pathlib import Path

from PIL import Image, ImageDraw

TARGET = Path(__file__).resolve().parent.parent / "static" / "img" / "og-image.png"
BLUE, DARK, GOLD, WHITE = "#0b4f8a", "#083a66", "#ffc845", "#ffffff"
SCALE = 4  # draw large, then shrink: smooth edges without an SVG renderer


def ring(draw, cx, cy, r, width, colour, start=0, end=360):
    box = [cx - r, cy - r, cx + r, cy + r]
    draw.arc(box, start, end, fill=colour, width=width)


def main():
    w, h = 1200 * SCALE, 630 * SCALE
    image = Image.new("RGB", (w, h), DARK)
    draw = ImageDraw.Draw(image)
    # A band of the emblem's rounded square, then the two linked rings (emblem units × 8).
    unit = 8 * SCALE
    ox, oy = w // 2 - 32 * unit, h // 2 - 32 * unit
    draw.rounded_rectangle([ox, oy, ox + 64 * unit, oy + 64 * unit], 14 * unit, fill=BLUE)
    ring(draw, ox + 25 * unit, oy + 32 * unit, 15.5 * unit, 5 * unit, WHITE)
    ring(draw, ox + 39 * unit, oy + 32 * unit, 15.5 * unit, 5 * unit, GOLD)
    # The white ring over the gold one at the top, as in emblem.svg (angles -80° to -35°).
    ring(draw, ox + 25 * unit, oy + 32 * unit, 15.5 * unit, 5 * unit, WHITE, -80, -35)
    for x in range(0, w, 40 * SCALE):  # a quiet rule pattern on either side
        if abs(x - w // 2) > 36 * unit:
            draw.line(
                [(x, h - 60 * SCALE), (x + 20 * SCALE, h - 60 * SCALE)], fill=GOLD, width=3 * SCALE
            )
    image.resize((1200, 630), Image.LANCZOS).save(TARGET, optimize=True)
    print(f"{TARGET}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
