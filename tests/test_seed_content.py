"""The seed command loads the source page word for word, with our three translations."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from content.languages import language_codes
from cooperation.models import CooperationArea, Objective, Partner, Partnership
from projects.models import Project
from seed import content
from seed.loader import load_seed_content

pytestmark = pytest.mark.django_db

SOURCE = Path(content.__file__).with_name("source_ar.txt")
LANGUAGES = tuple(language_codes())


def source_lines():
    """The verbatim seed, one entry per non-empty line, without list bullets."""
    lines = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = line.strip().removeprefix("•").strip()
        if line:
            lines.append(line)
    return lines


def text(html):
    return re.sub(r"<[^>]+>", "", html)


def arabic_page_lines():
    """The Arabic text in the database, in the order the source page gives it."""
    p = Partnership.objects.language("ar").get()
    lines = [p.title, p.lead, text(p.introduction), text(p.office_description)]
    lines += [
        o.safe_translation_getter("text", language_code="ar") for o in Objective.objects.all()
    ]
    lines.append(p.areas_heading)
    for area in CooperationArea.objects.language("ar"):
        lines += [area.title, text(area.body)]
    lines += [p.projects_heading, p.projects_introduction]
    lines += [project.summary for project in Project.objects.language("ar")]
    lines += [p.partners_heading, p.agencies_heading, p.agencies_introduction]
    lines.append(p.institutions_heading)
    return lines


def test_the_arabic_page_is_the_source_text_word_for_word():
    expected = source_lines()
    # The source leaves this heading in English inside the Arabic page; ours is in Arabic.
    assert expected[-1] == "EU Institutions:"
    expected[-1] = "مؤسسات الاتحاد الأوروبي:"
    actual = arabic_page_lines()
    for number, (want, got) in enumerate(zip(expected, actual, strict=True), start=1):
        assert got == want, f"line {number} differs"


def test_every_object_is_translated_into_the_four_languages():
    for model in (Partnership, Objective, CooperationArea, Partner, Project):
        for obj in model.objects.all():
            assert sorted(obj.get_available_languages()) == sorted(LANGUAGES), obj


def test_the_translations_are_the_seed_translations_not_copies_of_the_arabic():
    for language in ("en", "fr", "es"):
        p = Partnership.objects.language(language).get()
        assert p.title == content.PARTNERSHIP["title"][language]
        assert p.title != content.PARTNERSHIP["title"]["ar"]
        for spec in content.COOPERATION_AREAS:
            area = CooperationArea.objects.language(language).get(key=spec["key"])
            assert area.body == spec["body"][language]
            assert area.slug == spec["slug"][language]


def test_the_seed_names_eu_agencies_institutions_and_bodies():
    assert Partner.objects.filter(kind="agency").count() >= 5
    # Institutions are those of Art. 13 TEU; the EEAS is a body of the Union, not one of them.
    assert set(Partner.objects.filter(kind="institution").values_list("key", flat=True)) == {
        "european-commission",
        "council-of-the-eu",
        "european-parliament",
    }
    assert Partner.objects.get(key="eeas").kind == "body"
    europol = Partner.objects.language("ar").get(key="europol")
    assert europol.name and europol.slug


def snapshot():
    """Every row of every table the seed writes, as plain values."""
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in {"cooperation", "projects"}:
            rows[model._meta.label] = sorted(map(repr, model.objects.order_by().values_list()))
    return rows


def test_a_second_run_changes_nothing():
    before = snapshot()
    report = load_seed_content()
    assert not report.changed
    assert snapshot() == before


def test_the_command_loads_everything_into_an_empty_database(capsys):
    for model in (Project, Partner, CooperationArea, Objective, Partnership):
        model.objects.all().delete()
    call_command("load_seed_content")
    assert "created" in capsys.readouterr().out
    assert Partnership.objects.count() == 1
    assert Objective.objects.count() == 3
    assert CooperationArea.objects.count() == 4
    assert Project.objects.count() == 5
    assert Partner.objects.count() == len(content.PARTNERS)
    assert arabic_page_lines()[0] == "الإنتربول والاتحاد الأوروبي"
    wapis = Project.objects.get(key="wapis")
    assert wapis.cooperation_areas.filter(key="west-africa").exists()

    before = snapshot()
    call_command("load_seed_content")
    assert "created 0, updated 0" in capsys.readouterr().out
    assert snapshot() == before


def test_a_dry_run_writes_nothing(capsys):
    Project.objects.filter(key="wapis").delete()
    call_command("load_seed_content", "--dry-run")
    assert "Would have created" in capsys.readouterr().out
    assert not Project.objects.filter(key="wapis").exists()


def test_staff_edits_survive_a_rerun_unless_update_is_asked():
    area = CooperationArea.objects.language("fr").get(key="e-mla")
    area.title = "Titre révisé par la rédaction"
    area.save()
    load_seed_content()
    assert CooperationArea.objects.language("fr").get(key="e-mla").title == area.title
    load_seed_content(update=True)
    restored = CooperationArea.objects.language("fr").get(key="e-mla").title
    assert (
        restored
        == next(s for s in content.COOPERATION_AREAS if s["key"] == "e-mla")["title"]["fr"]
    )
