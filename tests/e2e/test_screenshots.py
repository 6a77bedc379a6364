"""Screenshots of the home page in Arabic and English, desktop and phone, for people to look at.

`python3 dev.py screenshots [DIR]` writes them to DIR (default: screenshots/, not committed);
in the normal test run they go to a temporary folder and are checked to be real images.
"""

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1280, 800), "phone": (360, 740)}


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_screenshot_of_the_home_page(site, browser, language, size, tmp_path, request):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{site.url}/{language}/")
    target = tmp_path / f"home-{language}-{size}.png"
    page.screenshot(path=str(target), full_page=True)
    context.close()
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
    wanted = request.config.getoption("screenshots")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(wanted) / target.name)
