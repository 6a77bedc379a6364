"""The review step in the admin sweep (tests/test_admin_sweep.py): every transition address an
admin has (found in its ``get_urls()``), POSTed by every role from every state an item can be in
(draft or published; never submitted or in each review state), with the step the page was drawn
at and with a stale one. A POST the role may not make (the rules of ``review.workflow``, which
the admin is supposed to obey) is refused and leaves the review's tables, the item's own tables
and its history as they were, row by row; one it may make moves the item to the transition's
state. Nothing here names a content model."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, reverse
from reversion.models import Version

from content.models import PublicationStatus
from review.models import ReviewRequest, ReviewState
from review.workflow import TRANSITIONS, may_make, possible
from tests.admin_sweep import forbidden_changes, refused, snapshot

#: Every state an item's review can be in; None: never submitted.
REVIEW_STATES = [None, *ReviewState.values]


def transition_urls(model_admin, pk):
    """``[(transition, address)]`` of the review steps ``model_admin`` offers for object ``pk``."""
    found = []
    for pattern in model_admin.get_urls():
        name = getattr(pattern, "default_args", {}).get("transition")
        if isinstance(pattern, URLPattern) and name in TRANSITIONS:
            found.append((TRANSITIONS[name], reverse(f"admin:{pattern.name}", args=[pk])))
    return found


def review_tables(obj):
    """Every row of the review app's tables, and the stored versions of ``obj``."""
    tables = {
        model._meta.label: {row["id"]: row for row in model._base_manager.values()}
        for model in apps.get_app_config("review").get_models()
    }
    versions = Version.objects.get_for_object(obj).values("id", "revision_id", "serialized_data")
    tables["versions of the item"] = {row["id"]: row for row in versions}
    return tables


def changed_rows(before, after):
    return [
        f"{label} {pk}: {before[label].get(pk)!r} -> {after[label].get(pk)!r}"
        for label in after
        for pk in set(before[label]) | set(after[label])
        if before[label].get(pk) != after[label].get(pk)
    ]


def sweep_review_transitions(sweep, model, model_admin):
    obj = model._base_manager.order_by("pk").first() if model._meta.managed else None
    if obj is None:
        return
    for transition, url in transition_urls(model_admin, obj.pk):
        for status in PublicationStatus.values:
            for state in REVIEW_STATES:
                for stale in (False, True):
                    _post(sweep, model, obj.pk, transition, url, status, state, stale)


def _post(sweep, model, pk, transition, url, status, state, stale):
    sweep.requests += 1
    where = f"(item {status}, review {state}{', stale page' if stale else ''})"
    with transaction.atomic():
        model._base_manager.filter(pk=pk).update(status=status)
        obj = model._base_manager.get(pk=pk)
        review = None
        if state is not None:
            review = ReviewRequest.objects.create(
                content_type=ContentType.objects.get_for_model(model),
                object_id=pk,
                state=state,
                step=2,
                submitted_by=sweep.user,
            )
        seen = (review.step if review is not None else 0) + (1 if stale else 0)
        allowed = (
            not stale
            and may_make(sweep.user, transition, model)
            and possible(transition, obj, review)
        )
        name = transition.name
        data = {f"{name}-comment": "swept", f"{name}-seen": str(seen), f"{name}-publish_at": ""}
        before, before_item = review_tables(obj), snapshot(model)
        response = sweep.client.post(url, data)
        after, after_item = review_tables(obj), snapshot(model)
        state_after = ReviewRequest.objects.filter(object_id=pk).values_list("state", flat=True)
        state_after = list(
            state_after.filter(content_type=ContentType.objects.get_for_model(model))
        )
        transaction.set_rollback(True)
    cache.clear()
    if response.status_code >= 500:
        sweep.fail("POST", url, f"{response.status_code} {where}")
        return
    for problem in forbidden_changes(sweep.user, model, before_item, after_item):
        sweep.fail("POST", url, f"{problem} {where}")
    if allowed:
        if response.status_code != 302 or state_after != [transition.target]:
            sweep.fail("POST", url, f"{name} was not made {where}: {response.status_code}")
        return
    if not refused(response):
        sweep.fail("POST", url, f"{name} answered {response.status_code}, not refused {where}")
    for row in changed_rows(before, after):
        sweep.fail("POST", url, f"a refused {name} wrote {row} {where}")
    if before_item != after_item:
        sweep.fail("POST", url, f"a refused {name} changed the item {where}")
