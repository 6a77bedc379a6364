"""The review step's records: where each publishable item stands (``ReviewRequest``, one row per
item once it is first submitted), every step it went through (``ReviewEvent``: who, when, the
comment) and the language each staff member reads their e-mail in (``StaffPreferences``)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    IN_REVIEW = "in_review", _("In review")
    SENT_BACK = "sent_back", _("Sent back")
    PUBLISHED = "published", _("Published after review")


def item_key(obj):
    """``(content type, object id)`` of a publishable item: how the review rows name it."""
    return ContentType.objects.get_for_model(obj, for_concrete_model=True), obj.pk


class ReviewRequestQuerySet(models.QuerySet):
    def of(self, obj):
        content_type, pk = item_key(obj)
        return self.filter(content_type=content_type, object_id=pk)


class ReviewRequest(models.Model):
    """The review state of one item: its current state, the submitter's latest comment and the
    publisher's latest answer. Each change of state is also a ``ReviewEvent``."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    # The content's primary keys are big integers: the changelist filters compare them as such.
    object_id = models.PositiveBigIntegerField(_("object id"))
    state = models.CharField(_("review state"), max_length=12, choices=ReviewState.choices)
    #: Raised by one at each step: a form posts the step it was drawn at, and a stale one (the
    #: item moved on meanwhile) is refused.
    step = models.PositiveIntegerField(_("step"), default=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True)
    reply = models.TextField(_("reply"), blank=True)

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        default_permissions = ()
        permissions = [("submit_for_review", _("Can submit content for review"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="review_one_request_per_item"
            )
        ]
        indexes = [models.Index(fields=["state", "submitted_at"], name="review_state_time")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.state}"


class ReviewEvent(models.Model):
    """One step of an item's review: the state it moved to, who moved it, when, and why."""

    request = models.ForeignKey(
        ReviewRequest, verbose_name=_("review request"), on_delete=models.CASCADE
    )
    state = models.CharField(_("review state"), max_length=12, choices=ReviewState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        default_permissions = ()
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request_id} {self.state}"


class StaffPreferences(models.Model):
    """What a staff member prefers: the language of the e-mails sent to them (the language they
    last used the admin in; the content's source language until then)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_preferences",
    )
    language = models.CharField(_("language of e-mails"), max_length=10)

    class Meta:
        verbose_name = _("staff preferences")
        verbose_name_plural = _("staff preferences")
        default_permissions = ()

    def __str__(self):
        return f"{self.user_id} {self.language}"
