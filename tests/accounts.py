"""Staff accounts for the tests, made as an administrator would: a group and extra rights."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission


def member(username, group, *codenames):
    """A staff user in ``group`` (Editors, Publishers, Translators) with the extra permissions
    ``codenames`` (e.g. ``translate_fr``)."""
    user = get_user_model().objects.create_user(username, password="a-long-test-password")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user
