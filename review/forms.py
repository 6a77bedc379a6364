"""The form of a review step: a comment (required to send an item back), the step the page was
drawn at, and, to publish, the time it appears on the site (empty: now)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import PLAIN_TEXT_MAX_LENGTH
from review.workflow import PUBLISH

#: A native date and time picker: no script, in the browser's own language and direction.
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=PLAIN_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )
    seen = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        input_formats=[DATETIME_LOCAL],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=_("Leave empty to publish now; a future time schedules publication."),
    )

    def __init__(self, transition, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        prefix = transition.name
        self.prefix = prefix
        if transition.comment_required:
            self.fields["comment"].required = True
            self.fields["comment"].help_text = _("Say what needs to change.")
        if transition is not PUBLISH:
            del self.fields["publish_at"]
