"""The staff groups (docs/architecture.md, "Roles"), kept in step with the content registry.

Migration ``eurelations.0003`` made the groups from the models of its day; after every
``migrate`` this gives them the rights on every registered content model, so a content model
added tomorrow is editable by Editors, publishable by Publishers and translatable by
Translators without a new migration.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from content import registry

EVERY_ACTION = ("add", "change", "delete", "view")
GROUP_RIGHTS = {
    # group: (actions on each content model, other permissions as "app_label.codename")
    "Editors": (
        EVERY_ACTION,
        (
            "translations.translate_ar",
            "translations.translate_en",
            "translations.translate_fr",
            "translations.translate_es",
            "translations.view_translation_status",
            "eurelations.edit_shared_fields",
            # The review step: Editors submit, Publishers decide (publish_content).
            "review.submit_for_review",
        ),
    ),
    "Publishers": (
        ("change", "view"),
        ("eurelations.publish_content", "translations.view_translation_status"),
    ),
    "Translators": (("change", "view"), ("translations.view_translation_status",)),
}


def content_permissions(actions):
    # Content with a right of its own (the site settings) is given person by person.
    models = [entry.model for entry in registry.entries() if getattr(entry, "staff_rights", True)]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=True)
    wanted = [
        (content_types[model], f"{action}_{model._meta.model_name}")
        for model in models
        for action in actions
    ]
    found = Permission.objects.filter(
        content_type__in=content_types.values(),
        codename__in=[codename for _ct, codename in wanted],
    )
    return [p for p in found if (p.content_type, p.codename) in set(wanted)]


def named_permissions(names):
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    return permissions


def sync_staff_groups(sender=None, using="default", **kwargs):
    """post_migrate: give each group its rights (never takes a right away: staff may have
    widened a group on purpose)."""
    if not Permission.objects.using(using).exists():
        return  # the permissions are created by the auth app's own post_migrate, first
    for name, (actions, others) in GROUP_RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue  # removed on purpose
        group.permissions.add(*content_permissions(actions), *named_permissions(others))
