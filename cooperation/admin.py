from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableStackedInline

from content.forms import TabLanguageInlineFormSet, VersionedAdminForm
from workspace.admin import PublishableAdmin

from .models import CooperationArea, Objective, Partner, Partnership


class ObjectiveInline(TranslatableStackedInline):
    model = Objective
    # The same per-language locking as the partnership's own tab: two people on different
    # language tabs both save their objectives; on the same tab the second is told.
    form = VersionedAdminForm
    formset = TabLanguageInlineFormSet
    extra = 0
    fields = ("text", "key", "order", "seen_version", "seen_translation_version")


@admin.register(Partnership)
class PartnershipAdmin(PublishableAdmin):
    list_display = ("title_column", "status", "updated_at", "all_languages_column")
    inlines = [ObjectiveInline]
    fieldsets = [
        (None, {"fields": ("title", "lead", "introduction", "status", "publish_at")}),
        (_("Brussels office"), {"fields": ("office_city", "office_description")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (
            _("Sections of the page"),
            {
                "fields": (
                    "areas_heading",
                    "projects_heading",
                    "projects_introduction",
                    "partners_heading",
                    "agencies_heading",
                    "agencies_introduction",
                    "institutions_heading",
                    "institutions_introduction",
                )
            },
        ),
    ]

    def has_add_permission(self, request):
        # One partnership only: the add button disappears once it exists.
        return super().has_add_permission(request) and not Partnership.objects.exists()


@admin.register(CooperationArea)
class CooperationAreaAdmin(PublishableAdmin):
    list_display = ("title_column", "order", "status", "updated_at", "all_languages_column")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("key", "translations__title", "translations__summary", "translations__body")
    ordering = ("order", "pk")
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Publication"), {"fields": ("status", "publish_at", "key", "order")}),
    ]

    slug_source = "title"


@admin.register(Partner)
class PartnerAdmin(PublishableAdmin):
    list_display = ("title_column", "kind", "order", "status", "all_languages_column")
    list_editable = ("order",)
    list_filter = ("kind", "status")
    search_fields = ("key", "translations__name", "translations__acronym")
    ordering = ("kind", "order", "pk")
    fieldsets = [
        (None, {"fields": ("name", "acronym", "slug", "kind", "description", "website")}),
        (_("Logo"), {"fields": ("image", "image_alt")}),
        (_("Publication"), {"fields": ("status", "publish_at", "key", "order")}),
    ]

    slug_source = "name"
