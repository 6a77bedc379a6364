"""The review step's rules: its transitions, who may make each (rights) and from where (the
item's current state), and what making one writes. The admin's views (``review.admin``) ask
these, so a forged or stale request is refused by the same rules that draw the buttons."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from content.languages import language_codes
from content.models import PublicationStatus
from content.permissions import can_publish
from review import notifications
from review.models import ReviewEvent, ReviewRequest, ReviewState, StaffPreferences, item_key


class StaleReview(Exception):
    """The item's review moved on since the person's page was drawn."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    #: The state it leads to.
    target: str
    #: The review states it starts from (None: never submitted).
    sources: frozenset
    #: What the item's history says of it.
    history: str
    comment_required: bool = False
    #: Only an item that is not on the site (a draft) may take it.
    draft_only: bool = True


SUBMIT = Transition(
    "submit",
    _("Submit for review"),
    ReviewState.IN_REVIEW,
    frozenset({None, ReviewState.SENT_BACK, ReviewState.PUBLISHED}),
    _("Submitted for review."),
)
SEND_BACK = Transition(
    "send_back",
    _("Send back"),
    ReviewState.SENT_BACK,
    frozenset({ReviewState.IN_REVIEW}),
    _("Sent back."),
    comment_required=True,
    draft_only=False,
)
PUBLISH = Transition(
    "publish",
    _("Publish"),
    ReviewState.PUBLISHED,
    frozenset({ReviewState.IN_REVIEW}),
    _("Published after review."),
)
#: Every transition, by the name its address carries.
TRANSITIONS = {transition.name: transition for transition in (SUBMIT, SEND_BACK, PUBLISH)}


def may_make(user, transition, model):
    """The person's rights, whatever the item's state: submitting needs the right to change the
    item and ``review.submit_for_review`` (Editors); deciding, to change it and to publish
    (Publishers). Superusers may do everything."""
    if not (user and user.is_active):
        return False
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    if transition is SUBMIT:
        return user.has_perm("review.submit_for_review")
    return can_publish(user)


def state_of(review):
    return review.state if review is not None else None


def possible(transition, obj, review):
    """May the item take ``transition`` from where it stands now?"""
    if state_of(review) not in transition.sources:
        return False
    return not transition.draft_only or obj.status == PublicationStatus.DRAFT


def seen_step(review):
    """What a form posts back to say which step of the review it was drawn at."""
    return review.step if review is not None else 0


def review_of(obj, lock=False):
    rows = ReviewRequest.objects.of(obj).select_related("submitted_by", "decided_by")
    return (rows.select_for_update(of=("self",)) if lock else rows).first()


def history_comment(transition, comment):
    return f"{transition.history} {comment}".strip()


def make(transition, obj, review, user, comment, seen):
    """Record ``transition`` of ``obj`` by ``user``: the review's row (compared and swapped on
    its step: a page drawn at another step is stale) and its event; the e-mails go once the
    transaction is committed. The caller has checked ``may_make`` and ``possible``."""
    if seen != seen_step(review):
        raise StaleReview
    now = timezone.now()
    if transition is SUBMIT:
        fields = {"submitted_by": user, "submitted_at": now, "comment": comment}
    else:
        fields = {"decided_by": user, "decided_at": now, "reply": comment}
    fields["state"] = transition.target
    if review is None:
        content_type, pk = item_key(obj)
        with transaction.atomic():
            # Two first submissions at once: the unique constraint refuses the second.
            if ReviewRequest.objects.filter(content_type=content_type, object_id=pk).exists():
                raise StaleReview
            review = ReviewRequest.objects.create(
                content_type=content_type, object_id=pk, step=1, **fields
            )
    else:
        moved = ReviewRequest.objects.filter(pk=review.pk, step=seen).update(
            step=seen + 1, **fields
        )
        if not moved:
            raise StaleReview
        review.refresh_from_db()
    event = ReviewEvent.objects.create(
        request=review, state=transition.target, actor=user, comment=comment, at=now
    )
    remember_language(user, translation.get_language())
    notifications.send_on_commit(event)
    return review, event


def close_on_publication(obj, user):
    """The item was published another way (the publish action, its form) while in review: the
    review ends there, as if published from it."""
    review = ReviewRequest.objects.of(obj).filter(state=ReviewState.IN_REVIEW).first()
    if review is not None:
        make(PUBLISH, obj, review, user, "", review.step)


def remember_language(user, language):
    """The language ``user`` last used the admin in: their e-mails are written in it."""
    if user is None or not user.is_staff or language not in language_codes():
        return
    StaffPreferences.objects.update_or_create(user=user, defaults={"language": language})
