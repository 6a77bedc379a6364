"""Content translation through PO files.

A translator receives the French content as a PO file (msgid = the Arabic source, msgstr = the
French text), edits it in a PO editor and sends it back; the import changes exactly what they
edited, or, when anything in the file is wrong, changes nothing and says why.
"""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.flatpages.models import FlatPage
from django.core.management import CommandError, call_command

from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import CooperationArea
from translations.exchange import MAX_FILE_SIZE, iter_units
from translations.status import Status, statuses_of

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())


def snapshot():
    """Every translatable string of the site in every language."""
    return {
        (language, unit.context): unit.translation
        for language in ("en", "fr", "es")
        for unit in iter_units(language)
    }


def export(tmp_path, language="fr", *options):
    path = tmp_path / f"{language}.po"
    call_command("export_content", language, "-o", str(path), *options, stdout=_Null())
    return path


def run_import(path, *options):
    out, err = _Buffer(), _Buffer()
    call_command("import_content", str(path), *options, stdout=out, stderr=err)
    return out.text + err.text


def refused(path, *options):
    err = _Buffer()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_content", str(path), *options, stdout=_Null(), stderr=err)
    return f"{excinfo.value}\n{err.text}"


class _Buffer:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


class _Null(_Buffer):
    pass


def entry(catalogue, context):
    return next(item for item in catalogue if item.msgctxt == context)


def test_the_export_has_one_entry_per_field_with_the_arabic_source_and_the_french_text(
    tmp_path,
):
    catalogue = polib.pofile(str(export(tmp_path)))
    assert catalogue.metadata["Language"] == "fr"
    assert catalogue.metadata["X-Source-Language"] == "ar"
    title = entry(catalogue, "cooperation.partnership:main:title")
    assert title.msgid == "الإنتربول والاتحاد الأوروبي"
    assert title.msgstr == "INTERPOL et l’Union européenne"
    area = CooperationArea.objects.language("fr").get(key="e-mla")
    slug = entry(catalogue, "cooperation.cooperationarea:e-mla:slug")
    assert slug.msgstr == area.slug
    body = entry(catalogue, "cooperation.cooperationarea:e-mla:body")
    assert "Rich text" in body.comment
    contexts = [item.msgctxt for item in catalogue]
    assert len(contexts) == len(set(contexts))
    assert any(context.startswith("cooperation.objective:") for context in contexts)
    assert any(context.startswith("projects.project:") for context in contexts)
    assert all(item.msgstr for item in catalogue)
    assert not any("fuzzy" in item.flags for item in catalogue)


def test_the_export_of_the_source_language_or_an_unknown_one_is_refused(tmp_path):
    for language in ("ar", "de"):
        with pytest.raises(CommandError):
            export(tmp_path, language)


def test_missing_lists_only_what_was_never_translated(tmp_path):
    area = CooperationArea(key="cybercrime", status=PublicationStatus.DRAFT)
    area.set_current_language("ar")
    area.title, area.slug, area.summary = "الجريمة السيبرية", "الجريمة-السيبرية", "ملخص"
    area.save()
    catalogue = polib.pofile(str(export(tmp_path, "fr", "--missing")))
    assert sorted(item.msgctxt for item in catalogue) == [
        "cooperation.cooperationarea:cybercrime:slug",
        "cooperation.cooperationarea:cybercrime:summary",
        "cooperation.cooperationarea:cybercrime:title",
    ]


def test_stale_lists_the_strings_whose_source_changed_flagged_fuzzy(tmp_path):
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("ar")
    area.title = "عنوان جديد"
    area.save()
    catalogue = polib.pofile(str(export(tmp_path, "fr", "--stale")))
    assert {item.msgctxt.rsplit(":", 1)[0] for item in catalogue} == {
        "cooperation.cooperationarea:e-mla"
    }
    assert all("fuzzy" in item.flags for item in catalogue)
    assert entry(catalogue, "cooperation.cooperationarea:e-mla:title").msgid == "عنوان جديد"


def test_round_trip_changes_exactly_the_edited_strings(tmp_path):
    path = export(tmp_path)
    before = snapshot()
    catalogue = polib.pofile(str(path))
    # What a translator does in a PO editor: two strings rewritten, one emptied, one left fuzzy.
    entry(catalogue, "cooperation.partnership:main:lead").msgstr = "Un partenaire essentiel."
    body = entry(catalogue, "cooperation.cooperationarea:e-mla:body")
    body.msgstr = "<p>Le canal <strong>E-MLA</strong> relie les autorités judiciaires.</p>"
    entry(catalogue, "cooperation.partnership:main:areas_heading").msgstr = ""
    entry(catalogue, "cooperation.partnership:main:projects_heading").flags.append("fuzzy")
    catalogue.save(str(path))

    output = run_import(path)

    assert "fr: Updated 2, confirmed 0, unchanged" in output
    assert "skipped 2" in output
    after = snapshot()
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {
        ("fr", "cooperation.partnership:main:lead"),
        ("fr", "cooperation.cooperationarea:e-mla:body"),
    }
    area = CooperationArea.objects.language("fr").get(key="e-mla")
    assert area.body == body.msgstr
    assert statuses_of(area)["fr"] == Status.UP_TO_DATE


def test_importing_an_unedited_export_changes_nothing(tmp_path):
    path = export(tmp_path)
    before = snapshot()
    versions = list(CooperationArea.objects.values_list("version", flat=True))
    output = run_import(path)
    assert "Updated 0" in output
    assert snapshot() == before
    assert list(CooperationArea.objects.values_list("version", flat=True)) == versions


def test_a_missing_translation_is_created_with_an_address_derived_from_its_title(tmp_path):
    area = CooperationArea(key="cybercrime", status=PublicationStatus.DRAFT)
    area.set_current_language("ar")
    area.title, area.slug = "الجريمة السيبرية", "الجريمة-السيبرية"
    area.save()
    path = export(tmp_path, "fr", "--missing")
    catalogue = polib.pofile(str(path))
    entry(catalogue, "cooperation.cooperationarea:cybercrime:title").msgstr = "Cybercriminalité"
    catalogue.save(str(path))
    run_import(path)
    area = CooperationArea.objects.language("fr").get(key="cybercrime")
    assert area.title == "Cybercriminalité"
    assert area.slug == "cybercriminalité"


def test_flatpages_travel_by_url(tmp_path):
    FlatPage.objects.create(url="/pages/legal/", title_ar="إشعار قانوني", content_ar="<p>نص</p>")
    path = export(tmp_path, "fr")
    catalogue = polib.pofile(str(path))
    for context, text in (("title", "Mentions légales"), ("content", "<p>Texte</p>")):
        translated = entry(catalogue, f"flatpages.flatpage:/pages/legal/:{context}")
        # The translator's word (the memory may have offered a fuzzy match).
        translated.msgstr, translated.flags = text, []
    catalogue.save(str(path))
    run_import(path)
    page = FlatPage.objects.get(url="/pages/legal/")
    assert (page.title_fr, page.content_fr) == ("Mentions légales", "<p>Texte</p>")


# --- a file that is wrong changes nothing and says why ----------------------------------------


def edited_export(tmp_path, context, msgstr, msgid=None):
    path = export(tmp_path)
    catalogue = polib.pofile(str(path))
    item = entry(catalogue, context)
    item.msgstr = msgstr
    if msgid is not None:
        item.msgid = msgid
    # A good edit next to the bad one: it must not be written either.
    entry(catalogue, "cooperation.partnership:main:lead").msgstr = "Un partenaire essentiel."
    catalogue.save(str(path))
    return path


@pytest.mark.parametrize(
    ("context", "msgstr", "expected"),
    [
        (
            "cooperation.cooperationarea:e-mla:body",
            "<p>Texte <script>alert(1)</script></p>",
            "rich text that the sanitiser would change",
        ),
        (
            "cooperation.cooperationarea:e-mla:body",
            "<p>Texte sans fin",
            "rich text that the sanitiser would change",
        ),
        (
            "cooperation.cooperationarea:e-mla:slug",
            "pas une adresse",
            "is not a valid web address",
        ),
        ("cooperation.cooperationarea:e-mla:title", "x" * 201, "too long: 201 characters"),
    ],
)
def test_a_bad_string_changes_nothing(tmp_path, context, msgstr, expected):
    path = edited_export(tmp_path, context, msgstr)
    before = snapshot()
    message = refused(path)
    assert expected in message
    assert context in message
    assert "nothing was imported" in message
    assert snapshot() == before


def test_an_address_taken_by_another_object_is_refused(tmp_path):
    other = CooperationArea.objects.language("fr").exclude(key="e-mla").first()
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:slug", other.slug)
    before = snapshot()
    assert "is already used by another cooperation area" in refused(path)
    assert snapshot() == before


def test_broken_placeholders_are_refused(tmp_path):
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("ar")
    area.summary = "تعاون مع %(count)s دولة"
    area.save()
    path = edited_export(
        tmp_path,
        "cooperation.cooperationarea:e-mla:summary",
        "Coopération avec %(nombre)s pays",
    )
    before = snapshot()
    assert "placeholders differ" in refused(path)
    assert snapshot() == before


def test_a_source_text_changed_since_the_export_is_refused(tmp_path):
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:title", "E-MLA révisé")
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("ar")
    area.title = "عنوان معدل"
    area.save()
    before = snapshot()
    assert "the source text changed since the export" in refused(path)
    assert snapshot() == before


def test_an_unknown_context_is_refused(tmp_path):
    path = export(tmp_path)
    catalogue = polib.pofile(str(path))
    entry(catalogue, "cooperation.partnership:main:lead").msgstr = "Un partenaire essentiel."
    catalogue.append(polib.POEntry(msgctxt="projects.project:no-such:name", msgid="x", msgstr="y"))
    catalogue.save(str(path))
    before = snapshot()
    assert "projects.project:no-such:name: unknown context" in refused(path)
    assert snapshot() == before


def test_partial_imports_the_good_strings_and_reports_the_bad(tmp_path):
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:slug", "pas une adresse")
    output = run_import(path, "--partial")
    assert "is not a valid web address" in output
    assert "Updated 1" in output
    area = CooperationArea.objects.language("fr").get(key="e-mla")
    assert area.slug != "pas une adresse"
    lead = [unit for unit in iter_units("fr") if unit.context.endswith("main:lead")][0]
    assert lead.translation == "Un partenaire essentiel."


def test_dry_run_reports_and_writes_nothing(tmp_path):
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:title", "E-MLA révisé")
    before = snapshot()
    assert "Would have updated 2" in run_import(path, "--dry-run")
    assert snapshot() == before


def test_a_file_for_another_language_is_refused(tmp_path):
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:title", "E-MLA révisé")
    before = snapshot()
    assert "is a 'fr' translation, not 'es'" in refused(path, "--language", "es")
    catalogue = polib.pofile(str(path))
    catalogue.metadata["Language"] = "de"
    catalogue.save(str(path))
    assert "Unknown language 'de'" in refused(path)
    catalogue.metadata["Language"] = "ar"
    catalogue.save(str(path))
    assert "'ar' is the source language" in refused(path)
    assert snapshot() == before


def write_bytes(tmp_path, data):
    path = tmp_path / "broken.po"
    path.write_bytes(data)
    return path


HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HEADER + 'msgctxt "a"\nmsgid "x" "y" z"\nmsgstr "y"\n', "is not a valid PO file"),
        (HEADER + 'msgstr "y"\nmsgid "x"\n', "is not a valid PO file"),
        (
            HEADER + 'msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "z"\n',
            "is not a valid PO file",
        ),
        (HEADER.replace("UTF-8", "ISO-8859-1"), "charset=UTF-8"),
        ("", "is empty"),
    ],
    ids=["syntax error", "out of order", "duplicate entries", "wrong charset", "empty"],
)
def test_a_malformed_file_is_refused_with_a_clear_message(tmp_path, data, expected):
    before = snapshot()
    assert expected in refused(write_bytes(tmp_path, data.encode()))
    assert snapshot() == before


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    data = (HEADER + 'msgctxt "a"\nmsgid "x"\nmsgstr "Coopération"\n').encode("latin-1")
    assert "is not UTF-8 text" in refused(write_bytes(tmp_path, data))


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.po"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_SIZE
    message = refused(path)
    assert "50.0 MB" in message and "at most 10 MB" in message


def test_a_translator_imports_only_their_own_language(tmp_path):
    translator = get_user_model().objects.create_user("amelie", password="x" * 16)
    translator.user_permissions.add(Permission.objects.get(codename="translate_es"))
    path = edited_export(tmp_path, "cooperation.cooperationarea:e-mla:title", "E-MLA révisé")
    before = snapshot()
    assert "amelie may not edit the 'fr' text" in refused(path, "--user", "amelie")
    assert snapshot() == before
    translator.user_permissions.add(Permission.objects.get(codename="translate_fr"))
    translator = get_user_model().objects.get(pk=translator.pk)  # permissions are cached
    assert "Updated 2" in run_import(path, "--user", "amelie")
    assert CooperationArea.objects.get(key="e-mla").updated_by == translator
