"""Uploaded images are served under the production settings too (content.media): a published
picture and its renditions with their type, nosniff and cache headers; nothing else (no
directory listing, no way out of the media folder, no other type); and an upload's address
cannot be guessed, so a draft's picture is not found by trying names."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from content.images import RENDITION_WIDTHS
from projects.models import Project

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"images/project/([0-9a-f]{32})\.png")


@pytest.fixture(autouse=True)
def production_like(settings, tmp_path):
    settings.DEBUG = False
    settings.SECURE_CONTENT_TYPE_NOSNIFF = False  # the view says nosniff itself
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "#0b4f8a").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def project():
    project = Project.objects.get(key="wapis")
    project.image = SimpleUploadedFile("wapis-2025-visit.png", png(), content_type="image/png")
    project.save()  # renditions made on save (content.images)
    return project


def files_of(project):
    """(type, file) of the upload and each of its renditions."""
    return [
        ("image/png", project.image),
        ("image/jpeg", project.image_og),
        *(("image/webp", getattr(project, f"image_{width}")) for width in RENDITION_WIDTHS),
    ]


def test_a_published_image_and_its_renditions_are_served_with_their_type(project, tmp_path):
    page = Client().get(project.get_absolute_url("en")).content.decode()
    for content_type, file in files_of(project):
        assert file.url in page or content_type == "image/png"  # the page shows renditions
        response = Client().get(file.url)
        assert response.status_code == 200, file.url
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert b"".join(response.streaming_content) == Path(tmp_path, file.name).read_bytes()
    # Asked again with the date it was given, a browser gets a 304 and no body.
    url = project.image_960.url
    modified = Client().get(url)["Last-Modified"]
    assert Client().get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert Client().head(url).status_code == 200


def test_missing_files_directories_and_other_types_are_404(project, tmp_path):
    client = Client()
    folder = Path(project.image_960.name).parent.as_posix()
    (tmp_path / "notes.html").write_text("<script>alert(1)</script>")
    (tmp_path / "images" / "project" / "dir.png").mkdir()
    for name in [
        "images/project/" + "0" * 32 + ".png",  # missing
        "images/project/",  # directories: no listing
        "images/project",
        folder,
        folder + "/",
        "images/project/dir.png",
        "notes.html",  # in the folder, but not an image of ours
        project.image.name + "\x00.png",
    ]:
        assert client.get(f"/media/{name}").status_code == 404, name
    assert client.post(project.image.url).status_code == 405


def test_no_address_leads_out_of_the_media_folder(project, tmp_path):
    secret = tmp_path.parent / f"{tmp_path.name}-outside.png"
    secret.write_bytes(png())
    (tmp_path / "images" / "link.png").symlink_to(secret)
    client = Client()
    outside = secret.name
    for address in [
        f"/media/../{outside}",
        f"/media/images/../../{outside}",
        f"/media/%2e%2e/{outside}",
        f"/media/images/..%2f..%2f{outside}",
        f"/media/images%2f..%2f..%2f{outside}",
        f"/media/images/..%5c..%5c{outside}",
        f"/media//{secret}",
        f"/media/{secret}",
        "/media/images/link.png",  # a link leading out
    ]:
        assert client.get(address).status_code == 404, address


def test_an_uploads_name_is_random_and_its_renditions_names_follow_it(project):
    first = RANDOM_NAME.fullmatch(project.image.name)
    assert first, project.image.name  # nothing of the uploaded name, the model's name aside
    project.image = SimpleUploadedFile("wapis-2025-visit.png", png(), content_type="image/png")
    project.save()
    second = RANDOM_NAME.fullmatch(project.image.name)
    assert second and second.group(1) != first.group(1)
    # 122 random bits each time (uuid4), and the renditions sit in a folder named after them.
    for _type, file in files_of(project):
        assert second.group(1) in file.name


def test_with_a_bucket_the_pages_point_to_it_and_the_site_serves_nothing(settings, project):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "eurelations-media", "custom_domain": "media.example.org"},
        },
    }
    assert default_storage.url(project.image.name).startswith("https://media.example.org/")
    assert Client().get(f"/media/{project.image.name}").status_code == 404
