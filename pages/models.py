"""The static pages' optimistic-locking counters: a flatpage is not our model, so its counters
live next to it, one row per page (``pages.admin.PageForm`` reads and raises them)."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The counter of the fields every language shares (address, template, sites...).
SHARED = "shared"


class PageVersions(models.Model):
    """``{"shared": n, "<language>": n}``: one counter for the shared fields and one per
    language's text (title and content). A counter not yet stored is 1."""

    page = models.OneToOneField(
        FlatPage,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    counters = models.JSONField(_("versions"), default=dict)

    class Meta:
        verbose_name = _("page versions")
        verbose_name_plural = _("page versions")

    def __str__(self):
        return f"{self.page_id}: {self.counters}"

    def version(self, key):
        return int(self.counters.get(key, 1))

    @classmethod
    def raise_all(cls, page_id):
        """A revert rewrote every language and the shared fields: every form opened before it
        is stale (as ``history.Revert`` does with our own models' counters)."""
        row, _created = cls.objects.select_for_update().get_or_create(page_id=page_id)
        for key in [SHARED, *(code for code, _name in settings.LANGUAGES)]:
            row.counters[key] = row.version(key) + 1
        row.save(update_fields=["counters"])
