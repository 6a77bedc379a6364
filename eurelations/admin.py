"""Admin pieces shared by every content model, and the translated flatpages admin."""

from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from eurelations.models import PublicationStatus, StaleObjectError


class VersionedAdminForm(TranslatableModelForm):
    """Carries the version the editor started from; a stale one is a form error, not a save."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

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


class ContentAdmin(TranslatableAdmin):
    """parler's language tabs, plus audit fields and optimistic locking, for every content model."""

    form = VersionedAdminForm
    readonly_fields = ("version", "created_at", "created_by", "updated_at", "updated_by")
    save_on_top = True

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

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for obj in queryset:
            if obj.status != PublicationStatus.PUBLISHED:
                obj.status = PublicationStatus.PUBLISHED
                obj.updated_by = request.user
                obj.save()
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
        )

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset:
            if obj.status != PublicationStatus.DRAFT:
                obj.status = PublicationStatus.DRAFT
                obj.updated_by = request.user
                obj.save()
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
        )


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class TranslatedFlatPageAdmin(FlatPageAdmin, TabbedTranslationAdmin):
    """Static pages (legal notice, privacy, contact) with one tab per language."""


admin.site.site_header = _("eurelations administration")
admin.site.site_title = _("eurelations")
admin.site.index_title = _("Content")
