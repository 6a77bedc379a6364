"""``{% responsive_image obj sizes %}``: an object's optional image as <img srcset> with its
width and height (no layout shift) and its alt text in the page's language."""

from django import template
from django.utils.html import format_html

from content.images import RENDITION_WIDTHS
from content.site import absolute

register = template.Library()


def renditions(obj):
    """[(url, width, height)] of ``obj``'s WebP renditions, smallest first, without duplicates
    (a source narrower than a rendition width is never enlarged). No storage access: the
    sizes come from the row, the URLs from the renditions' names."""
    width, height = obj.image_width, obj.image_height
    if not (obj.image and width and height):
        return []
    result, seen = [], set()
    for target in RENDITION_WIDTHS:
        actual = min(target, width)
        if actual in seen:
            continue
        seen.add(actual)
        result.append(
            (getattr(obj, f"image_{target}").url, actual, round(height * actual / width))
        )
    return result


@register.simple_tag
def responsive_image(obj, sizes="100vw", loading="lazy", css_class=""):
    files = renditions(obj)
    if not files:
        return ""
    src, width, height = files[min(1, len(files) - 1)]
    alt = obj.safe_translation_getter("image_alt", default="") or ""
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}"'
        ' decoding="async"{}>',
        src,
        ", ".join(f"{url} {w}w" for url, w, _h in files),
        sizes,
        width,
        height,
        alt,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.simple_tag
def og_image_of(obj):
    """The Open Graph image of a page showing ``obj``: its own picture when it has one."""
    if not (obj is not None and obj.image and obj.image_width):
        return None
    return {
        "url": absolute(obj.image_og.url),
        "width": 1200,
        "height": 630,
        "alt": obj.safe_translation_getter("image_alt", default="") or "",
    }


CARD_IMAGE_SIZES = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw"


def card_image(obj):
    """A card's picture (the lists' cards), or nothing."""
    if not obj.image:
        return ""
    return f'<div class="card-image">{responsive_image(obj, sizes=CARD_IMAGE_SIZES)}</div>'
