"""The staff groups' rights on the glossary, given after every ``migrate`` (as
``translations.groups`` does for content): Editors keep it, Translators edit their languages'
terms (``glossary.admin`` narrows "change" to the languages they may translate), Publishers
read it."""

from django.contrib.auth.models import Group, Permission

GROUP_RIGHTS = {
    "Editors": ("add", "change", "delete", "view"),
    "Translators": ("change", "view"),
    "Publishers": ("view",),
}


def give_glossary_rights(sender=None, using="default", **kwargs):
    """post_migrate: never takes a right away (staff may have widened a group on purpose)."""
    found = Permission.objects.using(using).filter(
        content_type__app_label="glossary", content_type__model="term"
    )
    by_action = {permission.codename.split("_", 1)[0]: permission for permission in found}
    if not by_action:
        return  # the permissions are created by the auth app's own post_migrate, first
    for name, actions in GROUP_RIGHTS.items():
        group = Group.objects.using(using).filter(name=name).first()
        if group is None:
            continue  # removed on purpose
        group.permissions.add(*[by_action[action] for action in actions if action in by_action])
