"""The catalogue check: a translator's mistake in a .po file, a forgotten compile or a template
sentence nobody marked for translation fails the test suite before a visitor sees it.

The rules are shown on fixture catalogues (tests/fixtures/catalogues/), each breaking one rule;
the last tests run the same check on the project's own catalogues and templates.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

from translations.catalogue_check import (
    check_catalogue,
    check_templates,
    marked_msgids,
    missing_msgids,
    untranslated_template_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "catalogues"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def installed(tmp_path, fixture, language, compile=True):
    """The fixture as ``<tmp>/<language>/LC_MESSAGES/django.po``, compiled like the set-up does."""
    po_path = tmp_path / language / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / fixture, po_path)
    if compile:
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    return po_path


def messages(problems):
    return [str(problem) for problem in problems]


def test_a_complete_arabic_catalogue_with_six_plural_forms_passes(tmp_path):
    assert check_catalogue(installed(tmp_path, "complete_ar.po", "ar")) == []


def test_an_untranslated_string_or_plural_form_fails(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "untranslated_fr.po", "fr")))
    assert any("'Partners'" in text and text.endswith("untranslated") for text in found)
    assert any("'%(count)d project'" in text and "plural form" in text for text in found)
    assert len(found) == 2


def test_a_fuzzy_string_fails_even_with_a_translation(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "fuzzy_fr.po", "fr")))
    assert len(found) == 1
    assert "'Partners'" in found[0] and "fuzzy" in found[0]


def test_broken_placeholders_fail_named_braces_positional_and_plural(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "placeholders_fr.po", "fr")))
    assert len(found) == 4
    named, braces, positional, plural = found
    assert "missing name" in named and "unexpected nom" in named
    assert "{name} placeholders" in braces and "missing total" in braces
    assert "positional placeholders differ: %s%d in the msgid, %s in the msgstr" in positional
    assert "msgstr[1]" in plural and "unknown placeholder(s) nombre" in plural


def test_html_tags_that_differ_between_msgid_and_msgstr_fail(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "html_tags_fr.po", "fr")))
    assert len(found) == 1
    assert "HTML tags differ" in found[0]
    assert "</a>" in found[0] and "<em>" in found[0]


def test_arabic_needs_its_six_plural_forms_in_the_header(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "plural_forms_ar.po", "ar")))
    assert len(found) == 1
    assert "Plural-Forms is 'nplurals=2; plural=(n != 1);'" in found[0]
    assert "nplurals=6" in found[0]


def test_a_catalogue_never_compiled_fails(tmp_path):
    po_path = installed(tmp_path, "complete_ar.po", "ar", compile=False)
    assert messages(check_catalogue(po_path)) == [
        f"{po_path.with_suffix('.mo')}: missing: compile the catalogues "
        "(manage.py compile_catalogues)"
    ]


def test_a_mo_older_than_its_po_fails(tmp_path):
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    mo_stat = po_path.with_suffix(".mo").stat()
    os.utime(po_path, (mo_stat.st_atime + 60, mo_stat.st_mtime + 60))
    found = messages(check_catalogue(po_path))
    assert found == [
        f"{po_path.with_suffix('.mo')}: older than its .po: compile the catalogues again"
    ]


def test_a_mo_that_says_something_else_than_its_po_fails(tmp_path):
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    mo_path = po_path.with_suffix(".mo")
    other = polib.pofile(str(po_path))
    other.find("Projects").msgstr = "مشاريع قديمة"
    other.save_as_mofile(str(mo_path))
    os.utime(mo_path, (po_path.stat().st_atime + 60, po_path.stat().st_mtime + 60))
    found = messages(check_catalogue(po_path))
    assert found == [f"{mo_path}: does not match its .po: compile the catalogues again"]


def test_a_string_marked_in_the_code_but_absent_from_the_catalogue_fails(tmp_path):
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    found = messages(missing_msgids(po_path, {("", "Projects"), ("", "Partners")}))
    assert found == [f"{po_path}: no entry for 'Partners'"]


def test_template_text_not_marked_for_translation_is_found():
    source = (FIXTURES / "templates" / "unmarked.html").read_text()
    assert untranslated_template_text(source) == [
        (3, "Our projects"),
        (7, "INTERPOL logo"),
        (8, "Read more about the partnership."),
    ]


def test_marked_text_variables_comments_scripts_and_opted_out_lines_pass():
    source = (FIXTURES / "templates" / "marked.html").read_text()
    assert untranslated_template_text(source) == []


# --- the project's own catalogues ------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_project_catalogues_are_complete(language):
    """Every msgid of locale/<language> translated, reviewed, compiled, and every string the
    code marks present. Refresh with ``python3 dev.py messages``, then translate."""
    po_path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    root = Path(settings.BASE_DIR)
    marked = marked_msgids(
        [root / "eurelations", root / "cooperation", root / "projects"], [root / "templates"]
    )
    problems = check_catalogue(po_path) + missing_msgids(po_path, marked)
    assert messages(problems) == []


def test_the_project_templates_mark_every_user_facing_text():
    assert messages(check_templates([Path(settings.BASE_DIR) / "templates"])) == []
