"""The admin of translated content: per-language rights enforced on the server, the
"translation reviewed" tick, status badges, and the translation dashboard."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin
from parler.utils.views import get_language_parameter

from eurelations import registry
from eurelations.admin import (
    PUBLICATION_FIELDS,
    HistoryAdminMixin,
    PublicationActionsMixin,
    RefuseForgedRequestsMixin,
    VersionedAdminForm,
    shared_field_names,
)
from eurelations.models import StaleObjectError
from eurelations.permissions import can_edit_shared_fields, can_publish
from translations import status
from translations.models import LanguageRights
from translations.permissions import can_revert, can_translate


class TranslationAdminForm(VersionedAdminForm):
    """A language tab: its text, and the tick that confirms it still matches the source."""

    translation_reviewed = forms.BooleanField(
        label=_("Translation reviewed"),
        required=False,
        help_text=_(
            "Tick to confirm that this language's text still says what the source says, "
            "without changing it: it is then no longer marked stale."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.language_code == settings.CONTENT_SOURCE_LANGUAGE or not self.instance.pk:
            # The source has nothing to be checked against; a new item nothing to review.
            del self.fields["translation_reviewed"]


def status_badges(obj, statuses):
    """One link per language to the tab where its text is edited, marked with its status."""
    entry = registry.entry_for(obj)
    return format_html_join(
        " ",
        '<a class="translation-status {}" href="{}" title="{}: {}">{} {}</a>',
        (
            (
                state,
                entry.admin_url(obj, language),
                language.upper(),
                status.Status(state).label,
                language.upper(),
                "✓" if state == status.Status.UP_TO_DATE else status.Status(state).label,
            )
            for language, state in statuses.items()
        ),
    )


class TranslatorRightsMixin(RefuseForgedRequestsMixin):
    """Per-language rights, enforced on the server: the text of a language the user may not
    translate is read-only, and a POST that tries to write it anyway is refused (403). Shared
    fields need ``edit_shared_fields``, publication needs ``publish_content``; a forged value
    for one of them is a form error (``RefuseForgedRequestsMixin``)."""

    def form_language(self, request, obj=None):
        return get_language_parameter(request, "language")

    def may_translate(self, request, language):
        return can_translate(request.user, language)

    def locked_text_fields(self, request, obj=None):
        raise NotImplementedError

    def text_field_names(self):
        """The model's translated fields: a language's right, never a shared field."""
        return set(registry.entry_for(self.model).translated_fields)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not hasattr(request, "user"):  # parler asks for the media with a fake request
            return fields
        fields += self.locked_text_fields(request, obj)
        if not can_edit_shared_fields(request.user):
            # modeltranslation reads a read-only "title" as every title_<language>: the text
            # stays each language's own right (locked_text_fields).
            text = self.text_field_names()
            fields += [name for name in shared_field_names(self.model) if name not in text]
        if not can_publish(request.user):
            fields += [name for name in PUBLICATION_FIELDS if hasattr(self.model, name)]
        return list(dict.fromkeys(fields))


class ContentAdmin(HistoryAdminMixin, TranslatorRightsMixin, TranslatableAdmin):
    """parler's language tabs, plus audit fields and optimistic locking, for every content model."""

    form = TranslationAdminForm
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
        return registry.entry_for(self.model).translated_fields

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status_column")

    def get_queryset(self, request):
        # The status column reads every translation: prefetched, one query for the page.
        return super().get_queryset(request).prefetch_related("translations")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not can_edit_shared_fields(request.user):
            # The editable columns (order) are shared fields: not offered to translators and
            # publishers, and a forged save of them is refused (changelist_view).
            changelist.list_editable = ()
        # ... and every confirmation of the page's objects: one more query.
        changelist.result_list = status.attach_confirmations(changelist.result_list)
        return changelist

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        # An editable column's inputs sit in a table cell with no <label>: each gets its
        # column's name.
        for name, field in formset.form.base_fields.items():
            field.widget.attrs.setdefault("aria-label", str(field.label or name))
        return formset

    def changelist_view(self, request, extra_context=None):
        if (
            request.method == "POST"
            and "_save" in request.POST
            and self.list_editable
            and not can_edit_shared_fields(request.user)
        ):
            raise PermissionDenied("The editable columns are shared fields.")
        return super().changelist_view(request, extra_context)

    def may_revert(self, request):
        return can_revert(request.user)

    @admin.display(description=_("translation status"))
    def translation_status_column(self, obj):
        return status_badges(obj, status.statuses_of(obj))

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
                text_fields = registry.entry_for(self.model).translated_fields
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
        language = self.form_language(request, obj)
        if (
            obj is not None
            and language != settings.CONTENT_SOURCE_LANGUAGE
            and self.may_translate(request, language)
        ):
            fieldsets.append((_("Translation"), {"fields": ("translation_reviewed",)}))
        return [
            *fieldsets,
            (
                _("History"),
                {
                    "classes": ("collapse",),
                    "fields": ("seen_version", "seen_translation_version", *self.readonly_fields),
                },
            ),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        try:
            super().save_model(request, obj, form, change)
        except StaleObjectError as error:
            # The form check normally catches this first; a save that still races loses cleanly.
            raise ValidationError(str(error)) from error
        # A changelist's editable column has no language tab, and so nothing to review.
        language = getattr(form, "language_code", None)
        reviewed = getattr(form, "cleaned_data", {}).get("translation_reviewed")
        if reviewed and language and self.may_translate(request, language):
            # The translator's word that this language still matches today's source.
            fresh = type(obj).objects.prefetch_related("translations").get(pk=obj.pk)
            status.confirm_all(fresh, language)

    @admin.display(description=_("title"))
    def title_column(self, obj):
        return str(obj)


class PublishableAdmin(PublicationActionsMixin, ContentAdmin):
    pass


@admin.register(LanguageRights)
class TranslationDashboardAdmin(admin.ModelAdmin):
    """The translation dashboard: counts per field and language, then every field that needs
    work (missing or stale), filtered by language, status and content type, paginated, each
    linking to the language tab where it is fixed."""

    ROWS_PER_PAGE = 100

    def get_urls(self):
        # The dashboard is one page: LanguageRights has no table, so no item to change,
        # delete or look at the history of.
        opts = self.model._meta
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name=f"{opts.app_label}_{opts.model_name}_changelist",
            )
        ]

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm(
            "translations.view_translation_status"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        languages = dict(settings.LANGUAGES)
        entries = {entry.label: entry for entry in registry.entries()}
        language = request.GET.get("language", "")
        state = request.GET.get("status", "")
        content = request.GET.get("model", "")
        language = language if language in languages else ""
        state = state if state in status.Status.values else ""
        content = content if content in entries else ""

        per_field = {}
        per_language = {code: dict.fromkeys(status.Status.values, 0) for code in languages}
        rows = []
        for entry, obj, states in status.all_field_states():
            for field_state in states:
                key = (entry.label, field_state.field)
                cell = per_field.setdefault(
                    key,
                    {code: dict.fromkeys(status.Status.values, 0) for code in languages},
                )
                cell[field_state.language][field_state.status] += 1
                per_language[field_state.language][field_state.status] += 1
                if (
                    (not language or field_state.language == language)
                    and (
                        field_state.status == state
                        if state
                        else field_state.status != status.Status.UP_TO_DATE
                    )
                    and (not content or entry.label == content)
                ):
                    rows.append((entry, obj, field_state))
        page = Paginator(rows, self.ROWS_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model._meta,
            "source_language": settings.CONTENT_SOURCE_LANGUAGE,
            "statuses": status.Status.choices,
            "languages": list(languages.items()),
            "models": [
                (label, entry.model._meta.verbose_name) for label, entry in entries.items()
            ],
            "summary": [
                (
                    code,
                    name,
                    [(s, label, per_language[code][s]) for s, label in status.Status.choices],
                )
                for code, name in languages.items()
            ],
            "field_counts": [
                (
                    entries[label].model._meta.verbose_name,
                    entries[label].field(name).verbose_name,
                    [(code, cell[code]) for code in languages],
                )
                for (label, name), cell in per_field.items()
            ],
            "language": language,
            "status": state,
            "model": content,
            "page": page,
            "query": query.urlencode(),
            "rows": [
                {
                    "model": entry.model._meta.verbose_name,
                    "label": entry.label_of(obj),
                    "field": entry.field(field_state.field).verbose_name,
                    "language": field_state.language,
                    "status": field_state.status,
                    "status_label": status.Status(field_state.status).label,
                    "url": entry.admin_url(obj, field_state.language),
                }
                for entry, obj, field_state in page.object_list
            ],
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/translations/translation_dashboard.html", context)
