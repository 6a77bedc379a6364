"""Admin pieces shared by every content model, and the translated flatpages admin."""

from contextlib import contextmanager

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm
from parler.utils.views import get_language_parameter
from reversion.admin import VersionAdmin
from reversion.models import Version

from eurelations import history, translation_status
from eurelations.models import (
    PublicationStatus,
    PublishableModel,
    StaleObjectError,
    TranslationStatus,
)
from eurelations.permissions import can_edit_shared_fields, can_publish, can_revert, can_translate
from eurelations.richtext import RichTextWidget, editing_language_attrs, set_editing_language


class VersionedAdminForm(TranslatableModelForm):
    """Carries the version the editor started from; a stale one is a form error, not a save."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        # One form per language tab: its rich text is written in that language.
        set_editing_language(self, self.language_code)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            # Locking the row until the admin's transaction ends closes the gap between this
            # check and the save on databases that support it (PostgreSQL).
            current = (
                type(self.instance)
                ._base_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            seen = cleaned_data.get("seen_version")
            if current is None or seen != current:
                raise ValidationError(
                    _(
                        "Someone else saved this %(name)s while you were editing it. Open it "
                        "again to see their changes, then make yours."
                    ),
                    code="stale",
                    params={"name": self.instance._meta.verbose_name},
                )
            self.instance.version = seen
        return cleaned_data


PUBLICATION_FIELDS = ("status", "publish_at")


def shared_field_names(model):
    """The editable fields every language shares (dates, order, links, relations)."""
    return [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in PUBLICATION_FIELDS
    ]


def status_badges(statuses, url):
    return format_html_join(
        " ",
        '<a class="translation-status {}" href="{}?language={}" title="{}: {}">{} {}</a>',
        (
            (
                status,
                url,
                language,
                language.upper(),
                translation_status.Status(status).label,
                language.upper(),
                "✓"
                if status == translation_status.Status.UP_TO_DATE
                else translation_status.Status(status).label,
            )
            for language, status in statuses.items()
        ),
    )


class TranslatorRightsMixin:
    """Per-language rights, enforced on the server: the text of a language the user may not
    translate is read-only, and a POST that tries to write it anyway is refused (403). Shared
    fields need ``edit_shared_fields``, publication needs ``publish_content``."""

    def form_language(self, request, obj=None):
        return get_language_parameter(request, "language")

    def may_translate(self, request, language):
        return can_translate(request.user, language)

    def locked_text_fields(self, request, obj=None):
        raise NotImplementedError

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not hasattr(request, "user"):  # parler asks for the media with a fake request
            return fields
        fields += self.locked_text_fields(request, obj)
        if not can_edit_shared_fields(request.user):
            fields += shared_field_names(self.model)
        if not can_publish(request.user):
            fields += [name for name in PUBLICATION_FIELDS if hasattr(self.model, name)]
        return list(dict.fromkeys(fields))


class HistoryAdminMixin(VersionAdmin):
    """History with revert (django-reversion): the "History" button lists the versions with who
    saved them, when and why. Whoever may open an item may look at its old versions; reverting
    rewrites every language and the shared fields, so it needs the right to edit all of them
    (``can_revert``), checked on the server. ``history.Revert`` keeps the version counter and
    the publication as they are."""

    revision_form_template = "admin/eurelations/revision_form.html"
    recover_form_template = "admin/eurelations/recover_form.html"

    def may_revert(self, request):
        return can_revert(request.user)

    def is_reverting(self, request):
        return getattr(request, "history_revert", None) is not None

    def revision_view(self, request, object_id, version_id, extra_context=None):
        with self._reverting(request, version_id):
            context = self._revert_context(request, extra_context)
            return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        with self._reverting(request, version_id):
            context = self._revert_context(request, extra_context)
            return super().recover_view(request, version_id, context)

    @contextmanager
    def _reverting(self, request, version_id):
        if request.method == "POST" and not self.may_revert(request):
            raise PermissionDenied("Reverting needs the right to edit every language.")
        # reversion matches only the object id: a version of another model is not this one's.
        version = get_object_or_404(Version.objects.get_for_model(self.model), pk=version_id)
        try:
            # reversion's own transaction nests in this one: the rows read by Revert stay locked
            # until the revert is saved or rolled back, so no save slips in between.
            with transaction.atomic(using=version.db):
                request.history_revert = history.Revert(version.revision)
                yield
        finally:
            # Looking at a version reverts it in a transaction that is rolled back: what was
            # cached meanwhile is not what the database holds.
            if self.is_reverting(request):
                request.history_revert.forget_cached_translations()
            request.history_revert = None

    def _revert_context(self, request, extra_context):
        context = {
            "may_revert": self.may_revert(request),
            "publishable": issubclass(self.model, PublishableModel),
            **(extra_context or {}),
        }
        if not context["may_revert"]:
            context.update(show_save=False, show_save_and_continue=False)
        return context

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.is_reverting(request):
            # reversion has just rewritten the rows; the form must start from what is kept.
            request.history_revert.after_revert()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if self.is_reverting(request) and context.get("language_tabs"):
            # parler's tabs link "delete translation" relative to the change page's address.
            context["language_tabs"].allow_deletion = False
        return response


class ContentAdmin(HistoryAdminMixin, TranslatorRightsMixin, TranslatableAdmin):
    """parler's language tabs, plus audit fields and optimistic locking, for every content model."""

    form = VersionedAdminForm
    readonly_fields = ("version", "created_at", "created_by", "updated_at", "updated_by")
    save_on_top = True

    #: The translated field a new slug is written from in the browser (parler cannot use the
    #: ``prepopulated_fields`` attribute with translated fields); None for models without slug.
    slug_source = None

    def get_prepopulated_fields(self, request, obj=None):
        if self.slug_source is None:
            return {}
        if not hasattr(request, "user"):  # parler asks for the media with a fake request
            return {"slug": (self.slug_source,)}
        # Not when the slug or its source is read-only for this user (another language's text).
        readonly = set(self.get_readonly_fields(request, obj))
        if readonly.intersection({"slug", self.slug_source}):
            return {}
        return {"slug": (self.slug_source,)}

    def form_language(self, request, obj=None):
        return self.get_form_language(request, obj)

    def locked_text_fields(self, request, obj=None):
        if self.may_translate(request, self.form_language(request, obj)):
            return []
        return translation_status.translated_fields(self.model)

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status_column")

    def get_queryset(self, request):
        # The status column reads every translation: prefetched, one query for the page.
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("translation status"))
    def translation_status_column(self, obj):
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return status_badges(translation_status.statuses_of(obj), url)

    def get_language_tabs(self, request, obj, available_languages, css_class=None):
        tabs = super().get_language_tabs(request, obj, available_languages, css_class)
        # A translator sees the source (read-only) and the languages they may edit.
        visible = {settings.CONTENT_SOURCE_LANGUAGE, self.form_language(request, obj)}
        tabs[:] = [tab for tab in tabs if tab[2] in visible or self.may_translate(request, tab[2])]
        return tabs

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        language_allowed = self.may_translate(request, self.form_language(request, obj))
        shared_allowed = can_edit_shared_fields(request.user)
        for inline in inlines:
            if not language_allowed:
                inline.has_add_permission = lambda request, obj=None: False
                inline.has_change_permission = lambda request, obj=None: False
                inline.has_delete_permission = lambda request, obj=None: False
            elif not shared_allowed:
                inline.readonly_fields = (
                    *inline.readonly_fields,
                    *[
                        name
                        for name in shared_field_names(inline.model)
                        # The link to the parent is the formset's, never a form field.
                        if getattr(inline.model._meta.get_field(name), "related_model", None)
                        is not self.model
                    ],
                )
                inline.has_add_permission = lambda request, obj=None: False
                inline.has_delete_permission = lambda request, obj=None: False
        return inlines

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            language = get_language_parameter(request, self.query_language_key)
            if not self.may_translate(request, language):
                text_fields = translation_status.translated_fields(self.model)
                # Read from the table: get_object() starts an empty translation in the cache.
                exists = bool(object_id) and (
                    self.model._parler_meta.root_model.objects.filter(
                        master_id=unquote(object_id), language_code=language
                    ).exists()
                )
                if not exists or any(name in request.POST for name in text_fields):
                    raise PermissionDenied(f"You may not edit the {language} text.")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        return [
            *fieldsets,
            (
                _("History"),
                {
                    "classes": ("collapse",),
                    "fields": ("seen_version", *self.readonly_fields),
                },
            ),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        language = form.language_code
        if (
            self.may_translate(request, language)
            and obj.has_translation(language)
            # A revert brings back each translation with the source it was made from.
            and not self.is_reverting(request)
        ):
            # Saving a translation is the translator's word that it matches today's source,
            # even when not a letter changed: it is no longer stale.
            translation_status.stamp_translation(
                None, obj._get_translated_model(language, auto_create=True)
            )
        try:
            super().save_model(request, obj, form, change)
        except StaleObjectError as error:
            # The form check normally catches this first; a save that still races loses cleanly.
            raise ValidationError(str(error)) from error

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return str(obj)


class PublishableAdmin(ContentAdmin):
    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        count = 0
        for obj in queryset:
            if obj.status != PublicationStatus.PUBLISHED:
                obj.status = PublicationStatus.PUBLISHED
                obj.updated_by = request.user
                obj.save()
                count += 1
        if reversion.is_active():
            reversion.set_comment(gettext("Published."))
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
        )

    @admin.action(description=_("Unpublish the selected items"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset:
            if obj.status != PublicationStatus.DRAFT:
                obj.status = PublicationStatus.DRAFT
                obj.updated_by = request.user
                obj.save()
                count += 1
        if reversion.is_active():
            reversion.set_comment(gettext("Unpublished."))
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
        )


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class TranslatedFlatPageAdmin(
    HistoryAdminMixin, TranslatorRightsMixin, FlatPageAdmin, TabbedTranslationAdmin
):
    """Static pages (legal notice, privacy, contact) with one tab per language."""

    list_display = ("url", "title", "translation_status_column")
    # The content is rich text: the same editor as our own models' RichTextField (the only
    # TextField of a flatpage; modeltranslation copies the widget to each content_<language>).
    formfield_overrides = {models.TextField: {"widget": RichTextWidget}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # All four languages on one page: each editor is written in its field's language.
        language = getattr(db_field, "language", None)
        if field is not None and language and isinstance(field.widget, RichTextWidget):
            field.widget.attrs.update(editing_language_attrs(language))
        return field

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translation_hashes")

    def reversion_register(self, model, **kwargs):
        # Not our model to decorate: registered when the admin loads, after modeltranslation
        # has added the per-language columns that a version must hold.
        history.register_flatpage(model)

    def locked_text_fields(self, request, obj=None):
        return [
            build_localized_fieldname(name, language)
            for name in translation_status.FLATPAGE_FIELDS
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
        url = reverse("admin:flatpages_flatpage_change", args=[obj.pk])
        return status_badges(translation_status.flatpage_statuses_of(obj), url)


@admin.register(TranslationStatus)
class TranslationDashboardAdmin(admin.ModelAdmin):
    """The translation dashboard: per language, what is missing, stale or up to date."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = translation_status.all_statuses()
        languages = dict(settings.LANGUAGES)
        language = request.GET.get("language", "")
        status = request.GET.get("status", "")
        language = language if language in languages else ""
        status = status if status in translation_status.Status.values else ""
        shown = [
            row
            for row in rows
            if (not language or row.language == language) and (not status or row.status == status)
        ]
        counts = translation_status.counts(rows)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model._meta,
            "source_language": settings.CONTENT_SOURCE_LANGUAGE,
            "summary": [
                (
                    code,
                    languages[code],
                    [
                        (s, label, counts[code][s])
                        for s, label in translation_status.Status.choices
                    ],
                )
                for code in languages
            ],
            "statuses": translation_status.Status.choices,
            "languages": list(languages.items()),
            "language": language,
            "status": status,
            "rows": shown,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/eurelations/translation_dashboard.html", context)


admin.site.site_header = _("eurelations administration")
admin.site.site_title = _("eurelations")
admin.site.index_title = _("Content")
