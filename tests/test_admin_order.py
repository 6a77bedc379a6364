"""The admin reads as this site's: its apps in the order of the work (content, translation,
people), the security records last and for superusers only (in the lists and at their
addresses), static pages called static pages, and every label of the security apps in our
catalogue."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils.functional import Promise

from tests.accounts import member
from workspace.security_labels import LABELS
from workspace.sites import SECURITY_APPS

pytestmark = pytest.mark.django_db

WORK_ORDER = [
    "cooperation",
    "projects",
    "flatpages",
    "translations",
    "glossary",
    "translationmemory",
    "auth",
]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def security_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in SECURITY_APPS
    ]


def test_the_index_and_the_sidebar_list_the_apps_in_the_order_of_the_work(admin_client):
    index = admin_client.get(reverse("admin:index")).context["app_list"]
    labels = [app["app_label"] for app in index]
    assert labels[: len(WORK_ORDER)] == WORK_ORDER
    assert labels[-len(SECURITY_APPS) :] == list(SECURITY_APPS)
    cooperation = [model["object_name"] for model in index[0]["models"]]
    assert cooperation == ["Partnership", "CooperationArea", "Partner"]
    people = next(app for app in index if app["app_label"] == "auth")
    assert [model["object_name"] for model in people["models"]] == ["User", "Group"]
    changelist = admin_client.get(reverse("admin:projects_project_changelist"))
    sidebar = [app["app_label"] for app in changelist.context["available_apps"]]
    assert sidebar == labels


def test_static_pages_are_called_static_pages(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Static pages" in html
    assert "Flat pages" not in html and "Flat Pages" not in html
    assert str(apps.get_app_config("flatpages").verbose_name) == "Static pages"
    assert str(FlatPage._meta.verbose_name_plural) == "static pages"


@pytest.mark.parametrize(("model", "model_admin"), security_admins(), ids=str)
def test_the_security_records_are_the_superusers_only(model, model_admin, admin_client):
    opts = model._meta
    # A staff member given every right on them by a group still does not see them.
    editor = member(f"sec-{opts.model_name}", "Editors")
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label=opts.app_label))
    client = logged_in(editor)
    index = client.get(reverse("admin:index"))
    assert opts.app_label not in [app["app_label"] for app in index.context["app_list"]]
    assert client.get(reverse("admin:app_list", args=[opts.app_label])).status_code == 404
    before = model._default_manager.count()
    for pattern in model_admin.get_urls():
        if not isinstance(pattern, URLPattern) or not pattern.name:
            continue
        arguments = ["1"] * len(pattern.pattern.regex.groupindex)
        url = reverse(f"admin:{pattern.name}", args=arguments)
        assert client.get(url).status_code in (403, 404), url
        assert client.post(url, {"name": "x", "post": "yes"}).status_code in (403, 404), url
    assert model._default_manager.count() == before
    assert (
        admin_client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        ).status_code
        == 200
    )


def test_every_label_of_the_security_apps_is_in_our_catalogue_list():
    labels = set()
    for label in SECURITY_APPS:
        for model in apps.get_app_config(label).get_models():
            labels |= {model._meta.verbose_name, model._meta.verbose_name_plural}
            for field in model._meta.get_fields():
                labels |= {getattr(field, "verbose_name", ""), getattr(field, "help_text", "")}
    labels = {str(text) for text in labels if text}
    assert labels <= set(LABELS)


def test_the_security_apps_are_named_by_our_code():
    for label in SECURITY_APPS:
        config = apps.get_app_config(label)
        assert type(config).__module__ == "workspace.apps"
        assert isinstance(config.verbose_name, Promise)  # a lazy gettext of our own
