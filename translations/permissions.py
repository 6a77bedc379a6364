"""Who may translate what: per-language rights, enforced on the server.

The permissions live on ``translations.LanguageRights`` (a holder without a table): a
translator gets "Can edit the French text of the content" (``translations.translate_fr``) for
each language they work in, directly or through a group.
"""

from django.conf import settings

from content.permissions import can_edit_shared_fields


def can_translate(user, language):
    """May ``user`` save text in ``language``? Checked on the server, whatever the form says."""
    return bool(
        user
        and user.is_active
        and (user.is_superuser or user.has_perm(f"translations.translate_{language}"))
    )


def translatable_languages(user):
    return [code for code, _name in settings.LANGUAGES if can_translate(user, code)]


def can_revert(user):
    """A revert rewrites the text of every language and the shared fields at once: only for those
    who may edit all of them (superusers have every permission)."""
    return can_edit_shared_fields(user) and len(translatable_languages(user)) == len(
        settings.LANGUAGES
    )
