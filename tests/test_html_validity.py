"""The Nu HTML Checker (vnu.jar, from npm, on Java) finds no error on any public page type in
any of the four languages. One checker run reads every page, so the JVM starts once."""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image

from content.languages import language_codes
from tests.public_pages import content_models, page_addresses

pytestmark = pytest.mark.django_db
LANGUAGES = tuple(language_codes())
VNU = (
    Path(__file__).resolve().parent.parent
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def checker():
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU.exists():
        missing.append(f"{VNU} (npm ci)")
    if missing:
        reason = f"the Nu HTML Checker needs {', '.join(missing)}; python3 dev.py test sets it up"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return [java, "-Xss4m", "-jar", str(VNU)]


def give_every_kind_of_content_an_image():
    """The first published object of each content model (and the partnership) gets a picture
    with alt text, so the pages are checked with their images as well as without."""
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#0b4f8a").save(buffer, "PNG")
    models = {*content_models(), apps.get_model("cooperation", "Partnership")}
    for model in models:
        if not hasattr(model, "image_480"):
            continue
        obj = model.objects.published().order_by("pk").first()
        for language in LANGUAGES:
            obj.set_current_language(language)
            obj.image_alt = f"Picture {language}"
        obj.image.save("picture.png", ContentFile(buffer.getvalue()), save=False)
        obj.save()


def test_every_page_type_in_every_language_is_valid_html(client, tmp_path, settings):
    command = checker()
    settings.MEDIA_ROOT = tmp_path / "media"
    files = {}
    for variant in ("without images", "with images"):
        if variant == "with images":
            give_every_kind_of_content_an_image()
        for language in LANGUAGES:
            for kind, address in page_addresses(language).items():
                cache.clear()
                response = client.get(address)
                assert response.status_code in (200, 404), f"{address}: {response.status_code}"
                target = tmp_path / f"{language}-{len(files):03}.html"
                target.write_bytes(response.content)
                files[str(target)] = f"{language} {kind} {address} ({variant})"
    assert sum(b"srcset=" in Path(name).read_bytes() for name in files) >= 4 * 5
    result = subprocess.run(
        [*command, "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))} "
        f"line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert len(files) >= 2 * 4 * 10, "fewer page types than expected: is the sweep broken?"
    assert errors == []
