"""The review step through real HTTP: an Editor submits, Publishers are told by e-mail in their
own languages and see it on their dashboard, send it back with a comment, the Editor sees it and
resubmits, a Publisher publishes now or at a time; the history shows every step. Forged and stale
transitions write nothing. The content models come from the registry."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from content import registry
from content.models import PublicationStatus, PublishableModel
from review.models import ReviewEvent, ReviewRequest, ReviewState, StaffPreferences
from review.panels import ITEMS_PER_PANEL
from tests.accounts import member
from workspace.dashboard import panels_for

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def publishable_models():
    return [
        model
        for model in registry.models()
        if issubclass(model, PublishableModel) and model in admin.site._registry
    ]


def draft_of(model):
    obj = model.objects.order_by("pk").first()
    model._base_manager.filter(pk=obj.pk).update(status=PublicationStatus.DRAFT, publish_at=None)
    obj.refresh_from_db()
    return obj


def url(obj, view):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def logged_in(user, language):
    """A client of ``user``, logged in through the login form in ``language`` (its cookie):
    the language their e-mails are then written in."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(
        reverse("admin:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def with_email(user, address):
    user.email = address
    user.save()
    return user


def title_in(obj, language):
    return obj.safe_translation_getter(type(obj).title_field, language_code=language)


def review_rows(obj):
    """Every row of the review's tables about ``obj``, and the item's publication."""
    requests = list(ReviewRequest.objects.of(obj).values())
    events = list(ReviewEvent.objects.filter(request__in=ReviewRequest.objects.of(obj)).values())
    item = type(obj)._base_manager.filter(pk=obj.pk).values("status", "publish_at").get()
    return requests, events, item


def post_step(client, obj, name, comment="", seen=None, **extra):
    review = ReviewRequest.objects.of(obj).first()
    data = {
        f"{name}-comment": comment,
        f"{name}-seen": str(review.step if review else 0) if seen is None else str(seen),
        **{f"{name}-{key}": value for key, value in extra.items()},
    }
    return client.post(url(obj, f"review_{name}"), data)


def panel_html(client, title):
    """The dashboard's panel named ``title`` as the person of ``client`` sees it, drawn from
    a real request of theirs (the admin's home page)."""
    request = client.get(reverse("admin:index")).wsgi_request
    for panel, context in panels_for(request):
        if str(panel.title) == str(title):
            return render_to_string(panel.template_name, {"panel": panel, **context})
    return None


@pytest.fixture
def people(db):
    editor = with_email(member("edith", "Editors"), "edith@example.org")
    french = with_email(member("paul", "Publishers"), "paul@example.org")
    spanish = with_email(member("pablo", "Publishers"), "pablo@example.org")
    never_logged_in = with_email(member("nour", "Publishers"), "nour@example.org")
    member("silent", "Publishers")  # no e-mail address: no mail
    return editor, french, spanish, never_logged_in


@pytest.mark.parametrize("when", ["now", "later"])
def test_the_whole_story_through_http(people, django_capture_on_commit_callbacks, when):
    editor, french, spanish, never_logged_in = people
    obj = draft_of(publishable_models()[0])
    editor_client = logged_in(editor, "fr")
    publisher_client = logged_in(french, "fr")
    logged_in(spanish, "es")
    assert StaffPreferences.objects.get(user=spanish).language == "es"

    page = editor_client.get(url(obj, "change")).content.decode()
    assert url(obj, "review_submit") in page
    assert url(obj, "review_publish") not in page  # an Editor does not publish

    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(editor_client, obj, "submit", "Please check the dates.")
    assert response.status_code == 302
    assert ReviewRequest.objects.of(obj).get().state == ReviewState.IN_REVIEW

    # Every Publisher with an address, each in their language; the source language by default.
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"paul@example.org", "pablo@example.org", "nour@example.org"}
    for address, language in [
        ("paul@example.org", "fr"),
        ("pablo@example.org", "es"),
        ("nour@example.org", settings.CONTENT_SOURCE_LANGUAGE),
    ]:
        title = title_in(obj, language)
        with translation.override(language):
            expected = gettext("For review: %(title)s") % {"title": title}
        assert sent[address].subject == expected
        assert "Please check the dates." in sent[address].body
        assert url(obj, "change") in sent[address].body
    assert title_in(obj, "fr") != title_in(obj, "es")

    waiting = panel_html(publisher_client, gettext("Waiting for your review"))
    assert waiting is not None and "Please check the dates." in waiting
    assert url(obj, "change") in waiting
    assert panel_html(editor_client, gettext("Waiting for your review")) is None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(publisher_client, obj, "send_back", "The end date is wrong.")
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["edith@example.org"]]
    assert title_in(obj, "fr") in mail.outbox[0].subject
    assert "The end date is wrong." in mail.outbox[0].body
    sent_back = panel_html(editor_client, gettext("Sent back to you"))
    assert sent_back is not None and "The end date is wrong." in sent_back
    assert "The end date is wrong." in editor_client.get(url(obj, "change")).content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(editor_client, obj, "submit", "Dates fixed.")
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    assert panel_html(editor_client, gettext("Sent back to you")) is None

    mail.outbox.clear()
    publish_at = timezone.now() + timedelta(days=2) if when == "later" else None
    field = timezone.localtime(publish_at).strftime("%Y-%m-%dT%H:%M") if publish_at else ""
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(publisher_client, obj, "publish", "", publish_at=field)
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == PublicationStatus.PUBLISHED
    assert obj.is_public is (when == "now")
    if publish_at:
        assert obj.publish_at == publish_at.replace(second=0, microsecond=0)
    assert [message.to for message in mail.outbox] == [["edith@example.org"]]
    with translation.override(
        StaffPreferences.objects.get(user__email="edith@example.org").language
    ):
        appears = gettext("It appears on the site at %(time)s.").split("%(time)s")[0]
    assert (appears in mail.outbox[0].body) is (when == "later")
    assert panel_html(publisher_client, gettext("Waiting for your review")) is None

    history = publisher_client.get(url(obj, "history")).content.decode()
    for text in ("Please check the dates.", "The end date is wrong.", "Dates fixed."):
        assert history.count(text) >= 2  # the revision's comment and the review's row
    for state in (ReviewState.IN_REVIEW, ReviewState.SENT_BACK, ReviewState.PUBLISHED):
        assert str(state.label) in history
    states = list(ReviewEvent.objects.order_by("at", "pk").values_list("state", "actor"))
    assert states == [
        (ReviewState.IN_REVIEW, editor.pk),
        (ReviewState.SENT_BACK, french.pk),
        (ReviewState.IN_REVIEW, editor.pk),
        (ReviewState.PUBLISHED, french.pk),
    ]


def in_review(obj, submitter):
    review = ReviewRequest.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        state=ReviewState.IN_REVIEW,
        step=1,
        submitted_by=submitter,
        comment="Ready.",
    )
    ReviewEvent.objects.create(request=review, state=review.state, actor=submitter)
    return review


@pytest.mark.parametrize("model", publishable_models(), ids=lambda m: m._meta.label)
def test_forged_and_stale_transitions_write_nothing(
    people, model, django_capture_on_commit_callbacks
):
    editor, french, _spanish, _nour = people
    translator = member("amelie", "Translators", "translate_fr")
    editor_client, publisher_client = logged_in(editor, "en"), logged_in(french, "en")
    translator_client = logged_in(translator, "fr")
    obj = draft_of(model)

    def refused(client, name, expected_status, **data):
        before = review_rows(obj)
        with django_capture_on_commit_callbacks(execute=True):
            response = post_step(client, obj, name, **data)
        assert response.status_code == expected_status, (name, response.status_code)
        assert review_rows(obj) == before
        assert mail.outbox == []

    # A translator submitting; a Publisher sending back or publishing what is not in review.
    refused(translator_client, "submit", 403, comment="Mine")
    refused(publisher_client, "send_back", 409, comment="No")
    refused(publisher_client, "publish", 409)
    in_review(obj, editor)
    # An Editor publishing or sending back; a stale double submit.
    refused(editor_client, "publish", 403)
    refused(editor_client, "send_back", 403, comment="No")
    refused(editor_client, "submit", 409, comment="Again", seen=0)
    # A send-back without its comment is a form error; a decision on a page drawn at an older
    # step is stale.
    refused(publisher_client, "send_back", 200, comment="")
    refused(publisher_client, "publish", 409, seen=0)
    # Only POST.
    assert publisher_client.get(url(obj, "review_publish")).status_code == 405


def test_the_dashboard_costs_the_same_for_3_and_for_300_items(
    people, django_assert_max_num_queries
):
    editor, french, *_others = people
    model = next(model for model in publishable_models() if unique_fields(model))
    counts = []
    for total in (3, 300):
        ReviewRequest.objects.all().delete()
        for obj in copies(model, total, editor):
            in_review(obj, editor)
        for person in (editor, french):
            client = logged_in(person, "en")
            request = client.get(reverse("admin:index")).wsgi_request
            with CaptureQueriesContext(connection) as queries:
                with django_assert_max_num_queries(16):
                    shown = panels_for(request)
            counts.append(len(queries))
            for panel, context in shown:
                if not type(panel).__module__.startswith("review."):
                    continue  # the workspace's own panels (tests/test_dashboard.py)
                assert len(context["items"]) <= ITEMS_PER_PANEL
                if total > ITEMS_PER_PANEL:
                    assert context["more"]
    assert counts[:2] == counts[2:]


def unique_fields(model):
    return [f for f in model._meta.concrete_fields if f.unique and not f.primary_key]


def copies(model, total, user):
    """``total`` drafts of ``model`` last saved by ``user``, copied from its first object with
    every language (its unique values made unique)."""
    original = model.objects.order_by("pk").first()
    key = unique_fields(model)[0].attname
    copied = model._base_manager.filter(**{f"{key}__startswith": "review-copy-"})
    made = []
    for n in range(copied.count(), total):
        values = {
            f.attname: getattr(original, f.attname)
            for f in model._meta.concrete_fields
            if not f.primary_key
        }
        values.update(status=PublicationStatus.DRAFT, updated_by_id=user.pk)
        values.update({f.attname: f"review-copy-{n}" for f in unique_fields(model)})
        made.append(model(**values))
    made = model._base_manager.bulk_create(made)
    for meta in model._parler_meta:
        rows = list(meta.model.objects.filter(master=original))
        fields = [f.attname for f in meta.model._meta.concrete_fields if not f.primary_key]
        meta.model.objects.bulk_create(
            meta.model(
                **{
                    **{name: getattr(row, name) for name in fields},
                    "master_id": obj.pk,
                    **({"slug": f"{row.slug}-{obj.pk}"} if hasattr(row, "slug") else {}),
                }
            )
            for obj in made
            for row in rows
        )
    return list(copied)


def test_an_item_published_by_the_publish_action_ends_its_review(
    people, django_capture_on_commit_callbacks
):
    editor, french, *_others = people
    obj = draft_of(publishable_models()[-1])
    in_review(obj, editor)
    client = logged_in(french, "en")
    opts = obj._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist, {"action": "publish", "_selected_action": [obj.pk], "index": "0"}
        )
    assert response.status_code == 302
    assert ReviewRequest.objects.of(obj).get().state == ReviewState.PUBLISHED
    assert ReviewEvent.objects.latest("pk").actor == french
    assert [message.to for message in mail.outbox] == [["edith@example.org"]]
    assert panel_html(client, gettext("Waiting for your review")) is None
    # The changelist's filter by review state lists it among the published ones.
    filtered = client.get(changelist, {"review": ReviewState.PUBLISHED}).content.decode()
    assert url(obj, "change") in filtered
    assert (
        url(obj, "change") not in client.get(changelist, {"review": "in_review"}).content.decode()
    )
