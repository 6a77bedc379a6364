"""The review step in the admin of every publishable content model: the transitions' addresses
(POST only), their buttons under the item's form, the review's steps on its history page and
the changelist filters the dashboard's panels link to. ``ReviewConfig.ready()`` adds
``ReviewAdminMixin`` to the admin of each publishable model of the registry."""

from urllib.parse import urlencode

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from content import registry
from content.models import PublicationStatus, PublishableModel
from review.forms import TransitionForm
from review.models import ReviewEvent, ReviewRequest, ReviewState
from review.workflow import (
    PUBLISH,
    TRANSITIONS,
    StaleReview,
    history_comment,
    make,
    may_make,
    possible,
    review_of,
    seen_step,
)

#: The history page lists at most this many review steps (the latest).
HISTORY_EVENTS = 50


class ReviewStateFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"
    NOT_SUBMITTED = "none"

    def lookups(self, request, model_admin):
        return [(self.NOT_SUBMITTED, _("Not submitted")), *ReviewState.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=True)
        reviews = ReviewRequest.objects.filter(content_type=content_type)
        if value == self.NOT_SUBMITTED:
            return queryset.exclude(pk__in=reviews.values("object_id"))
        if value not in ReviewState.values:
            return queryset.none()
        return queryset.filter(pk__in=reviews.filter(state=value).values("object_id"))


class MyDraftsFilter(admin.SimpleListFilter):
    """The drafts the person saved last (the dashboard's "Your drafts")."""

    title = _("drafts")
    parameter_name = "drafts"
    MINE = "mine"

    def lookups(self, request, model_admin):
        return [(self.MINE, _("Saved last by me"))]

    def queryset(self, request, queryset):
        if self.value() != self.MINE:
            return queryset
        return queryset.filter(status=PublicationStatus.DRAFT, updated_by=request.user)


def changelist_url(model, **query):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode({key: str(value) for key, value in query.items()})}"


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


class ReviewAdminMixin:
    """What the review step adds to a publishable model's admin."""

    def get_urls(self):
        opts = self.model._meta
        # Before the admin's own: its last pattern takes any "<id>/..." to the change page.
        return [
            *(
                path(
                    f"<path:object_id>/review/{name}/",
                    self.admin_site.admin_view(self.review_transition_view),
                    {"transition": name},
                    name=f"{opts.app_label}_{opts.model_name}_review_{name}",
                )
                for name in TRANSITIONS
            ),
            *super().get_urls(),
        ]

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ReviewStateFilter, MyDraftsFilter)

    # --- the transitions ----------------------------------------------------------------------

    def review_transition_view(self, request, object_id, transition):
        # admin_view has checked the session and the CSRF token.
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        transition = TRANSITIONS[transition]
        with transaction.atomic():
            obj = self._locked_item(request, object_id)
            if not may_make(request.user, transition, self.model):
                raise PermissionDenied(f"You may not {transition.name} this item.")
            review = review_of(obj, lock=True)
            form = TransitionForm(transition, request.POST)
            if not form.is_valid():
                return self._transition_page(request, obj, review, form, status=200)
            if not possible(transition, obj, review):
                return self._refused(request, obj, review, form)
            try:
                # A savepoint: a step found stale halfway leaves nothing of itself behind.
                with transaction.atomic():
                    self._make(request, transition, obj, review, form.cleaned_data)
            except StaleReview:
                return self._refused(request, obj, review_of(obj), form)
        return redirect(change_url(obj))

    def _locked_item(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404("No such item.")
        # Held until the step is written: two steps of one item are made one after the other.
        return self.get_queryset(request).select_for_update(of=("self",)).get(pk=obj.pk)

    def _make(self, request, transition, obj, review, data):
        comment = data["comment"].strip()
        with reversion.create_revision():
            reversion.set_user(request.user)
            # The review's row first: the publication below then finds nothing left in review.
            make(transition, obj, review, request.user, comment, data["seen"])
            if transition is PUBLISH:
                self.publish(
                    request, self.model.objects.filter(pk=obj.pk), publish_at=data["publish_at"]
                )
            else:
                reversion.add_to_revision(obj)
                self.message_user(request, transition.history, messages.SUCCESS)
            reversion.set_comment(history_comment(transition, comment))

    def _transition_page(self, request, obj, review, form, status):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": form.transition.label,
            "original": obj,
            "review": review,
            "form": form,
            "transition": form.transition,
            "action_url": request.path,
            "change_url": change_url(obj),
            # A form error (a comment missing) is put right on the page; a refused step is not.
            "show_form": status == 200,
        }
        return TemplateResponse(request, "admin/review/transition.html", context, status=status)

    def _refused(self, request, obj, review, form):
        """The item is not where the page said it was (someone moved it meanwhile, or the
        request was forged): nothing is written, the person is told where it stands now."""
        form.add_error(None, gettext("This item's review has moved on: reload its page."))
        return self._transition_page(request, obj, review, form, status=409)

    # --- the change form and the history ------------------------------------------------------

    @property
    def change_form_template(self):
        return "admin/review/change_form.html"

    @property
    def object_history_template(self):
        return "admin/review/object_history.html"

    def _base_template(self, name, default):
        return getattr(super(), name, None) or default

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["review_base_template"] = self._base_template(
            "change_form_template", "admin/change_form.html"
        )
        if obj is not None and change:
            context["review"] = self.review_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_context(self, request, obj):
        review = review_of(obj)
        forms = [
            TransitionForm(transition, initial={"seen": seen_step(review)})
            for transition in TRANSITIONS.values()
            if may_make(request.user, transition, self.model) and possible(transition, obj, review)
        ]
        if forms and PUBLISH in (form.transition for form in forms):
            publish_form = next(form for form in forms if form.transition is PUBLISH)
            publish_form.initial["publish_at"] = obj.publish_at
        opts = self.model._meta
        return {
            "request": review,
            "forms": [
                (
                    form,
                    reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_review_{form.transition.name}",
                        args=[obj.pk],
                    ),
                )
                for form in forms
            ],
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        events = []
        if obj is not None:
            review = ReviewRequest.objects.of(obj).first()
            if review is not None:
                latest = ReviewEvent.objects.filter(request=review).select_related("actor")
                events = list(latest.order_by("-at", "-pk")[:HISTORY_EVENTS])[::-1]
        context = {
            "review_events": events,
            "review_base_template": self._base_template(
                "object_history_template", "admin/object_history.html"
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)


def add_review_to_publishable_admins(site):
    """Give the admin of each publishable content model of the registry the review step: its
    class is replaced by a subclass with ``ReviewAdminMixin`` first."""
    for model in registry.models():
        model_admin = site._registry.get(model)
        if not issubclass(model, PublishableModel) or model_admin is None:
            continue
        if isinstance(model_admin, ReviewAdminMixin):
            continue
        cls = type(model_admin)
        reviewed = type(cls.__name__, (ReviewAdminMixin, cls), {"__module__": cls.__module__})
        site.unregister(model)
        site.register(model, reviewed)
