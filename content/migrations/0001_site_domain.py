"""Name the site: the sitemap and any absolute link outside a request use its domain."""

import os

from django.db import migrations


def name_the_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = os.environ.get("SITE_DOMAIN", "127.0.0.1:8000")
    Site.objects.update_or_create(
        pk=1, defaults={"domain": domain, "name": "INTERPOL and the European Union"}
    )


def unname_the_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.filter(pk=1).update(domain="example.com", name="example.com")


class Migration(migrations.Migration):
    dependencies = [("sites", "0002_alter_domain_unique")]

    operations = [migrations.RunPython(name_the_site, unname_the_site)]
