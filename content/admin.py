"""Admin pieces shared by every content model: forged requests refused, history with revert and
publication. The forms are ``content.forms``; the per-language rights ``translations.admin``."""

from contextlib import contextmanager
from functools import partial

import reversion
from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from content import compare, history
from content.forms import (
    ReadOnlyFieldsForm,
    changed_posted_fields,
    read_only_error,
    read_only_model_form,
)
from content.models import PublicationStatus, PublishableModel
from content.permissions import can_edit_shared_fields, can_publish


def _visible_field_names(form):
    """The fields of an inline's row a person sees (not its id, link, counters or boxes)."""
    control = (DELETION_FIELD_NAME, ORDERING_FIELD_NAME)
    return [
        n for n, field in form.fields.items() if not field.widget.is_hidden and n not in control
    ]


def refusing_forged_rows(formset, inline, request, obj):
    """``formset`` (the class of an inline's formset for this request) refusing what the inline
    does not offer this user, where Django silently ignores it: a changed value of a read-only
    field (the inline's ``get_readonly_fields``, or every field of a view-only inline) is a form
    error; a row added or deleted without the right to is a 403. Nothing is saved."""
    can_add = inline.has_add_permission(request, obj)
    can_change = inline.has_change_permission(request, obj)
    probe = read_only_model_form(
        inline.model,
        inline.get_readonly_fields(request, obj),
        partial(inline.formfield_for_dbfield, request=request),
    )

    class RefusingFormSet(formset):
        def clean(self):
            super().clean()
            name = self.model._meta.verbose_name
            deletion = forms.CheckboxInput()
            for form in self.initial_forms:
                key = form.add_prefix(DELETION_FIELD_NAME)
                if not self.can_delete and deletion.value_from_datadict(self.data, {}, key):
                    raise PermissionDenied(f"You may not delete this {name}.")
            if not can_add:
                for form in self.extra_forms:
                    if changed_posted_fields(form, list(form.fields)):
                        raise PermissionDenied(f"You may not add a {name}.")
            changed = []
            for form in self.initial_forms:
                if not can_change:
                    # A view-only row: Django skips its validation and saves nothing of it.
                    changed += changed_posted_fields(form, _visible_field_names(form))
                if probe is not None:
                    read_only = probe(
                        data=self.data,
                        files=self.files,
                        instance=form.instance,
                        prefix=form.prefix,
                    )
                    changed += changed_posted_fields(read_only, list(read_only.fields))
            if changed:
                raise read_only_error(list(dict.fromkeys(changed)))

    return RefusingFormSet


class RefuseForgedRequestsMixin:
    """What the admin does not offer a user is refused when a request asks for it anyway: a
    read-only field posted with another value is a form error (``ReadOnlyFieldsForm``, and
    ``refusing_forged_rows`` for the rows of inlines), a row of an inline added or deleted
    without the right to is a 403, an action that exists but is not offered to this user is a
    403, not "No action selected"."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if issubclass(form, ReadOnlyFieldsForm) and hasattr(request, "user"):
            # modelform_factory made this class for this request: its own attribute.
            form.read_only_form = read_only_model_form(
                self.model,
                self.get_readonly_fields(request, obj),
                partial(self.formfield_for_dbfield, request=request),
            )
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if hasattr(request, "user"):
                formset = refusing_forged_rows(formset, inline, request, obj)
            yield formset, inline

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "action" in request.POST and "_save" not in request.POST:
            asked = request.POST.getlist("action")
            try:
                name = asked[int(request.POST.get("index", 0))]
            except (ValueError, IndexError):
                name = None
            existing = {name for _func, name, _desc in self._get_base_actions()}
            if name in existing and name not in self.get_actions(request):
                raise PermissionDenied(f"The action {name} is not offered to this user.")
        return super().changelist_view(request, extra_context)


PUBLICATION_FIELDS = ("status", "publish_at")


def shared_field_names(model):
    """The editable fields every language shares (dates, order, links, relations)."""
    return [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in PUBLICATION_FIELDS
    ]


class CompareForm(forms.Form):
    """The two versions the history page's form asks to compare (GET ``old`` and ``new``)."""

    # Bounded: a larger number is no version, and no database integer either.
    old = forms.IntegerField(label=_("Older version"), min_value=1, max_value=2**31 - 1)
    new = forms.IntegerField(label=_("Newer version"), min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if data.get("old") is not None and data.get("old") == data.get("new"):
            raise forms.ValidationError(_("Choose two different versions."), code="same")
        return data


def locking_fieldset(readonly_fields=("version",)):
    """The closed "History" fieldset of an admin with optimistic locking: the counters its
    ``VersionedAdminForm`` carries as hidden fields (an admin with fieldsets renders no field
    they do not name, and a form that posts no counter is refused as stale) and the read-only
    ``readonly_fields`` (the version, who saved and when)."""
    return (
        _("History"),
        {
            "classes": ("collapse",),
            "fields": ("seen_version", "seen_translation_version", *readonly_fields),
        },
    )


class HistoryAdminMixin(VersionAdmin):
    """History with revert (django-reversion): the "History" button lists the versions with who
    saved them, when and why, a page at a time, and compares any two of them
    (``compare_view``). Whoever may open an item may look at its old versions; reverting
    rewrites every language and the shared fields, so it needs the right to edit all of them
    (``may_revert``), checked on the server. ``history.Revert`` keeps the version counter and
    the publication as they are."""

    revision_form_template = "admin/eurelations/revision_form.html"
    recover_form_template = "admin/eurelations/recover_form.html"
    object_history_template = "admin/eurelations/object_history.html"
    compare_template = "admin/eurelations/compare.html"
    #: Versions per page of the history: the page stays the same size however long the history.
    history_per_page = 50

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            # Django's answer: the redirect of a missing object, or the 403.
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        # reversion's history_view lists every version at once: a page of them instead, newest
        # first, each with its choice for the comparison.
        versions = compare.versions_of(self.model, str(obj.pk)).order_by("-pk")
        paginator = self.get_paginator(request, versions, self.history_per_page)
        page = paginator.get_page(request.GET.get(PAGE_VAR))
        opts = self.model._meta
        context = {
            "action_list": [
                {
                    "version": version,
                    "revision": version.revision,
                    "url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                        args=(object_id, version.pk),
                    ),
                }
                for version in page
            ],
            "version_page": page,
            "version_page_range": paginator.get_elided_page_range(page.number),
            "compare_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
                args=(object_id,),
            ),
            **(extra_context or {}),
        }
        # Past reversion's own, which would list them all again.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id, extra_context=None):
        """Two versions of one item, what changed between them per field and per language;
        without a choice, the last two. Whoever may see the history may compare."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such object.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = compare.versions_of(self.model, str(obj.pk))
        # Bound only by its own parameters: others (the changelist's filters) are no choice.
        chosen = "old" in request.GET or "new" in request.GET
        form = CompareForm(request.GET if chosen else None)
        pair, status = [], 200
        if form.is_bound and not form.is_valid():
            status = 400
        elif form.is_bound:
            wanted = {form.cleaned_data["old"], form.cleaned_data["new"]}
            pair = list(versions.filter(pk__in=wanted))
            if len(pair) != len(wanted):
                raise Http404("No such version of this object.")
        else:
            pair = list(versions.order_by("-pk")[:2])[::-1]
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %s") % obj,
            "subtitle": None,
            "object": obj,
            "opts": opts,
            "module_name": capfirst(opts.verbose_name_plural),
            "form": form,
            "comparison": None,
            "unreadable": False,
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=(object_id,),
            ),
            **(extra_context or {}),
        }
        if len(pair) == 2:
            try:
                context["comparison"] = compare.compare(self.model, *pair)
            except RevertError:  # stored data that no longer loads (reversion says which)
                context["unreadable"] = True
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context, status=status)

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


#: ``publish()`` leaves each item's own "publish at" as it is.
KEEP_PUBLISH_AT = object()


class PublicationActionsMixin:
    """Publish and unpublish actions, for those with ``publish_content``."""

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset, publish_at=KEEP_PUBLISH_AT):
        """``publish_at`` (a review's publication: None for now, or a time) replaces each
        item's own publication time; the action keeps it."""
        published = scheduled = 0
        for obj in queryset:
            if obj.status != PublicationStatus.PUBLISHED:
                obj.status = PublicationStatus.PUBLISHED
                if publish_at is not KEEP_PUBLISH_AT:
                    obj.publish_at = publish_at
                obj.updated_by = request.user
                obj.save()
                # A future "publish at" keeps it off the public pages until then: say so.
                if obj.is_public:
                    published += 1
                else:
                    scheduled += 1
        if reversion.is_active():
            reversion.set_comment(gettext("Published."))
        if published or not scheduled:
            self.message_user(
                request,
                ngettext("%(count)d item published.", "%(count)d items published.", published)
                % {"count": published},
            )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item scheduled: it appears on the site at its publication time.",
                    "%(count)d items scheduled: they appear on the site at their publication "
                    "time.",
                    scheduled,
                )
                % {"count": scheduled},
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
