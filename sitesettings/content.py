"""The site settings as registered content: their texts are translated like the content's, so
the translation status, the PO exchange and the history treat them as they treat a project.
What sets them apart is said here once: no public page of their own (nothing to search or
list), and no staff-group rights (only their own right changes them)."""

from django.urls import reverse

from content import registry
from sitesettings.models import SiteSettings


class SiteSettingsContent(registry.ParlerContent):
    public = False
    search_fields = ()
    #: The staff groups get no right on them (``translations.groups``): "Can change site
    #: settings" is given on purpose, person by person.
    staff_rights = False

    def __init__(self):
        super().__init__(SiteSettings)

    def __repr__(self):
        return "<SiteSettingsContent>"

    def objects(self):
        return SiteSettings.objects.prefetch_related("translations").order_by("site_id")

    def key(self, obj):
        # The site's number is the same in every copy of the database (its domain is not).
        return f"site-{obj.site_id}"

    def label_of(self, obj):
        return str(SiteSettings._meta.verbose_name)

    def admin_url(self, obj, language):
        url = reverse("admin:sitesettings_sitesettings_change", args=[obj.pk])
        return f"{url}?language={language}"

    def published(self):
        return SiteSettings.objects.none()


def connect():
    registry.register(SiteSettingsContent())
