"""The review step's panels on the admin's dashboard (``workspace.dashboard``): what waits for a
Publisher's review, what was sent back to its submitter, and a person's own drafts. Each shows
at most ``ITEMS_PER_PANEL`` items, with links to the full lists (changelist filters), at a
constant number of queries whatever the amount of content: one for the reviews, two per content
type shown (objects and their translations), one for the rest."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from content import registry
from content.models import PublicationStatus, PublishableModel
from review.admin import MyDraftsFilter, ReviewStateFilter, change_url, changelist_url
from review.models import ReviewRequest, ReviewState
from review.workflow import PUBLISH, SUBMIT, may_make
from workspace.dashboard import Panel, register

ITEMS_PER_PANEL = 8


def publishable_models(user, transition):
    """The publishable content models on which ``user`` may make ``transition``."""
    return [
        model
        for model in registry.models()
        if issubclass(model, PublishableModel) and may_make(user, transition, model)
    ]


def title_of(obj):
    # From the translations fetched with it: the page's language or a fallback.
    text = obj.safe_translation_getter(type(obj).title_field, any_language=True)
    return text or str(obj.pk)


def items_of(reviews):
    """``{review pk: item}``, the items fetched per content type with their translations."""
    wanted = {}
    for review in reviews:
        wanted.setdefault(review.content_type_id, []).append(review.object_id)
    found = {}
    for content_type_id, pks in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        objects = model.objects.filter(pk__in=pks).with_shown_translations()
        found.update({(content_type_id, obj.pk): obj for obj in objects})
    return {
        review.pk: found[(review.content_type_id, review.object_id)]
        for review in reviews
        if (review.content_type_id, review.object_id) in found
    }


def more_links(models, **query):
    return [
        {"label": model._meta.verbose_name_plural, "url": changelist_url(model, **query)}
        for model in models
    ]


class ReviewPanel(Panel):
    """A list of review requests: ``reviews(request)`` (None: not for this person)."""

    state = None
    #: The person and time shown beside each item, and the comment.
    person, time, comment = "submitted_by", "submitted_at", "comment"

    def reviews(self, request):
        raise NotImplementedError

    def get_context(self, request):
        reviews = self.reviews(request)
        if reviews is None:
            return None
        rows = list(
            reviews.select_related(self.person).order_by(f"-{self.time}", "-pk")[
                : ITEMS_PER_PANEL + 1
            ]
        )
        if not rows:
            return None
        items = items_of(rows[:ITEMS_PER_PANEL])
        listed = [
            {
                "title": title_of(items[review.pk]),
                "url": change_url(items[review.pk]),
                "kind": items[review.pk]._meta.verbose_name,
                "person": getattr(review, self.person),
                "time": getattr(review, self.time),
                "comment": getattr(review, self.comment),
            }
            for review in rows[:ITEMS_PER_PANEL]
            if review.pk in items
        ]
        # One query whatever the amount: how many of them each content type has.
        counts = dict(reviews.order_by().values_list("content_type").annotate(Count("pk")))
        more = []
        if len(rows) > ITEMS_PER_PANEL:
            for content_type_id, count in counts.items():
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                more += more_links([model], **{ReviewStateFilter.parameter_name: self.state})
                more[-1]["count"] = count
        return {"items": listed, "more": more}


@register
class WaitingForReviewPanel(ReviewPanel):
    order = 10
    title = _("Waiting for your review")
    template_name = "review/panels/reviews.html"
    state = ReviewState.IN_REVIEW

    def reviews(self, request):
        models = publishable_models(request.user, PUBLISH)
        if not models:
            return None
        content_types = ContentType.objects.get_for_models(*models).values()
        return ReviewRequest.objects.filter(state=self.state, content_type__in=content_types)


@register
class SentBackPanel(ReviewPanel):
    order = 20
    title = _("Sent back to you")
    template_name = "review/panels/reviews.html"
    state = ReviewState.SENT_BACK
    person, time, comment = "decided_by", "decided_at", "reply"

    def reviews(self, request):
        return ReviewRequest.objects.filter(state=self.state, submitted_by=request.user)


@register
class DraftsPanel(Panel):
    order = 30
    title = _("Your drafts")
    template_name = "review/panels/drafts.html"

    def get_context(self, request):
        found = []
        for model in publishable_models(request.user, SUBMIT):
            drafts = model.objects.filter(
                status=PublicationStatus.DRAFT, updated_by=request.user
            ).order_by("-updated_at", "-pk")
            found += list(drafts[: ITEMS_PER_PANEL + 1].with_shown_translations())
        if not found:
            return None
        found.sort(key=lambda obj: obj.updated_at, reverse=True)
        shown = found[:ITEMS_PER_PANEL]
        states = review_states(shown)
        left_out = {type(obj) for obj in found[ITEMS_PER_PANEL:]}
        return {
            "items": [
                {
                    "title": title_of(obj),
                    "url": change_url(obj),
                    "kind": obj._meta.verbose_name,
                    "time": obj.updated_at,
                    "state": states.get((type(obj), obj.pk)),
                }
                for obj in shown
            ],
            "more": more_links(
                [model for model in registry.models() if model in left_out],
                **{MyDraftsFilter.parameter_name: MyDraftsFilter.MINE},
            ),
        }


def review_states(objects):
    """``{(model, pk): state label}`` of those of ``objects`` under review: one query."""
    if not objects:
        return {}
    content_types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    condition = Q()
    for model, content_type in content_types.items():
        pks = [obj.pk for obj in objects if type(obj) is model]
        condition |= Q(content_type=content_type, object_id__in=pks)
    by_type = {content_type.pk: model for model, content_type in content_types.items()}
    return {
        (by_type[review.content_type_id], review.object_id): review.get_state_display()
        for review in ReviewRequest.objects.filter(condition)
    }
