"""The site's settings as the seed gives them, for a database that has no record (one flushed by
the browser tests, or restored without it): the names the site gives itself, its short name
and publisher. What only the Office can give (address, e-mail, telephone, data controller,
data-protection contact, how long server logs are kept) stays empty. An existing record is never touched: staff edit it.

(The migration ``sitesettings.0002`` makes the same record once, with its own frozen copy.)"""

from django.conf import settings
from django.contrib.sites.models import Site

from content.languages import language_codes
from sitesettings.models import SiteSettings

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


def load(report):
    site = Site.objects.get(pk=settings.SITE_ID)
    if SiteSettings.objects.filter(site=site).exists():
        return
    record = SiteSettings(site=site)
    for code in language_codes():
        if code in TEXTS:
            record.set_current_language(code)
            record.short_name = SHORT_NAME
            for name, text in TEXTS[code].items():
                setattr(record, name, text)
            record.save()
    report.created.append("site settings")
