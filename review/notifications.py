"""The review's e-mails, through Django's e-mail framework (``EMAIL_*`` settings): a submission
to every Publisher, a decision to the submitter; each in its recipient's language, sent once
the transaction that made the step is committed (a rolled-back step sends nothing)."""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from content.site import absolute
from review.models import ReviewEvent, ReviewState

logger = logging.getLogger(__name__)

#: The backend ``with_perm`` asks (axes' backend grants nothing).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def send_on_commit(event):
    transaction.on_commit(partial(send, event.pk))


def publishers():
    """Everyone given the right to publish, with an e-mail address (superusers are not
    Publishers unless they are in the group)."""
    return (
        get_user_model()
        .objects.with_perm(
            "eurelations.publish_content", include_superusers=False, backend=PERMISSION_BACKEND
        )
        .filter(is_staff=True)
        .exclude(email="")
        .select_related("staff_preferences")
    )


def recipients(event):
    review = event.request
    if event.state == ReviewState.IN_REVIEW:
        people = list(publishers())
    else:
        submitter = review.submitted_by
        people = [submitter] if submitter is not None and submitter.email else []
    # Nobody is told of what they did themselves.
    return [person for person in people if person.pk != event.actor_id]


def language_of(user):
    preferences = getattr(user, "staff_preferences", None)
    return preferences.language if preferences is not None else settings.CONTENT_SOURCE_LANGUAGE


def scheduled_at(event, item):
    """The time a published item appears on the site, when that is still to come."""
    publish_at = getattr(item, "publish_at", None)
    if event.state == ReviewState.PUBLISHED and publish_at and publish_at > timezone.now():
        return publish_at
    return None


def message(event, item, user):
    language = language_of(user)
    with translation.override(language):
        title = item.safe_translation_getter(
            type(item).title_field, language_code=language, any_language=True
        )
        context = {
            "event": event,
            "review": event.request,
            "title": title or str(item.pk),
            "url": absolute(item.get_admin_url(language)),
            "recipient": user,
            "scheduled_at": scheduled_at(event, item),
        }
        subject = render_to_string("review/mail/subject.txt", context)
        body = render_to_string("review/mail/body.txt", context)
    # One line (a header), its no-break spaces kept: str.split() would take French typography's
    # narrow no-break space before ":" for a break.
    return EmailMessage(" ".join(subject.splitlines()).strip(), body, to=[user.email])


def send(event_pk):
    event = (
        ReviewEvent.objects.select_related(
            "actor", "request__content_type", "request__submitted_by__staff_preferences"
        )
        .filter(pk=event_pk)
        .first()
    )
    if event is None:
        return
    review = event.request
    item = review.content_type.model_class()._base_manager.filter(pk=review.object_id).first()
    people = recipients(event)
    if item is None or not people:
        return
    messages = [message(event, item, person) for person in people]
    try:
        get_connection().send_messages(messages)
    except Exception:  # a mail server down must not turn a committed step into an error page
        logger.exception("The review's e-mails for event %s were not sent.", event.pk)
