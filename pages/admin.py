"""The static pages' admin: flatpages with one tab per language (modeltranslation), the
same per-language rights, history and status as our own content."""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from content.admin import HistoryAdminMixin
from content.forms import OptimisticLockingForm
from content.languages import language_codes
from content.richtext import RichTextWidget
from pages.content import CONTENT_MAX_LENGTH, FIELDS, PAGE_TEMPLATES, URL_PREFIX, column
from pages.models import SHARED, PageVersions
from translations import status
from translations.admin import TranslatorRightsMixin, status_badges
from translations.permissions import can_revert

admin.site.unregister(FlatPage)


class PageForm(OptimisticLockingForm, FlatpageForm):
    """Refuses what the site would accept and never serve: an address outside /pages/, a
    template that does not exist or is not a page's (the admin's login). Locks like our own
    content: a counter per language's text and one for the shared fields (pages.models), so two
    people saving different languages of a page both save, and the same language conflicts."""

    seen_translation_versions = forms.CharField(widget=forms.HiddenInput, required=False)

    CONTROL_FIELDS = (*OptimisticLockingForm.CONTROL_FIELDS, "seen_translation_versions")

    template_name = forms.ChoiceField(
        label=_("template"),
        choices=PAGE_TEMPLATES,
        required=False,
        help_text=_("How the page is laid out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.startswith("content_"):
                # Flatpages are not our model: the limit our own rich text has, set here.
                field.validators.append(MaxLengthValidator(CONTENT_MAX_LENGTH))
        if self.instance.pk:
            # Every language is on one page: what the editor saw of each is posted back, so a
            # save knows which languages *they* changed (and keeps the others as saved since).
            for names in self.text_fields().values():
                for name in names:
                    self.fields[name].show_hidden_initial = True
        if "url" in self.fields:  # read-only for translators
            self.fields["url"].help_text = _(
                "The page's address, the same in every language: it starts with %(prefix)s, for "
                "example %(example)s."
            ) % {"prefix": URL_PREFIX, "example": f"{URL_PREFIX}legal-notice/"}

    def text_fields(self):
        return {
            code: [column(name, code) for name in FIELDS if column(name, code) in self.fields]
            for code, _name in settings.LANGUAGES
            if any(column(name, code) in self.fields for name in FIELDS)
        }

    def current_versions(self, lock=False):
        if not FlatPage._base_manager.filter(pk=self.instance.pk).exists():
            return None, {}
        if lock:
            PageVersions.objects.get_or_create(page_id=self.instance.pk)
            row = PageVersions.objects.select_for_update().get(page_id=self.instance.pk)
        else:
            row = PageVersions.objects.filter(page_id=self.instance.pk).first()
            row = row or PageVersions(page_id=self.instance.pk)
        return row.version(SHARED), {code: row.version(code) for code, _n in settings.LANGUAGES}

    def carry_text_versions(self, versions):
        self.fields["seen_translation_versions"].initial = " ".join(
            f"{code}:{version}" for code, version in versions.items()
        )

    def seen_text_versions(self, cleaned_data):
        seen = {}
        for pair in (cleaned_data.get("seen_translation_versions") or "").split():
            code, _sep, version = pair.partition(":")
            if version.isdigit():
                seen[code] = int(version)
        return seen

    def stale_text(self, language, names, cleaned_data):
        # Someone saved this language since: a conflict if this editor changed it too, else
        # what they saved stays (keep_text).
        return [name for name in names if name in self.changed_data]

    def keep_text(self, language, fresh):
        for name in self.text_fields()[language]:
            setattr(self.instance, name, getattr(fresh, name))

    def save(self, commit=True):
        page = super().save(commit)
        if self.instance.pk and hasattr(self, "_seen_texts"):
            # The rows were locked by clean(): raise the counters of what this save changed.
            row = PageVersions.objects.select_for_update().get(page_id=self.instance.pk)
            raised = [SHARED] if self.instance.shared_fields_edited else []
            raised += self._bumped_languages
            for key in raised:
                row.counters[key] = row.version(key) + 1
            if raised:
                row.save(update_fields=["counters"])
        return page

    def clean_url(self):
        url = super().clean_url()
        if not url.startswith(URL_PREFIX) or url == URL_PREFIX:
            raise ValidationError(
                _(
                    "The site serves static pages only at addresses that start with "
                    "%(prefix)s, for example %(example)s."
                ),
                code="not_served",
                params={"prefix": URL_PREFIX, "example": f"{URL_PREFIX}legal-notice/"},
            )
        return url


#: The hidden fields that carry the versions the editor started from.
LOCKING_FIELDS = ("seen_version", "seen_translation_versions")


@admin.register(FlatPage)
class TranslatedFlatPageAdmin(
    HistoryAdminMixin, TranslatorRightsMixin, FlatPageAdmin, TabbedTranslationAdmin
):
    """Static pages (legal notice, privacy, contact) with one tab per language."""

    form = PageForm
    list_display = ("url", "title", "translation_status_column")
    # The content is rich text: the same editor as our own models' RichTextField (the only
    # TextField of a flatpage; modeltranslation copies the widget to each content_<language>).
    formfield_overrides = {models.TextField: {"widget": RichTextWidget}}

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The status column's confirmations for the whole page: one query.
        changelist.result_list = status.attach_confirmations(changelist.result_list)
        return changelist

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and self.is_reverting(request):
            PageVersions.raise_all(obj.pk)

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            (_("History"), {"classes": ("collapse",), "fields": LOCKING_FIELDS}),
        ]

    def reversion_register(self, model, **kwargs):
        # Not our model to decorate: registered when the admin loads, after modeltranslation
        # has added the per-language columns that a version must hold.
        reversion.register(model)

    def may_revert(self, request):
        return can_revert(request.user)

    def text_field_names(self):
        return {
            *FIELDS,
            *(
                build_localized_fieldname(name, code)
                for name in FIELDS
                for code, _n in settings.LANGUAGES
            ),
        }

    def form_field_name(self, language, field):
        return column(field, language)

    def languages_on_form(self, request, obj=None):
        # Every language's columns are on the one page, each under its tab.
        return language_codes()

    def locked_text_fields(self, request, obj=None):
        return [
            build_localized_fieldname(name, language)
            for name in FIELDS
            for language, _name in settings.LANGUAGES
            if not self.may_translate(request, language)
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and any(
            name in request.POST for name in self.locked_text_fields(request)
        ):
            raise PermissionDenied("You may not edit the text of this language.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("translation status"))
    def translation_status_column(self, obj):
        return status_badges(obj, status.statuses_of(obj))
