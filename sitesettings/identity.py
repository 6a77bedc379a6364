"""The site's settings as every page reads them: a frozen copy per language, built once per
version of their cache tag in each process (as the footer is,
``pages.templatetags.static_pages``), so they cost a page no query. A change to the settings
is a change to every page's frame: the page cache watches their rows (``apps.py``) and
invalidates their tag (``cachetags.SETTINGS``), and the next page reads them again."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from parler.utils.i18n import get_active_language_choices

from content import cachetags
from content.languages import language_codes
from content.templatetags.images import renditions
from pagecache.invalidation import tag_version
from sitesettings.models import SiteSettings

#: The site's own emblem, shown while the settings have none.
DEFAULT_EMBLEM = "img/emblem.svg"
TEXT_FIELDS = ("name", "short_name", "tagline", "image_alt", "address", "publisher", "controller")
SHARED_FIELDS = ("email", "telephone", "data_protection_email", "log_retention_days")

#: Which facts a static page shows at the head of its text, by the role the settings give it,
#: and that section's heading.
PAGE_FACTS = {
    "contact_page": ("address", "email", "telephone"),
    "legal_notice_page": ("publisher", "address", "email", "telephone"),
    "privacy_notice_page": ("controller", "data_protection_email", "log_retention_days"),
}
FACTS_HEADINGS = {
    "contact_page": _("How to contact the Office"),
    "legal_notice_page": _("Publisher of the site"),
    "privacy_notice_page": _("Who is responsible for your data"),
}
FACT_LABELS = {
    "address": _("Postal address"),
    "email": _("E-mail"),
    "telephone": _("Telephone"),
    "publisher": _("Publisher"),
    "controller": _("Data controller"),
    "data_protection_email": _("Requests about personal data"),
    "log_retention_days": _("Retention of server logs"),
}
#: What a page says of a fact the Office has not given yet: never a made-up value.
NOT_PROVIDED = _("Not yet provided by the Office")

# {their tag's version: {language: Identity}}; old versions are dropped when full.
_IDENTITIES = {}
_IDENTITIES_MAX = 8


@dataclass(frozen=True)
class Fact:
    label: str
    lines: tuple
    href: str = ""
    provided: bool = True


@dataclass(frozen=True)
class Identity:
    """The settings in one language (each text in its fallback language when empty there)."""

    name: str = ""
    short_name: str = ""
    tagline: str = ""
    image_alt: str = ""
    address: str = ""
    publisher: str = ""
    controller: str = ""
    email: str = ""
    telephone: str = ""
    data_protection_email: str = ""
    log_retention_days: int | None = None
    #: ((url, width, height), ...) of the uploaded emblem's renditions; empty: our own emblem.
    emblem_renditions: tuple = ()
    #: {flatpage pk: role} (``PAGE_FACTS``).
    page_roles: dict = field(default_factory=dict)

    @property
    def emblem_url(self):
        if self.emblem_renditions:
            return self.emblem_renditions[0][0]
        return static(DEFAULT_EMBLEM)

    @property
    def emblem_srcset(self):
        return ", ".join(f"{url} {width}w" for url, width, _height in self.emblem_renditions)

    @property
    def address_lines(self):
        return tuple(line.strip() for line in self.address.splitlines() if line.strip())

    def facts_heading(self, page):
        """The heading of the facts' section on ``page``; empty for a page without a role."""
        role = self.page_roles.get(getattr(page, "pk", None))
        return str(FACTS_HEADINGS[role]) if role in FACTS_HEADINGS else ""

    def facts_for(self, page):
        """The facts ``page`` shows, as the settings give them: none for a page without a role;
        a fact the Office has not given yet is said to be missing, never made up."""
        role = self.page_roles.get(getattr(page, "pk", None))
        facts = []
        for name in PAGE_FACTS.get(role, ()):
            value = getattr(self, name)
            label = str(FACT_LABELS[name])
            if not value:
                facts.append(Fact(label, (str(NOT_PROVIDED),), provided=False))
            elif name == "log_retention_days":
                days = ngettext("%(days)d day", "%(days)d days", value) % {"days": value}
                facts.append(Fact(label, (days,)))
            else:
                lines = self.address_lines if name == "address" else (value,)
                facts.append(Fact(label, lines, _href(name, value)))
        return facts


def _href(name, value):
    if name in ("email", "data_protection_email"):
        return f"mailto:{value}"
    if name == "telephone":
        return "tel:" + re.sub(r"[^0-9+]", "", value)
    return ""


def load():
    """{language: Identity} from the database: one query (the translations with their
    record), two when the record has no translation yet."""
    rows = list(
        SiteSettings._parler_meta.root_model.objects.filter(
            master__site_id=settings.SITE_ID
        ).select_related("master")
    )
    record = (
        rows[0].master if rows else SiteSettings.objects.filter(site_id=settings.SITE_ID).first()
    )
    if record is None:
        return {}
    texts = {row.language_code: row for row in rows}
    shared = {name: getattr(record, name) for name in SHARED_FIELDS}
    shared["emblem_renditions"] = tuple(renditions(record))
    shared["page_roles"] = {
        getattr(record, f"{role}_id"): role
        for role in PAGE_FACTS
        if getattr(record, f"{role}_id") is not None
    }
    return {
        language: Identity(
            **{name: _text(texts, name, language) for name in TEXT_FIELDS}, **shared
        )
        for language in language_codes()
    }


def _text(texts, name, language):
    # The page's language, else the first of its fallbacks that has the text.
    for code in get_active_language_choices(language):
        value = getattr(texts.get(code), name, "") or ""
        if value:
            return value
    return ""


def site_identity(language=None):
    """The settings in ``language`` (the active one by default)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    generation = tag_version(cachetags.SETTINGS)
    identities = _IDENTITIES.get(generation) if generation is not None else None
    if identities is None:
        identities = load()
        # No version while the cache is down: nothing would say when the copy is stale.
        if generation is not None:
            if len(_IDENTITIES) >= _IDENTITIES_MAX:
                _IDENTITIES.clear()
            _IDENTITIES[generation] = identities
    return identities.get(language.split("-")[0]) or Identity()
