"""Optional images on the content (partnership hero, areas, projects, partner logos): upload
checks by content, to the last pixel, and the responsive renditions (django-imagekit); the files
of a failed or replaced picture go (``content.uploads``, ``docs/architecture.md``)."""

import uuid
import warnings
import weakref
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from PIL import Image
from pilkit.processors import ResizeToFill, ResizeToFit

from content import uploads

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 8000
MIN_SIDE = 100
# Below Pillow's own bomb limit (about 89 Mpx): a 40 Mpx photo is already far more than a page
# needs, and decoding one costs some 160 MB of memory.
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# The widths served in srcset; the browser picks one from the sizes attribute.
RENDITION_WIDTHS = (480, 960, 1600)  # the models declare one image_<width> each
OG_SIZE = (1200, 630)


#: The files already checked, with their format: the form field, the model's validator and the
#: stored name each ask, and a picture is decoded once.
_checked = weakref.WeakKeyDictionary()


def inspect_image(file):
    """Check an uploaded file by its content and return its Pillow format. Raises a
    ValidationError saying what is wrong: not an image, too heavy, too large, too small, or
    damaged (its pixels cannot all be decoded)."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; images may be at most %(max)s MB."),
            code="image_too_heavy",
            params={"size": round(size / 1024 / 1024, 1), "max": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
    try:
        return _checked[file]
    except (KeyError, TypeError):  # not checked yet (TypeError: a file without weak references)
        pass
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        # Pillow's own bomb warning is an error too, while reading the header and decoding.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image_format = _check_header(file)
            _check_pixels(file, position)
    finally:
        if hasattr(file, "seek"):
            file.seek(position)
    try:
        _checked[file] = image_format
    except TypeError:
        pass
    return image_format


def _check_header(file):
    """Format and size, from the header only: a decompression bomb is refused by its declared
    size before a single pixel is decoded."""
    try:
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_large(None, None) from error
    except Exception as error:  # Pillow raises many kinds on a file that is not an image
        raise ValidationError(
            _("This file is not an image that can be used: upload a JPEG, PNG or WebP picture."),
            code="not_an_image",
        ) from error
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise _too_large(width, height)
    if image_format not in FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG or WebP; this file is %(format)s."),
            code="image_format",
            params={"format": image_format},
        )
    if min(width, height) < MIN_SIDE:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; each side must be at least %(min)s."),
            code="image_too_small",
            params={"width": width, "height": height, "min": MIN_SIDE},
        )
    return image_format


def _check_pixels(file, position):
    """Decode every pixel, as the renditions will on save: a file cut short, or damaged after a
    sound header, is refused here instead of failing the save. ``verify()`` checks what
    decoding skips (PNG checksums) but decodes nothing, and leaves the image unusable."""
    try:
        file.seek(position)
        with Image.open(file) as image:
            image.verify()
        file.seek(position)
        with Image.open(file) as image:
            image.load()
    except Exception as error:  # as varied as the damage: OSError, SyntaxError, ValueError...
        raise ValidationError(
            _(
                "This image is damaged or incomplete: it cannot be read to the end. Save it "
                "again from an image editor and upload the new file."
            ),
            code="image_damaged",
        ) from error


def _too_large(width, height):
    if width is None:
        return ValidationError(
            _("The image has too many pixels to be processed safely."), code="image_too_large"
        )
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels; it may be at most %(max)s pixels on a "
            "side and 40 megapixels in all."
        ),
        code="image_too_large",
        params={"width": width, "height": height, "max": MAX_SIDE},
    )


def validate_image(value):
    """Model validator: checks a newly uploaded file (a stored one was checked on upload)."""
    if value and not getattr(value, "_committed", True):
        inspect_image(value.file)


class ImageUploadField(forms.ImageField):
    """The form field: our content checks first, with their precise messages, then Django's."""

    default_validators = []  # no check of the file's name: its content decides

    def to_python(self, data):
        if data in self.empty_values:
            return None
        inspect_image(data)
        return super().to_python(data)


def upload_to(instance, filename):
    # A new name: the uploaded one may be anything (and is never trusted for the type).
    return f"images/{instance._meta.model_name}/{uuid.uuid4().hex}"


class ContentImageField(models.ImageField):
    """An optional image, validated by content, stored under a random name with the extension
    of its real format."""

    default_validators = [validate_image]

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.setdefault("upload_to", upload_to)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("max_length", 200)
        super().__init__(verbose_name, **kwargs)

    def generate_filename(self, instance, filename):
        name = super().generate_filename(instance, filename)
        file = getattr(instance, self.attname)
        try:
            extension = FORMATS[inspect_image(file.file)]
        except (ValidationError, ValueError, AttributeError):
            extension = "bin"
        return f"{name}.{extension}"

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        uploading = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)  # stores an upload, before the row is saved
        if uploading:
            uploads.stored(type(model_instance), self, file.name)
        return file

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})


def image_field(verbose_name):
    return ContentImageField(verbose_name, width_field="image_width", height_field="image_height")


def dimension_field():
    """The image's width or height, kept on the row so a page can give width and height
    without opening the file."""
    return models.PositiveIntegerField(null=True, blank=True, editable=False)


def alt_text_field():
    return models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it; in this language."),
    )


def rendition(width):
    """A WebP copy of ``image`` at ``width`` pixels (never enlarged), for srcset."""
    return ImageSpecField(
        source="image",
        processors=[ResizeToFit(width=width, upscale=False)],
        format="WEBP",
        options={"quality": 80},
    )


def og_rendition():
    """A JPEG of ``image`` cropped to the Open Graph size, for link previews."""
    return ImageSpecField(
        source="image", processors=[ResizeToFill(*OG_SIZE)], format="JPEG", options={"quality": 85}
    )


class IllustratedModel(models.Model):
    """An optional picture: ``image`` with its width and height kept on the row, and its
    renditions (no columns): WebP at each of RENDITION_WIDTHS for srcset, a JPEG for Open
    Graph. A model names its picture by declaring ``image`` again (``image_field("logo")``)."""

    image = image_field(_("image"))
    image_width = dimension_field()
    image_height = dimension_field()
    image_480 = rendition(480)
    image_960 = rendition(960)
    image_1600 = rendition(1600)
    image_og = og_rendition()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save; a picture stored by a save that fails, renditions included, is deleted again,
        and one that the save replaces or clears is deleted once it is committed, unless the
        history still names it (``content.uploads``)."""
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        fields = uploads.file_fields(type(self))
        if kwargs.get("update_fields") is not None:
            fields = [field for field in fields if field.name in kwargs["update_fields"]]
        files = {field: getattr(self, field.attname) for field in fields}
        uploading = {
            field: file.file for field, file in files.items() if file and not file._committed
        }
        stored = getattr(self, "_stored_pictures", {})
        replaced = [
            (field, stored[field.attname])
            for field, file in files.items()
            if stored.get(field.attname)
            and (field in uploading or file.name != stored[field.attname])
        ]
        if uploading:
            try:
                # Renditions are made on post_save, inside the block: their failure fails it too.
                with uploads.deleted_on_error(), transaction.atomic(using=using):
                    super().save(*args, **kwargs)
            except BaseException:
                for field, upload in uploading.items():
                    setattr(self, field.attname, upload)  # stored again by a retry
                raise
        else:
            super().save(*args, **kwargs)
        for field, name in replaced:
            delete = partial(uploads.delete_unless_named, type(self), self.pk, field, name)
            transaction.on_commit(delete, using=using, robust=True)
        self._stored_pictures = self._picture_names()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the row names: a save that replaces or clears a picture deletes the old file.
        instance._stored_pictures = instance._picture_names()
        return instance

    def _picture_names(self):
        names = {}
        for field in uploads.file_fields(type(self)):
            value = self.__dict__.get(field.attname)  # absent when deferred: unknown
            names[field.attname] = getattr(value, "name", value) or None  # a FieldFile or a str
        return names


def listen_for_image_changes_only_on_illustrated_models():
    """django-imagekit listens to ``post_init`` of *every* model (Django sends no signals for
    an abstract base, django-imagekit #126) to remember each picture's hash, so that a save
    knows whether the picture changed. Every translation row, user and version built paid
    for that check: a third of the time a page spends turning rows into objects. The same
    receiver, connected to the models that have renditions only."""
    from django.db.models.signals import post_init
    from imagekit.specs.sourcegroups import signal_router
    from imagekit.utils import get_nonabstract_descendants

    uid = "ik_spec_field_receivers"  # imagekit's own dispatch_uid
    post_init.disconnect(dispatch_uid=uid)
    for group in signal_router._source_groups:
        for model in get_nonabstract_descendants(group.model_class):
            post_init.connect(
                signal_router.post_init_receiver,
                sender=model,
                dispatch_uid=f"{uid}:{model._meta.label}",
            )
