"""The translation memory: every confirmed (source, translation) pair, per language pair, with
where it came from (``docs/architecture.md``, "translationmemory")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemoryEntry(models.Model):
    """One confirmed pair: ``source_text`` in ``source_language`` was translated as
    ``target_text`` in ``target_language`` at ``origin`` (a content field's context, such as
    ``projects.project:wapis:summary``, or ``catalogue:django``).

    One row per origin and source text: a source edited and translated again adds a row, and the
    old pair stays, so the next similar sentence finds it. ``source_hash`` answers an exact match
    from a b-tree (the text itself may be too long for one); the fuzzy lookup uses a trigram
    index on PostgreSQL (migration 0002) and ``MemoryToken`` elsewhere."""

    source_language = models.CharField(_("source language"), max_length=15)
    target_language = models.CharField(_("target language"), max_length=15)
    source_hash = models.CharField(_("source hash"), max_length=64)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("translation"))
    origin = models.CharField(_("origin"), max_length=255)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "origin", "source_hash"],
                name="memoryentry_one_per_origin_and_source",
            )
        ]
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_hash"],
                name="memoryentry_exact",
            )
        ]

    def __str__(self):
        return f"{self.origin} [{self.source_language}→{self.target_language}]"


class MemoryToken(models.Model):
    """A word of an entry's source, for the fuzzy lookup where there is no trigram index
    (SQLite): candidates are the entries sharing most of a sentence's rarest-looking (longest)
    words, read from this index, never by reading every entry. Not written on PostgreSQL."""

    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="tokens")
    source_language = models.CharField(max_length=15)
    target_language = models.CharField(max_length=15)
    token = models.CharField(max_length=64)

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "token"], name="memorytoken_lookup"
            )
        ]

    def __str__(self):
        return self.token
