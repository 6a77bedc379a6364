"""Regenerate static/fonts/*.woff2 from Debian's Noto fonts (package fonts-noto-core).

    .venv/bin/python tools/subset_fonts.py

Only the characters the four languages need are kept, so each file stays small enough to
preload; OpenType layout features are all kept, or Arabic letters would not join. The licence
(SIL OFL 1.1) is copied from Debian's copyright file next to the fonts.
"""

import re
import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "static" / "fonts"
COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")

# Latin for English, French and Spanish (and names in other Latin languages), general
# punctuation, the euro sign; the same ranges are the @font-face unicode-range in site.css.
LATIN = "U+0000-00FF,U+0131,U+0152-0153,U+0100-017F,U+02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212"
# Arabic, its supplement and presentation forms, joiners, and the spaces, digits and punctuation
# that Arabic text uses (so they match its letters; Latin letters still fall to Noto Sans).
ARABIC = "U+0020-0040,U+005B-0060,U+007B-007E,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+2010-2027,U+FB50-FDFF,U+FE70-FEFF,U+25CC"

FONTS = {
    "NotoSans-Regular.ttf": ("noto-sans-regular.woff2", LATIN),
    "NotoSans-Bold.ttf": ("noto-sans-bold.woff2", LATIN),
    "NotoNaskhArabic-Regular.ttf": ("noto-naskh-arabic-regular.woff2", ARABIC),
    "NotoNaskhArabic-Bold.ttf": ("noto-naskh-arabic-bold.woff2", ARABIC),
}


def main():
    missing = [name for name in FONTS if not (SOURCE / name).exists()]
    if missing:
        sys.exit(f"Missing {', '.join(missing)}: apt-get install fonts-noto-core")
    TARGET.mkdir(parents=True, exist_ok=True)
    for source, (target, ranges) in FONTS.items():
        subset.main(
            [
                str(SOURCE / source),
                f"--unicodes={ranges}",
                "--layout-features=*",
                "--flavor=woff2",
                "--desubroutinize",
                "--no-hinting",
                f"--output-file={TARGET / target}",
            ]
        )
        print(f"{target}: {(TARGET / target).stat().st_size} bytes")
    # The OFL text as Debian ships it, after its "License: OFL-1.1" heading.
    text = COPYRIGHT.read_text()
    licence = text.split("License: OFL-1.1\n", 3)[-1].split("\nLicense:")[0]
    licence = re.sub(r"^ \.$", "", licence, flags=re.M)
    licence = "\n".join(
        line[1:] if line.startswith(" ") else line for line in licence.splitlines()
    )
    (TARGET / "OFL.txt").write_text(
        "Noto Sans and Noto Naskh Arabic: Copyright 2010, 2012-2020 Google Inc., 2015-2020 Google\n"
        "LLC (from Debian's fonts-noto-core). Subset for this site by tools/subset_fonts.py.\n\n"
        "SIL OPEN FONT LICENSE Version 1.1\n\n" + licence.strip() + "\n"
    )


if __name__ == "__main__":
    main()
