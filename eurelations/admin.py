"""Admin pieces shared by every content model: optimistic locking, history with revert and
publication. The per-language rights and translation status are ``translations.admin``."""

from contextlib import contextmanager

import reversion
from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm
from reversion.admin import VersionAdmin
from reversion.models import Version

from eurelations import history
from eurelations.models import PublicationStatus, PublishableModel
from eurelations.permissions import can_edit_shared_fields, can_publish
from eurelations.richtext import set_editing_language


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


class HistoryAdminMixin(VersionAdmin):
    """History with revert (django-reversion): the "History" button lists the versions with who
    saved them, when and why. Whoever may open an item may look at its old versions; reverting
    rewrites every language and the shared fields, so it needs the right to edit all of them
    (``may_revert``), checked on the server. ``history.Revert`` keeps the version counter and
    the publication as they are."""

    revision_form_template = "admin/eurelations/revision_form.html"
    recover_form_template = "admin/eurelations/recover_form.html"

    def may_revert(self, request):
        # Subclasses that know about languages narrow this (translations.admin).
        return can_edit_shared_fields(request.user)

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


class PublicationActionsMixin:
    """Publish and unpublish actions, for those with ``publish_content``."""

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


admin.site.site_header = _("eurelations administration")
admin.site.site_title = _("eurelations")
admin.site.index_title = _("Content")
