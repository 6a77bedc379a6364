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
    from a b-tree (the text itself may be too long for one); the fuzzy lookup reads
    ``MemoryKey``."""

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


class MemoryKey(models.Model):
    """One key of an entry's source text (``translationmemory.text.keys``: a MinHash sketch, the
    language pair hashed in): the fuzzy lookup's candidates are the entries sharing most keys
    with a sentence, read from this table's primary key (key, entry), never by reading every
    entry. The same on every database."""

    pk = models.CompositePrimaryKey("key", "entry_id")
    key = models.BigIntegerField()
    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="keys")

    class Meta:
        default_permissions = ()

    def __str__(self):
        return str(self.key)


class MemoryFrequentKey(models.Model):
    """A key more than ``FREQUENT_KEY`` entries have (a common word pair, such as "of the"): the
    lookup skips it, so what one sentence reads stays bounded however large the memory grows.
    Kept by every write that makes a key frequent, and counted again by ``rebuild``."""

    key = models.BigIntegerField(primary_key=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return str(self.key)
