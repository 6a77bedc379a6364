from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workspace.admin import PublishableAdmin

from .models import Project


@admin.register(Project)
class ProjectAdmin(PublishableAdmin):
    list_display = (
        "title_column",
        "code",
        "start_date",
        "end_date",
        "status",
        "all_languages_column",
    )
    list_filter = ("status", "featured", "cooperation_areas", "partners")
    search_fields = ("key", "code", "translations__name", "translations__summary")
    ordering = ("order", "pk")
    filter_horizontal = ("cooperation_areas", "partners")
    fieldsets = [
        (None, {"fields": ("name", "slug", "code", "summary", "description")}),
        (
            _("Facts"),
            {"fields": ("start_date", "end_date", "eu_contribution", "website")},
        ),
        (_("Where it works"), {"fields": ("countries", "region")}),
        (
            pgettext_lazy("admin: the project's cooperation areas and EU partners", "Related"),
            {"fields": ("cooperation_areas", "partners")},
        ),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Publication"), {"fields": ("status", "publish_at", "featured", "order", "key")}),
    ]

    slug_source = "name"
