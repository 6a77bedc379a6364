"""Rich text: the one sanitiser (nh3, an allowlist) and the model field that applies it on save."""

import nh3
from django.db import models

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "abbr", "bdi", "span", "q", "cite", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang", "dir"},
    "abbr": {"title"},
    # Mixed-direction text (a Latin acronym inside Arabic) needs lang/dir on inline elements.
    "span": {"lang", "dir"},
    "bdi": {"lang", "dir"},
    "p": {"lang", "dir"},
    "q": {"lang", "dir"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(value):
    """Return ``value`` with everything outside the allowlist removed (scripts, styles, events)."""
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def is_clean_html(value):
    """True when sanitising would not change ``value`` (used to reject rather than rewrite)."""
    return sanitize_html(value) == value


class RichTextField(models.TextField):
    """A TextField holding HTML that is sanitised every time the model is saved."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
