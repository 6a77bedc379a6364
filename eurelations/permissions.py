"""Who may edit what: per-language translation rights, shared fields and publication.

The permissions live on ``eurelations.TranslationStatus`` (a model without a table) and are
given through the groups Editors, Publishers and Translators (migration 0003) or per user:
a translator gets "Can edit the French text of the content" (``eurelations.translate_fr``)
for each language they work in.
"""

from django.conf import settings


def can_translate(user, language):
    """May ``user`` save text in ``language``? Checked on the server, whatever the form says."""
    return bool(
        user
        and user.is_active
        and (user.is_superuser or user.has_perm(f"eurelations.translate_{language}"))
    )


def translatable_languages(user):
    return [code for code, _name in settings.LANGUAGES if can_translate(user, code)]


def can_edit_shared_fields(user):
    """Dates, order, links, keys: the fields every language shares are not a translator's."""
    return bool(user and user.is_active and user.has_perm("eurelations.edit_shared_fields"))


def can_publish(user):
    return bool(user and user.is_active and user.has_perm("eurelations.publish_content"))


def can_revert(user):
    """A revert rewrites the text of every language and the shared fields at once: only for those
    who may edit all of them (superusers have every permission)."""
    return can_edit_shared_fields(user) and len(translatable_languages(user)) == len(
        settings.LANGUAGES
    )
