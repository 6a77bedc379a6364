"""Optional images on the content (partnership hero, areas, projects, partner logos): upload
checks by content, and the responsive renditions (django-imagekit; ``docs/architecture.md``)."""

import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from PIL import Image
from pilkit.processors import ResizeToFill, ResizeToFit

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


def inspect_image(file):
    """Check an uploaded file by its content and return its Pillow format. Raises a
    ValidationError saying what is wrong: not an image, too heavy, too large, too small."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; images may be at most %(max)s MB."),
            code="image_too_heavy",
            params={"size": round(size / 1024 / 1024, 1), "max": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        # Pillow reads only the header here: a decompression bomb is refused by its declared
        # size before a single pixel is decoded. Its own bomb warning is an error too.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
                if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                    raise _too_large(width, height)
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_large(None, None) from error
    except Exception as error:  # Pillow raises many kinds on a file that is not an image
        raise ValidationError(
            _("This file is not an image that can be used: upload a JPEG, PNG or WebP picture."),
            code="not_an_image",
        ) from error
    finally:
        if hasattr(file, "seek"):
            file.seek(position)
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
