"""Screenshots of the home page, a project page, the admin's dashboard and a project's change form
(its French tab) in Arabic and English, on a desktop and a 360 px phone, for people to look at.

``python3 dev.py screenshots [DIR]`` copies them to DIR (default ``docs/screenshots/``, the ones
the README shows), reduced to a 256-colour palette to keep the repository small; in the normal
test run they go to a temporary folder and are checked to be real images as wide as the screen
(a wider image means something sticks out sideways).
"""

import struct
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from PIL import Image

from projects.models import Project
from tests.e2e.sessions import staff_cookies

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1280, 800), "phone": (360, 740)}


def png_size(data):
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG image"
    return struct.unpack(">II", data[16:24])


def address(name, language):
    if name == "home":
        return f"/{language}/"
    project = Project.objects.get(key="wapis")
    if name == "admin":
        return reverse("admin:index")
    if name == "admin-project":
        return reverse("admin:projects_project_change", args=[project.pk]) + "?language=fr"
    return project.get_absolute_url(language)


@pytest.mark.parametrize("name", ["home", "project", "admin", "admin-project"])
@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_a_screenshot_of_the_page(site, browser, name, language, size, tmp_path, request):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=size == "phone"
    )
    try:
        if name.startswith("admin"):
            # The admin in ``language`` as a superuser sees it.
            user = get_user_model().objects.create_superuser("shots", password="a-long-pw-2026")
            context.add_cookies(staff_cookies(site, user, language))
        page = context.new_page()
        page.goto(site.url + address(name, language))
        if name.startswith("admin"):
            page.locator("html[data-a11y-ready]").wait_for(state="attached")
        page.evaluate("document.fonts.ready")
        target = tmp_path / f"{name}-{language}-{size}.png"
        page.screenshot(path=str(target), full_page=True)
    finally:
        context.close()

    data = target.read_bytes()
    image_width, image_height = png_size(data)
    assert image_width == width
    assert image_height >= height
    assert len(data) > 10_000  # a blank page compresses to a few hundred bytes

    wanted = request.config.getoption("screenshots")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        with Image.open(target) as image:
            image.convert("RGB").quantize(256).save(Path(wanted) / target.name, optimize=True)
