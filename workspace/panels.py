"""The dashboard's own panels (``workspace.dashboard``): what is scheduled, the translation work
in the person's languages, and what others changed. Each shows only what the person may act on,
in a constant number of queries whatever the amount of content."""

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
from translations.store import summed
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
    """Per language the person may translate: how many fields are missing and stale, each
    linking to the translation status page filtered to them (from the stored status: one
    query)."""

    order = 20
    title = _("Translations in your languages")
    template_name = "workspace/panels/translations.html"

    def get_context(self, request):
        languages = [
            code for code in translatable_languages(request.user) if code != source_language()
        ]
        if not languages:
            return None
        types = ContentType.objects.get_for_models(*registry.models()).values()
        totals = {code: dict.fromkeys([Status.MISSING, Status.STALE], 0) for code in languages}
        cells = summed(
            language_code__in=languages,
            status__in=[Status.MISSING, Status.STALE],
            content_type__in=types,
        )
        for (_type, _field, code, state), count in cells.items():
            totals[code][state] += count
        try:
            page = reverse("admin:translations_languagerights_changelist")
        except NoReverseMatch:
            page = None
        may_see_page = request.user.has_perm("translations.view_translation_status")
        names = dict(settings.LANGUAGES)
        rows = []
        for code in languages:
            row = {"code": code, "name": names.get(code, code), "counts": []}
            for state in (Status.MISSING, Status.STALE):
                link = None
                if page and may_see_page:
                    link = f"{page}?{urlencode({'language': code, 'status': state})}"
                row["counts"].append(
                    {
                        "status": state,
                        "label": state.label,
                        "count": totals[code][state],
                        "url": link,
                    }
                )
            rows.append(row)
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
