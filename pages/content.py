"""Flatpages as registered content: how their per-language columns (modeltranslation) are
read, so translation status, PO exchange, search, sitemaps and the page cache treat them like
our own models without asking "is this a flatpage?"."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from content import registry
from content.languages import language_codes, source_language
from translations.status import confirm

FIELDS = ("title", "content")
#: Where static pages live (pages/urls.py serves nothing else).
URL_PREFIX = "/pages/"
#: A page's text is at most this long, in each language (FlatPage.content has no limit).
CONTENT_MAX_LENGTH = 100_000
#: The templates a static page may use; empty is the default one.
PAGE_TEMPLATES = [("", _("Standard page"))]


def column(name, language):
    return build_localized_fieldname(name, language)


class FlatPageContent:
    model = FlatPage
    label = "flatpages.flatpage"
    translated_fields = list(FIELDS)
    public = True
    search_fields = FIELDS
    verbose_name_plural = _("Pages")
    # The footer links every static page: a change of one is a change of the site's shared
    # parts (``content.cachetags.SHARED``), on every page.
    shared = True
    list_fields = ("url", "title", "registration_required")

    def __repr__(self):
        return "<FlatPageContent>"

    def field(self, name):
        return FlatPage._meta.get_field(name)

    def max_length(self, name):
        return CONTENT_MAX_LENGTH if name == "content" else self.field(name).max_length

    def stored_models(self):
        return [FlatPage, FlatPage.sites.through]

    def objects(self):
        return FlatPage.objects.order_by("url")

    def is_rich(self, name):
        return name == "content"

    def slug_taken(self, slug, language, pk):
        return False  # a flatpage's address is its url, not a translated slug

    def write_translation(self, pk, values, language, user=None):
        page = FlatPage.objects.get(pk=pk)
        for name, text in values.items():
            if len(text) > self.max_length(name):
                raise ValidationError(
                    _("At most %(limit)d characters.") % {"limit": self.max_length(name)}
                )
            setattr(page, column(name, language), text)
        page.full_clean()
        page.save()

    def values(self, page, language):
        values = {name: getattr(page, column(name, language)) or "" for name in FIELDS}
        # A language has the page when its title is filled in.
        return values if values["title"] else None

    def available_languages(self, page):
        return {code for code in language_codes() if self.values(page, code)}

    def key(self, page):
        return page.url

    def key_filter(self, keys):
        return Q(url__in=keys)

    def label_of(self, page):
        title = (self.values(page, source_language()) or {}).get("title", "")
        return f"{page.url} {title}".strip()[:80]

    def admin_url(self, page, language):
        url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
        return f"{url}?language={language}"

    def published(self):
        return FlatPage.objects.filter(sites__id=settings.SITE_ID, registration_required=False)

    def url_in(self, page, language):
        # Django's FlatPage.get_absolute_url knows nothing of our language prefixes.
        with translation.override(language):
            return reverse("pages:flatpage", kwargs={"url": page.url.lstrip("/")})

    def search_rows(self, language):
        title, content = column("title", language), column("content", language)
        pages = self.published().exclude(Q(**{title: ""}) | Q(**{f"{title}__isnull": True}))

        def url(page):
            return self.url_in(page, language)

        return pages, (title, content), title, content, url


# --- edits confirm their translation (translations.status's rule) -------------------------------


def _remember_edits(sender, instance, raw=False, **kwargs):
    """pre_save: which (language, field) columns does this save change?"""
    if raw:
        return
    names = [column(f, code) for f in FIELDS for code in language_codes()]
    old = None
    if instance.pk:
        old = FlatPage._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._edited_columns = {
        (code, f)
        for code in language_codes()
        for f in FIELDS
        if getattr(instance, column(f, code))
        and (old is None or (old[column(f, code)] or "") != getattr(instance, column(f, code)))
    }


def _confirm_edits(sender, instance, raw=False, **kwargs):
    edited = getattr(instance, "_edited_columns", None)
    if raw or not edited:
        return
    source = {f: getattr(instance, column(f, source_language())) or "" for f in FIELDS}
    for code in language_codes():
        confirm(instance, code, [f for f in FIELDS if (code, f) in edited], source)
    instance._edited_columns = set()


def connect():
    registry.register(FlatPageContent())
    pre_save.connect(_remember_edits, sender=FlatPage, dispatch_uid="pages:remember_edits")
    post_save.connect(_confirm_edits, sender=FlatPage, dispatch_uid="pages:confirm_edits")
