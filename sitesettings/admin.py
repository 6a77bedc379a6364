"""The site settings' admin: one record, no list, no add once it exists, no delete; a tab per
language (parler); changed only by superusers and those given "Can change site settings";
history with revert and comparison like the content's (``content.admin.HistoryAdminMixin``)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from content import registry, uploads
from content.admin import HistoryAdminMixin, locking_fieldset
from content.forms import VersionedAdminForm
from sitesettings.models import SiteSettings
from translations import source_beside


class SiteSettingsForm(VersionedAdminForm):
    """The content's optimistic locking (two people saving at once are told, not overwritten);
    each text field carries the ``lang`` and ``dir`` of its tab."""


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdminMixin, TranslatableAdmin):
    form = SiteSettingsForm
    fieldsets = [
        (None, {"fields": ("name", "short_name", "tagline")}),
        (_("Emblem"), {"fields": ("image", "image_alt")}),
        (_("Contact"), {"fields": ("address", "email", "telephone")}),
        (_("Legal notice"), {"fields": ("publisher",)}),
        (
            _("Privacy notice"),
            {"fields": ("controller", "data_protection_email", "log_retention_days")},
        ),
        (
            _("Where the facts are shown"),
            {"fields": ("contact_page", "legal_notice_page", "privacy_notice_page")},
        ),
        locking_fieldset(),
    ]
    readonly_fields = ("version",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(site_id=settings.SITE_ID)

    def the_record(self):
        return SiteSettings.objects.filter(site_id=settings.SITE_ID).first()

    # --- the dedicated right -----------------------------------------------------------------

    def may_change(self, request):
        return request.user.is_active and (
            request.user.is_superuser or request.user.has_perm("sitesettings.change_sitesettings")
        )

    def has_view_permission(self, request, obj=None):
        return self.may_change(request) or request.user.has_perm("sitesettings.view_sitesettings")

    def has_change_permission(self, request, obj=None):
        return self.may_change(request)

    def has_add_permission(self, request):
        # One record per site, made by a migration; only if someone deleted it from the database.
        return (
            self.may_change(request)
            and not SiteSettings.objects.filter(site_id=settings.SITE_ID).exists()
        )

    def has_delete_permission(self, request, obj=None):
        return False

    def may_revert(self, request):
        # A revert rewrites every language: the same right as any change of the record.
        return self.may_change(request)

    def recover_view(self, request, version_id, extra_context=None):
        # One record, never deleted here: nothing to recover.
        raise PermissionDenied

    # --- one record ----------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        """No list of one: straight to the record (or to its form if it is missing)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = self.the_record()
        opts = self.model._meta
        if record is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        return redirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.site_id = settings.SITE_ID
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is FlatPage:
            kwargs["queryset"] = FlatPage.objects.filter(sites=settings.SITE_ID).order_by("url")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- the language tabs, as the content's (translations.admin.TranslatorRightsMixin) -----

    def languages_on_form(self, request, obj=None):
        return [self.get_form_language(request, obj)]

    def form_field_name(self, language, field):
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            # The source beside each translated field (translations.source_beside); with one
            # record, the work goes on at the top of its form.
            entry = registry.entry_for(SiteSettings)
            context["sources_beside"] = source_beside.sources_beside(
                entry,
                obj,
                self.languages_on_form(request, obj),
                self.form_field_name,
                lambda language: entry.admin_url(obj, language),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A picture stored by a save that fails after it is deleted again (content.uploads).
        with uploads.deleted_on_error():
            return super().changeform_view(request, object_id, form_url, extra_context)
