"""parler's translation cache and transactions that are rolled back."""

from contextlib import contextmanager

from django.core.cache import cache as default_cache
from django.db.models.signals import post_save
from parler.cache import get_translation_cache_key

from content import registry


@contextmanager
def translations_forgotten_afterwards():
    """parler caches a translation when it is saved, even inside a transaction that is then
    rolled back (a dry run, a refused import): forget every translation saved in the block, so
    the next read comes from the database."""
    saved = set()

    def remember(sender, instance, raw=False, **kwargs):
        saved.add(get_translation_cache_key(sender, instance.master_id, instance.language_code))

    senders = [
        meta.model
        for model in registry.models()
        for meta in getattr(model, "_parler_meta", None) or ()
    ]
    for sender in senders:
        post_save.connect(remember, sender=sender, weak=False)
    try:
        yield
    finally:
        for sender in senders:
            post_save.disconnect(remember, sender=sender)
        default_cache.delete_many(list(saved))
