"""The admin of translated content: per-language rights enforced on the server, the
"translation reviewed" tick, status badges, and the translation dashboard."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from parler.utils.views import get_language_parameter

from content import registry
from content.admin import PUBLICATION_FIELDS, RefuseForgedRequestsMixin, shared_field_names
from content.forms import VersionedAdminForm
from content.languages import language_codes, source_language
from content.permissions import can_edit_shared_fields, can_publish
from translationmemory import suggestions
from translations import source_beside, status, store
from translations.models import LanguageRights
from translations.permissions import can_translate


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
    # One address and one translated label per status, not one per language: a list page
    # draws this for every row.
    tab = entry.admin_url(obj, "__language__")
    labels = {state: str(status.Status(state).label) for state in set(statuses.values())}
    return format_html_join(
        " ",
        '<a class="translation-status {}" href="{}" title="{}: {}">{} {}</a>',
        (
            (
                state,
                tab.replace("__language__", language),
                language.upper(),
                labels[state],
                language.upper(),
                "✓" if state == status.Status.UP_TO_DATE else labels[state],
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

    # --- source beside target, and the way to the next field that needs work ---

    def form_field_name(self, language, field):
        """The name on the form of ``field``'s text in ``language`` (one language per tab: the
        field's own name)."""
        return field

    def languages_on_form(self, request, obj=None):
        """The languages whose text the change form shows (parler: the tab's)."""
        return [self.form_language(request, obj)]

    def _next_work_url(self, obj, language):
        opts = self.model._meta
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_next_work",
            args=[obj.pk],
        )
        return f"{url}?language={language}"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None and hasattr(request, "user"):
            entry = registry.entry_for(self.model)
            beside = source_beside.sources_beside(
                entry,
                obj,
                self.languages_on_form(request, obj),
                self.form_field_name,
                lambda language: self._next_work_url(obj, language),
            )
            context["sources_beside"] = beside
            self._add_memory_suggestions(request, context, entry, obj, beside)
            language = self.form_language(request, obj)
            if language != source_language() and language in language_codes():
                first = next(
                    (
                        item
                        for item in beside.values()
                        if item.language == language and item.needs_work
                    ),
                    None,
                )
                context["next_work_url"] = (
                    f"#{source_beside.field_anchor(first.field)}"
                    if first is not None
                    else self._next_work_url(obj, language)
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _add_memory_suggestions(self, request, context, entry, obj, beside):
        """The memory's best matches beside each field that needs work, and the script of
        their "Use this" buttons."""
        wanted = {}
        for language in self.languages_on_form(request, obj):
            for name in entry.translated_fields:
                item = beside.get(self.form_field_name(language, name))
                if item is not None and item.needs_work and name != "slug":
                    wanted[item.field] = (language, name)
        found = suggestions.form_suggestions(entry, obj, wanted) if wanted else {}
        if found:
            context["memory_suggestions"] = found
            context["media"] = context["media"] + forms.Media(js=[suggestions.SCRIPT])

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/next-work/",
                self.admin_site.admin_view(self.next_work_view),
                name=f"{opts.app_label}_{opts.model_name}_next_work",
            ),
            *super().get_urls(),
        ]

    def changelist_order(self, request):
        """The objects in the order of the admin's list (its ordering, then the newest first,
        as Django's changelist makes it total)."""
        ordering = list(self.get_ordering(request) or self.model._meta.ordering or [])
        if not {"pk", "-pk", "id", "-id"} & set(ordering):
            ordering.append("-pk")
        return self.get_queryset(request).order_by(*ordering)

    def next_work_view(self, request, object_id):
        """From the last field that needs work on one object to the first on the next object
        of the list with work in this language (its change page, at that field); back to the
        object, with a message, when no other object has any."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        language = request.GET.get("language", "")
        if language not in language_codes() or language == source_language():
            raise PermissionDenied("No language to translate into.")
        entry = registry.entry_for(self.model)
        found = source_beside.next_object_with_work(
            entry, self.changelist_order(request), obj.pk, language
        )
        if found is not None:
            return HttpResponseRedirect(
                source_beside.first_work_url(entry, found, language, self.form_field_name)
            )
        messages.info(
            request,
            _("No other %(things)s needs work in %(language)s.")
            % {
                "things": self.model._meta.verbose_name_plural,
                "language": get_language_info(language)["name_translated"],
            },
        )
        return HttpResponseRedirect(entry.admin_url(obj, language))

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


class CountedPaginator(Paginator):
    """A paginator told its count (the stored sums), sparing a COUNT over millions of rows."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


def entries_models(entries):
    return [entry.model for entry in entries.values()]


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

        content_types = ContentType.objects.get_for_models(*entries_models(entries))
        entry_of_type = {content_types[entry.model].pk: entry for entry in entries.values()}
        cells = store.summed()
        per_field = {}
        per_language = {code: dict.fromkeys(status.Status.values, 0) for code in languages}
        for (type_id, name, code, cell_state), count in cells.items():
            entry = entry_of_type.get(type_id)
            if entry is None or code not in languages or cell_state not in per_language[code]:
                continue  # a type or language no longer configured
            per_language[code][cell_state] += count
            cell = per_field.setdefault(
                (entry.label, name),
                {code: dict.fromkeys(status.Status.values, 0) for code in languages},
            )
            cell[code][cell_state] += count
        matching = sum(
            count
            for (type_id, _name, code, cell_state), count in cells.items()
            if (not language or code == language)
            and (cell_state == state if state else cell_state < store.NEEDS_WORK_BELOW)
            and (not content or entry_of_type.get(type_id) is entries[content])
        )
        found = store.rows(language, state, entries[content] if content else None)
        page = CountedPaginator(found, self.ROWS_PER_PAGE, matching).get_page(
            request.GET.get("page")
        )
        rows = list(page.object_list)
        objects = {}
        for type_id in {row.content_type_id for row in rows}:
            entry = entry_of_type[type_id]
            pks = [row.object_id for row in rows if row.content_type_id == type_id]
            objects |= {(type_id, obj.pk): obj for obj in entry.objects().filter(pk__in=pks)}
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
                    "language": field_state.language_code,
                    "status": field_state.status,
                    "status_label": status.Status(field_state.status).label,
                    "url": entry.admin_url(obj, field_state.language_code),
                }
                for row in rows
                if (obj := objects.get((row.content_type_id, row.object_id))) is not None
                for entry in [entry_of_type[row.content_type_id]]
                for field_state in [row]
            ],
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/translations/translation_dashboard.html", context)
