"""Editorial rights that are not about a language: the shared fields and publication.

They live on ``eurelations.ContentRights`` (a holder without a table) and are given through
the groups Editors and Publishers; per-language rights are ``translations.permissions``.
"""


def can_edit_shared_fields(user):
    """Dates, order, links, keys: the fields every language shares are not a translator's."""
    return bool(user and user.is_active and user.has_perm("eurelations.edit_shared_fields"))


def can_publish(user):
    return bool(user and user.is_active and user.has_perm("eurelations.publish_content"))
