"""The site's settings record, with what the site said of itself before it had settings: its
name and tagline (the header), its short name (the admin's titles), its publisher (the footer,
the feeds, the structured data), and the seed's static pages as contact, legal and privacy
pages. What only the Office can give (address, e-mail, telephone, data controller and
data-protection contact) stays empty: nothing is invented."""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

TEXTS = {
    "ar": {
        "name": "الإنتربول والاتحاد الأوروبي",
        "tagline": "مكتب الممثل الخاص لدى الاتحاد الأوروبي",
        "publisher": "مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي",
    },
    "en": {
        "name": "INTERPOL and the European Union",
        "tagline": "Office of the Special Representative to the EU",
        "publisher": "The Office of the Special Representative of INTERPOL to the European Union",
    },
    "fr": {
        "name": "INTERPOL et l’Union européenne",
        "tagline": "Bureau du Représentant spécial auprès de l’UE",
        "publisher": "Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne",
    },
    "es": {
        "name": "INTERPOL y la Unión Europea",
        "tagline": "Oficina del Representante Especial ante la UE",
        "publisher": "Oficina del Representante Especial de INTERPOL ante la Unión Europea",
    },
}
SHORT_NAME = "eurelations"
#: The seed's static pages (seed/static_pages.py), where a database already has them.
PAGES = {
    "contact_page": "/pages/contact/",
    "legal_notice_page": "/pages/legal-notice/",
    "privacy_notice_page": "/pages/privacy/",
}


def create_the_record(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    SiteSettings = apps.get_model("sitesettings", "SiteSettings")
    SiteSettingsTranslation = apps.get_model("sitesettings", "SiteSettingsTranslation")
    db = schema_editor.connection.alias
    site = Site.objects.using(db).filter(pk=settings.SITE_ID).first()
    if site is None:
        # What the sites framework's post_migrate would create; made now, so the record has
        # its site (the address is set after every migrate: content.site).
        site = Site.objects.using(db).create(
            pk=settings.SITE_ID, domain="example.com", name="example.com"
        )
        sequences = schema_editor.connection.ops.sequence_reset_sql(no_style(), [Site])
        with schema_editor.connection.cursor() as cursor:
            for sql in sequences:
                cursor.execute(sql)
    if SiteSettings.objects.using(db).filter(site=site).exists():
        return
    pages = {
        role: FlatPage.objects.using(db).filter(url=url, sites=site).first()
        for role, url in PAGES.items()
    }
    record = SiteSettings.objects.using(db).create(site=site, **pages)
    languages = {code for code, _name in settings.LANGUAGES}
    SiteSettingsTranslation.objects.using(db).bulk_create(
        SiteSettingsTranslation(master=record, language_code=code, short_name=SHORT_NAME, **texts)
        for code, texts in TEXTS.items()
        if code in languages
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sitesettings", "0001_site_settings"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_the_record, migrations.RunPython.noop)]
