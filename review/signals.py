"""What the review step hears: an item published another way ends its review, a deleted item
takes its review with it, and a staff member's login records the language of their e-mails."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from content import registry
from content.models import PublicationStatus, PublishableModel
from review.models import ReviewRequest
from review.workflow import close_on_publication, remember_language


def item_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created and instance.status == PublicationStatus.PUBLISHED:
        close_on_publication(instance, instance.updated_by)


def item_deleted(sender, instance, **kwargs):
    ReviewRequest.objects.of(instance).delete()


def logged_in(sender, request, user, **kwargs):
    remember_language(user, getattr(request, "LANGUAGE_CODE", None))


def connect():
    for model in registry.models():
        if issubclass(model, PublishableModel):
            uid = f"review:{model._meta.label}"
            post_save.connect(item_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(item_deleted, sender=model, dispatch_uid=uid)
    user_logged_in.connect(logged_in, dispatch_uid="review:language")
