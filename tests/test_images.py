"""Images on the content: an editor uploads one in the admin, the public page serves responsive
WebP renditions with width, height and alt text in its language; files that are not usable
images are refused by their content, with a clear error, whatever their name says; no file is
left in the media that no row names, and ``prune_media`` finds any that were."""

import errno
import io
import os
import random
import re
import struct
import time
import zlib
from pathlib import Path

import pytest
from django.contrib.admin import ModelAdmin
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError, models
from django.urls import reverse
from imagekit.models.fields.utils import ImageSpecFileDescriptor
from PIL import Image

from content import registry
from content.images import MAX_UPLOAD_BYTES
from content.languages import source_language
from cooperation.models import Partner
from projects.models import Project
from tests.admin_sweep import read_form
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
    return os.urandom(size)


def png_file(width, height, compressed_rows):
    """A PNG made by hand, every chunk with its right length and checksum."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed_rows)
        + chunk(b"IEND", b"")
    )


def bomb_png(width=40_000, height=40_000):
    """A tiny PNG whose header claims 1.6 gigapixels: decoding it would take gigabytes."""
    return png_file(width, height, zlib.compress(b"\x00" * 1024))


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


# --- damaged uploads, on every model with a picture ---------------------------------------------


def noise(size, seed=20):
    # Seeded: the same bytes on every run, so a damaged file is damaged the same way each time.
    return random.Random(seed).randbytes(size)


def jpeg(width=600, height=400):
    """A photo-like JPEG: noisy pixels, so its compressed data is long enough to cut."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), noise(width * height * 3)).save(buffer, "JPEG")
    return buffer.getvalue()


def truncated_jpeg():
    """The first half of a photo: an interrupted upload or copy."""
    data = jpeg()
    return data[: len(data) // 2]


def jpeg_header_then_garbage():
    """A real JPEG's header, up to the start of its pixels, then noise of the same length."""
    data = jpeg()
    scan = data.index(b"\xff\xda")
    (length,) = struct.unpack(">H", data[scan + 2 : scan + 4])
    header = data[: scan + 2 + length]
    return header + noise(len(data) - len(header), seed=21)


def png_with_corrupt_pixels():
    """Sound chunks (lengths and checksums right) whose compressed pixels are noise."""
    return png_file(600, 400, noise(4000))


def png_with_a_wrong_width():
    """Rows of 600 pixels under a header that says 593: every row is misread."""
    rows = b"".join(b"\x00" + noise(600 * 3, seed=row) for row in range(400))
    return png_file(593, 400, zlib.compress(rows))


DAMAGED = {
    "truncated JPEG": truncated_jpeg,
    "JPEG header then garbage": jpeg_header_then_garbage,
    "PNG with corrupt pixels": png_with_corrupt_pixels,
    "PNG with a wrong width": png_with_a_wrong_width,
}


def illustrated_models():
    """Every content type with a picture, from the registry: a new one is swept as it is."""
    return [
        entry.model
        for entry in registry.entries()
        if any(isinstance(field, models.ImageField) for field in entry.model._meta.fields)
    ]


def some_object(model):
    return model._base_manager.order_by("pk").first()


def post_picture(client, obj, picture, name="picture.jpg", **changes):
    """The object's admin change form, posted back as rendered with ``picture`` uploaded."""
    url = registry.entry_for(obj).admin_url(obj, source_language())
    html = client.get(url).content.decode()
    post = read_form(html, f"{obj._meta.model_name}_form").as_post()
    if picture is not None:
        post["image"] = SimpleUploadedFile(name, picture, content_type="image/jpeg")
    return client.post(url, {**post, **changes})


def rows_of(obj):
    """The object's row and its translations, as the database holds them."""
    model = type(obj)
    translations = model._parler_meta.root_model.objects.filter(master_id=obj.pk)
    return (
        list(model._base_manager.filter(pk=obj.pk).values()),
        list(translations.order_by("pk").values()),
    )


def files_in(root):
    return {path.relative_to(root).as_posix() for path in Path(root).rglob("*") if path.is_file()}


def renditions_of(obj):
    """imagekit's own names of the object's renditions (their hash is of the source's name)."""
    names = {
        name
        for klass in type(obj).__mro__
        for name, value in vars(klass).items()
        if isinstance(value, ImageSpecFileDescriptor)
    }
    assert names, f"{type(obj).__name__} has no renditions"
    return {getattr(obj, name).name for name in names}


def test_the_sweep_finds_every_model_with_a_picture():
    assert {model.__name__ for model in illustrated_models()} >= {
        "Partnership",
        "CooperationArea",
        "Partner",
        "Project",
    }


@pytest.mark.parametrize("damage", DAMAGED)
@pytest.mark.parametrize("model", illustrated_models(), ids=lambda model: model.__name__)
def test_a_damaged_picture_is_a_form_error_and_leaves_nothing_behind(
    admin_client, media_root, model, damage
):
    obj = some_object(model)
    before = rows_of(obj)
    response = post_picture(admin_client, obj, DAMAGED[damage]())
    assert response.status_code == 200, "the form was accepted"
    form = response.context["adminform"].form
    assert list(form.errors) == ["image"]
    assert "damaged or incomplete" in " ".join(form.errors["image"])
    assert 'class="form-row errors field-image"' in response.content.decode()
    assert rows_of(obj) == before
    assert files_in(media_root) == set()


@pytest.mark.parametrize("model", illustrated_models(), ids=lambda model: model.__name__)
def test_a_sound_picture_is_stored_with_its_renditions_and_nothing_else(
    admin_client, media_root, model
):
    obj = some_object(model)
    response = post_picture(admin_client, obj, jpeg(1200, 800))
    assert response.status_code == 302, response.context and response.context["adminform"].errors
    obj = model._base_manager.get(pk=obj.pk)
    assert obj.image.name.endswith(".jpg")
    assert files_in(media_root) == {obj.image.name, *renditions_of(obj)}
    for name in renditions_of(obj):
        with Image.open(media_root / name) as image:
            image.load()


def full_disk_for_the_second_rendition(media_root):
    """FileSystemStorage._save that fails, as a full disk would, once a rendition is written."""
    save = FileSystemStorage._save

    def _save(storage, name, content):
        if name.startswith("renditions/") and any(
            path.is_file() for path in (media_root / "renditions").rglob("*")
        ):
            raise OSError(errno.ENOSPC, "No space left on device")
        return save(storage, name, content)

    return _save


def history_entry_refused(*args, **kwargs):
    raise DatabaseError("could not write the admin's log entry")


@pytest.mark.parametrize("failure", ["renditions cannot be written", "the admin's log fails"])
def test_a_save_that_fails_after_the_picture_is_stored_leaves_no_file(
    admin_client, media_root, monkeypatch, failure
):
    """A server fault is still an error page, but neither the picture nor any rendition it
    had time to write stays in the media, and the row is as it was."""
    if failure == "renditions cannot be written":
        monkeypatch.setattr(
            FileSystemStorage, "_save", full_disk_for_the_second_rendition(media_root)
        )
    else:
        monkeypatch.setattr(ModelAdmin, "log_change", history_entry_refused)
    project = Project.objects.get(key="wapis")
    before = rows_of(project)
    with pytest.raises((OSError, DatabaseError)):
        post_picture(admin_client, project, jpeg())
    assert rows_of(project) == before
    assert files_in(media_root) == set()


def picture_set_by_a_script(project):
    """A picture saved outside the admin: no stored version names it."""
    project.image = ContentFile(jpeg(), name="script.jpg")
    project.save()
    return {project.image.name, *renditions_of(project)}


@pytest.mark.parametrize("change", ["replaced", "cleared"])
def test_a_replaced_or_cleared_picture_is_deleted_once_the_change_is_committed(
    admin_client, media_root, django_capture_on_commit_callbacks, change
):
    project = Project.objects.get(key="wapis")
    old = picture_set_by_a_script(project)
    with django_capture_on_commit_callbacks() as callbacks:
        if change == "replaced":
            response = post_picture(admin_client, project, jpeg(800, 600))
        else:
            response = post_picture(admin_client, project, None, **{"image-clear": "on"})
    assert response.status_code == 302
    assert old <= files_in(media_root), "deleted before the change was committed"
    for callback in callbacks:
        callback()
    project = Project.objects.get(key="wapis")
    new = {project.image.name, *renditions_of(project)} if project.image else set()
    assert files_in(media_root) == new
    assert bool(project.image) == (change == "replaced")


def test_a_replaced_picture_that_a_stored_version_names_is_kept(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    project = Project.objects.get(key="wapis")
    assert post_picture(admin_client, project, jpeg()).status_code == 302
    project.refresh_from_db()
    first = {project.image.name, *renditions_of(project)}
    with django_capture_on_commit_callbacks(execute=True):
        assert post_picture(admin_client, project, jpeg(800, 600)).status_code == 302
    assert first <= files_in(media_root)
    # ... and prune_media keeps it too: reverting to the first version would show it.
    call_command("prune_media", "--delete", "--older-than", "0", stdout=io.StringIO())
    assert first <= files_in(media_root)


# --- prune_media ------------------------------------------------------------------------------


@pytest.fixture(params=["local disk", "storage API only"])
def storage(request, settings):
    """The media storage: the local disk, or one with no local path at all (listdir, delete),
    as S3 is."""
    if request.param == "storage API only":
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        }
    return default_storage


def prune(*args):
    out = io.StringIO()
    call_command("prune_media", "--older-than", "0", *args, stdout=out)
    return out.getvalue()


def test_prune_media_lists_files_no_row_names_and_deletes_them_only_when_asked(
    admin_client, storage
):
    project = Project.objects.get(key="wapis")
    assert post_picture(admin_client, project, jpeg()).status_code == 302
    project.refresh_from_db()
    live = {project.image.name, *renditions_of(project)}
    before = rows_of(project)
    orphan = storage.save("images/project/left-behind.jpg", ContentFile(jpeg()))
    stale = [
        # The renditions of a picture no row names any more...
        storage.save("renditions/images/project/gone/0123456789abcdef.webp", ContentFile(b"x")),
        # ... and an old rendition of a live picture (made with other settings).
        storage.save(
            f"renditions/{project.image.name.rpartition('.')[0]}/feedfacefeedface.webp",
            ContentFile(b"x"),
        ),
    ]

    listed = prune()
    assert all(name in listed for name in [orphan, *stale])
    assert not any(name in listed for name in live)
    assert "--delete" in listed
    assert all(storage.exists(name) for name in [*live, orphan, *stale]), "a dry run deleted"

    deleted = prune("--delete")
    assert all(name in deleted for name in [orphan, *stale])
    assert not any(storage.exists(name) for name in [orphan, *stale])
    assert all(storage.exists(name) for name in live)
    assert rows_of(project) == before
    assert "nothing" in prune().lower()


def test_prune_media_leaves_a_file_written_moments_ago(media_root):
    """An upload being saved is on disk before its row is committed; no picture is stored."""
    old = default_storage.save("images/project/left-behind.jpg", ContentFile(b"x"))
    two_hours_ago = time.time() - 2 * 3600
    os.utime(media_root / old, (two_hours_ago, two_hours_ago))
    default_storage.save("images/project/being-saved.jpg", ContentFile(b"x"))
    call_command("prune_media", "--delete", stdout=io.StringIO())
    assert files_in(media_root) == {"images/project/being-saved.jpg"}
