"""Images on the content: an editor uploads one in the admin, the public page serves responsive
WebP renditions with width, height and alt text in its language; files that are not usable
images are refused by their content, with a clear error, whatever their name says."""

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from content.images import MAX_UPLOAD_BYTES
from cooperation.models import Partner
from projects.models import Project
from tests.test_settings import GOOD_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(width=1200, height=800, noise=False):
    image = Image.new("RGB", (width, height), "#0b4f8a")
    if noise:
        image = Image.frombytes("RGB", (width, height), _random_bytes(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _random_bytes(size):
    import os

    return os.urandom(size)


def bomb_png(width=40_000, height=40_000):
    """A tiny PNG whose header claims 1.6 gigapixels: decoding it would take gigabytes."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def admin_form_data(client, url):
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "image" or value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    project = form.instance
    data["cooperation_areas"] = [a.pk for a in project.cooperation_areas.all()]
    data["partners"] = [p.pk for p in project.partners.all()]
    data["countries"] = [str(c) for c in project.countries]
    return data


def upload(client, content, name, alt="Police officers at a training session"):
    project = Project.objects.get(key="wapis")
    url = reverse("admin:projects_project_change", args=[project.pk]) + "?language=en"
    data = admin_form_data(client, url)
    data["image"] = SimpleUploadedFile(name, content, content_type="image/png")
    data["image_alt"] = alt
    return client.post(url, data)


def form_errors(response):
    assert response.status_code == 200, "the form was accepted"
    return " ".join(response.context["adminform"].form.errors.get("image", []))


def test_an_editor_uploads_a_photo_and_the_project_page_serves_it_responsively(
    admin_client, client, media_root
):
    response = upload(admin_client, png(1200, 800), "wapis.png")
    assert response.status_code == 302, response.context and response.context["adminform"].errors
    project = Project.objects.get(key="wapis")
    assert project.image.name.endswith(".png")
    assert (project.image_width, project.image_height) == (1200, 800)
    # The renditions were made on save, in WebP, never wider than asked.
    for width in (480, 960):
        rendition = Path(media_root, getattr(project, f"image_{width}").name)
        assert rendition.exists()
        with Image.open(rendition) as image:
            assert image.format == "WEBP"
            assert image.size == (width, round(800 * width / 1200))

    html = client.get(project.get_absolute_url("en")).content.decode()
    img = re.search(r'<div class="detail-figure"><img ([^>]+)>', html).group(1)
    srcset = re.search(r'srcset="([^"]+)"', img).group(1)
    assert [entry.split()[-1] for entry in srcset.split(", ")] == ["480w", "960w", "1200w"]
    assert all(".webp" in entry for entry in srcset.split(", "))
    assert 'width="960" height="640"' in img
    assert 'alt="Police officers at a training session"' in img
    # Link previews show the project's own picture, cropped to 1200 × 630.
    og = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og.startswith("http://testserver/media/") and og.endswith(".jpg")
    with Image.open(Path(media_root, project.image_og.name)) as image:
        assert image.size == (1200, 630)


def test_the_alt_text_is_per_language_and_the_home_card_shows_the_image(admin_client, client):
    upload(admin_client, png(), "photo.png", alt="A meeting room")
    project = Project.objects.get(key="wapis")
    project.set_current_language("fr")
    project.image_alt = "Une salle de réunion"
    project.save()
    french = client.get(project.get_absolute_url("fr")).content.decode()
    assert 'alt="Une salle de réunion"' in french
    home = client.get("/fr/").content.decode()
    assert re.search(r'<div class="card-image"><img [^>]*alt="Une salle de réunion"', home)


def test_a_real_image_with_a_misleading_name_is_accepted_and_stored_by_its_real_type(
    admin_client,
):
    response = upload(admin_client, png(), "holiday.txt")
    assert response.status_code == 302
    assert Project.objects.get(key="wapis").image.name.endswith(".png")


def test_a_text_file_renamed_png_is_refused_with_a_clear_error(admin_client):
    response = upload(admin_client, b"This is not a picture, only text.\n" * 20, "photo.png")
    assert "not an image that can be used" in form_errors(response)
    assert not Project.objects.get(key="wapis").image


def test_an_image_heavier_than_the_limit_is_refused(admin_client):
    heavy = png(2200, 2000, noise=True)  # random pixels do not compress
    assert len(heavy) > MAX_UPLOAD_BYTES
    assert "images may be at most 10 MB" in form_errors(upload(admin_client, heavy, "big.png"))


def test_an_image_too_large_in_pixels_is_refused(admin_client):
    errors = form_errors(upload(admin_client, png(9000, 120), "banner.png"))
    assert "9000 × 120 pixels" in errors and "at most 8000" in errors


def test_an_image_too_small_is_refused(admin_client):
    errors = form_errors(upload(admin_client, png(64, 64), "icon.png"))
    assert "64 × 64 pixels" in errors


def test_a_decompression_bomb_is_refused_before_it_is_decoded(admin_client):
    bomb = bomb_png()
    assert len(bomb) < 2_000
    errors = form_errors(upload(admin_client, bomb, "bomb.png"))
    assert "40000 × 40000 pixels" in errors or "too many pixels" in errors
    assert not Project.objects.get(key="wapis").image


def test_a_gif_is_refused_by_its_content_even_named_png(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300)).save(buffer, "GIF")
    errors = form_errors(upload(admin_client, buffer.getvalue(), "moving.png"))
    assert "JPEG, PNG or WebP" in errors


def test_a_partner_without_a_logo_shows_no_image_and_costs_no_storage_access(client):
    partner = Partner.objects.get(key="europol")
    html = client.get(partner.get_absolute_url("en")).content.decode()
    assert "<img" not in html.split("<main")[1].split("</main>")[0]
    assert 'og-image.png"' in html  # the site's own Open Graph image instead


def test_media_go_to_an_s3_compatible_bucket_when_one_is_configured():
    import json
    import os
    import subprocess
    import sys

    script = (
        "import django, json; django.setup();"
        "from django.core.files.storage import storages;"
        "s = storages['default'];"
        "from django.conf import settings;"
        "print(json.dumps([type(s).__module__ + '.' + type(s).__name__, s.bucket_name,"
        " s.endpoint_url, s.querystring_auth, s.url('images/x.webp'),"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eurelations.settings.prod",
        "DJANGO_SECRET_KEY": GOOD_KEY,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "MEDIA_S3_BUCKET": "eurelations-media",
        "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
        "MEDIA_S3_CUSTOM_DOMAIN": "media.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    backend, bucket, endpoint, signed, url, img_src = json.loads(result.stdout)
    assert backend == "storages.backends.s3.S3Storage"
    assert (bucket, endpoint, signed) == ("eurelations-media", "https://s3.example.net", False)
    assert url == "https://media.example.org/media/images/x.webp"
    # The Content-Security-Policy lets the pages show images from there.
    assert "https://media.example.org" in img_src
