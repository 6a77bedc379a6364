"""The dashboard's own panels (``workspace.dashboard``): what is scheduled, the translation work
in the person's languages, and what others changed. Each shows only what the person may act on,
in a constant number of queries whatever the amount of content."""

from collections import Counter

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from content import registry
from content.languages import source_language
from content.models import PublishableModel
from content.permissions import can_edit_shared_fields, can_publish
from translations.permissions import translatable_languages
from translations.status import Status
from translations.store import items_summed, summed
from workspace.dashboard import Panel, register

#: Rows a list panel shows at most.
LIMIT = 10


@register
class ScheduledPanel(Panel):
    """Items with a future publication time, soonest first, for those who may publish them or
    edit them (their publication time is a shared field: not a translator's)."""

    order = 10
    title = _("Scheduled")
    template_name = "workspace/panels/scheduled.html"

    def get_context(self, request):
        items = []
        for entry in registry.entries():
            if not issubclass(entry.model, PublishableModel):
                continue
            model_admin = admin.site._registry.get(entry.model)
            if model_admin is None or not (
                can_publish(request.user)
                or (
                    can_edit_shared_fields(request.user)
                    and model_admin.has_change_permission(request)
                )
            ):
                continue
            scheduled = entry.objects().filter(publish_at__gt=timezone.now())
            for obj in scheduled.order_by("publish_at")[:LIMIT]:
                items.append(
                    {
                        "label": entry.label_of(obj),
                        "type": entry.model._meta.verbose_name,
                        "when": obj.publish_at,
                        "status": obj.get_status_display(),
                        "url": entry.admin_url(obj, source_language()),
                    }
                )
        if not items:
            return None
        return {"items": sorted(items, key=lambda item: item["when"])[:LIMIT]}


@register
class TranslationsPanel(Panel):
    """Per language the person may translate: how many items (objects) need work, and how many
    of their fields are missing and stale, in all and per type of content they may change, each
    linking to the translation status page filtered to them (from the stored sums: two
    queries)."""

    order = 20
    title = _("Translations in your languages")
    template_name = "workspace/panels/translations.html"
    STATES = (Status.MISSING, Status.STALE)

    def get_context(self, request):
        languages = [
            code for code in translatable_languages(request.user) if code != source_language()
        ]
        if not languages:
            return None
        entries = [
            entry
            for entry in registry.entries()
            if (model_admin := admin.site._registry.get(entry.model)) is not None
            and model_admin.has_change_permission(request)
        ]
        if not entries:
            return None
        types = ContentType.objects.get_for_models(*(entry.model for entry in entries))
        entry_of_type = {types[entry.model].pk: entry for entry in entries}
        wanted = {"language_code__in": languages, "status__in": self.STATES}
        fields, items = Counter(), Counter()
        for (type_id, _field, code, state), count in summed(**wanted).items():
            if type_id in entry_of_type:
                fields[(code, type_id, state)] += count
                fields[(code, None, state)] += count
        for (type_id, code, _state), count in items_summed(**wanted).items():
            if type_id in entry_of_type:
                items[(code, type_id)] += count
                items[(code, None)] += count
        try:
            page = reverse("admin:translations_languagerights_changelist")
        except NoReverseMatch:
            page = None
        may_see_page = page and request.user.has_perm("translations.view_translation_status")

        def link(**query):
            return f"{page}?{urlencode(query)}" if may_see_page else None

        def cells(code, type_id, model):
            where = {"language": code, **({"model": model} if model else {})}
            return [
                {
                    "status": state,
                    "label": state.label,
                    "count": fields[(code, type_id, state)],
                    "url": link(**where, status=state),
                }
                for state in self.STATES
            ]

        names = dict(settings.LANGUAGES)
        rows = []
        for code in languages:
            rows.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "items": items[(code, None)],
                    "url": link(language=code),
                    "counts": cells(code, None, None),
                    "models": [
                        {
                            "name": entry.model._meta.verbose_name_plural,
                            "items": items[(code, type_id)],
                            "url": link(language=code, model=entry.label),
                            "counts": cells(code, type_id, entry.label),
                        }
                        for type_id, entry in entry_of_type.items()
                        if items[(code, type_id)]
                    ],
                }
            )
        return {"languages": rows}


@register
class RecentChangesPanel(Panel):
    """The last changes other people made, on the models this person may look at."""

    order = 90
    title = _("Recent changes by others")
    template_name = "workspace/panels/recent_changes.html"

    def get_context(self, request):
        viewable = [
            model
            for model, model_admin in admin.site._registry.items()
            if model_admin.has_view_or_change_permission(request)
        ]
        if not viewable:
            return None
        types = ContentType.objects.get_for_models(*viewable, for_concrete_models=False)
        entries = list(
            LogEntry.objects.exclude(user=request.user)
            .filter(content_type__in=[t.pk for t in types.values()])
            .select_related("content_type", "user")
            .order_by("-action_time")[:LIMIT]
        )
        if not entries:
            return None
        return {"entries": entries}
