"""The static pages as an institution publishes them, in each language: the legal notice's
publisher, link disclaimer in the Office's name and precedence clause; the privacy notice's
controller, log retention and data rights; the accessibility statement's compliance status and
date; the contact page's facts. What the Office must supply comes from the site settings and is
said to be missing while empty, never made up."""

import html
import re

import pytest
from django.conf import settings

from content.languages import language_codes
from seed import content, static_pages
from sitesettings.models import SiteSettings

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())
OFFICE = {
    "ar": "مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي",
    "en": "Office of the Special Representative of INTERPOL to the European Union",
    "fr": "Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne",
    "es": "Oficina del Representante Especial de INTERPOL ante la Unión Europea",
}
NOT_PROVIDED = {
    "ar": "لم يقدّم المكتب هذه المعلومة بعد",
    "en": "Not yet provided by the Office",
    "fr": "Information non encore communiquée par le Bureau",
    "es": "Información aún no facilitada por la Oficina",
}
PUBLISHER_HEADING = {
    "ar": "ناشر الموقع",
    "en": "Publisher of the site",
    "fr": "Éditeur du site",
    "es": "Editor del sitio",
}
PRECEDENCE = {
    "ar": "وفي حال وجود اختلاف بين النسخ اللغوية، تكون الحجية للنسخة العربية.",
    "en": "In case of discrepancy between language versions, the Arabic version shall prevail.",
    "fr": "En cas de divergence entre les versions linguistiques, la version arabe fait foi.",
    "es": "En caso de discrepancia entre las versiones lingüísticas, prevalecerá la versión árabe.",
}
CONTROLLER = {
    "ar": "المسؤول عن معالجة البيانات",
    "en": "Data controller",
    "fr": "Responsable du traitement",
    "es": "Responsable del tratamiento",
}
RETENTION = {
    "ar": ("مدة الاحتفاظ بسجلات الخوادم", "30 يومًا"),
    "en": ("Retention of server logs", "30 days"),
    "fr": ("Durée de conservation des journaux des serveurs", "30 jours"),
    "es": ("Plazo de conservación de los registros de los servidores", "30 días"),
}
RIGHTS = {
    "ar": "الاطلاع على البيانات الشخصية المتعلقة بك، وتصحيحها أو محوها",
    "en": "access to the personal data concerning you, and its rectification or erasure",
    "fr": "l’accès aux données personnelles qui vous concernent, ainsi que leur rectification ou leur effacement",
    "es": "el acceso a los datos personales que le conciernen, así como su rectificación o supresión",
}
COMPLIANCE = {
    "ar": ("مطابق جزئيًا للمستوى AA", "3 كانون الأول/ديسمبر 2026"),
    "en": ("partially conformant with level AA", "3 December 2026"),
    "fr": ("partiellement conforme au niveau AA", "3 décembre 2026"),
    "es": ("parcialmente conforme con el nivel AA", "3 de diciembre de 2026"),
}


def page_text(client, language, key):
    spec = next(spec for spec in static_pages.STATIC_PAGES if spec["key"] == key)
    response = client.get(f"/{language}{spec['url']}")
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1].split("</main>")[0]
    return html.unescape(main)


def facts_of(text):
    section = text.split('<section class="site-facts-section"')[1].split("</section>")[0]
    return re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", section, re.S)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legal_notice_names_its_publisher_disclaims_links_and_gives_the_arabic_precedence(
    client, language
):
    text = page_text(client, language, "legal-notice")
    # The publisher section heads the notice, with the site settings' publisher.
    assert f'<h2 id="site-facts-heading">{PUBLISHER_HEADING[language]}</h2>' in text
    assert text.index("site-facts-heading") < text.index('class="prose"')
    publisher = SiteSettings.objects.get(site_id=settings.SITE_ID)
    publisher.set_current_language(language)
    facts = dict(facts_of(text))
    assert publisher.publisher and publisher.publisher in facts.values()
    # Address, e-mail and telephone: none given by the seed, so said to be missing.
    assert list(facts.values()).count(NOT_PROVIDED[language]) == 3
    assert PRECEDENCE[language] in text
    links = text.split("</h2>", 4)[-1]  # after the links heading: the Office disclaims
    assert OFFICE[language] in links
    assert "this site does not run" not in text and "ne gère pas" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_notice_names_controller_log_retention_and_data_rights(
    client, language, django_capture_on_commit_callbacks
):
    text = page_text(client, language, "privacy")
    facts = dict(facts_of(text))
    label, days = RETENTION[language]
    assert facts[CONTROLLER[language]] == NOT_PROVIDED[language]
    assert facts[label] == NOT_PROVIDED[language]
    assert RIGHTS[language] in text

    record = SiteSettings.objects.get(site_id=settings.SITE_ID)
    record.log_retention_days = 30
    record.set_current_language(language)
    record.controller = f"Controller {language}"
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
    facts = dict(facts_of(page_text(client, language, "privacy")))
    assert facts[label] == days
    assert facts[CONTROLLER[language]] == f"Controller {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_gives_its_compliance_status_and_date(client, language):
    text = page_text(client, language, "accessibility")
    status, date = COMPLIANCE[language]
    assert status in text and "WCAG" in text
    assert date in text
    assert "site-facts" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_page_shows_the_office_s_facts_or_says_they_are_missing(client, language):
    text = page_text(client, language, "contact")
    assert [value for _label, value in facts_of(text)] == [NOT_PROVIDED[language]] * 3
    assert OFFICE[language] in text


def _translations(language):
    """Every seed text in ``language``: the content's and the static pages'."""
    seed = [content.PARTNERSHIP, content.OBJECTIVES, content.COOPERATION_AREAS]
    seed += [content.PARTNERS, content.PROJECTS, static_pages.STATIC_PAGES]
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == language and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(seed)
    return found


def test_the_english_texts_use_curly_apostrophes_and_ize_spelling():
    for text in _translations("en"):
        prose = re.sub(r"<[^>]+>", "", text)
        assert "'" not in prose and '"' not in prose, prose[:80]
        assert not re.search(r"\b(organis|recognis)", prose, re.I), prose[:80]


def test_the_arabic_static_pages_spell_english_and_tanween_one_way():
    # The content's Arabic is the source, word for word; the static pages are ours.
    for spec in static_pages.STATIC_PAGES:
        for text in (spec["title"]["ar"], spec["content"]["ar"]):
            assert "الإنكليزية" not in text
            assert "اً" not in text


def test_the_eeas_is_seeded_as_a_body_not_an_institution():
    eeas = next(spec for spec in content.PARTNERS if spec["key"] == "eeas")
    assert eeas["kind"] == "body"
