"""The catalogue check: a translator's mistake in a .po file, a catalogue Django does not serve,
a string marked in the code but missing from a catalogue, or a template sentence nobody marked for
translation fails the test suite before a visitor sees it.

gettext's msgfmt, translate-toolkit's checks and Django's makemessages do most of it; each rule is
shown failing on a fixture catalogue (tests/fixtures/catalogues/) that breaks it. The last tests
run the same checks on the project's own catalogues and templates.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation

import dev
from seed import content, static_pages
from translations.admin_javascript import MESSAGES_FILE, django_admin_messages, javascript_source
from translations.catalogue_check import (
    NARROW_NBSP,
    check_catalogue,
    check_templates,
    extract_messages,
    french_typography_problems,
    placeholder_problem,
    served_problems,
    strings_missing_from,
    untranslated_template_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "catalogues"
LANGUAGES = [code for code, _name in django_settings.LANGUAGES]


def installed(tmp_path, fixture, language, compile=True):
    """The fixture as ``<tmp>/<language>/LC_MESSAGES/django.po``, compiled with msgfmt as
    compilemessages does."""
    po_path = tmp_path / language / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / fixture, po_path)
    if compile:
        subprocess.run(
            ["msgfmt", "--check-format", "-o", po_path.with_suffix(".mo"), po_path], check=True
        )
    return po_path


def messages(problems):
    return [problem.message for problem in problems]


def test_a_complete_arabic_catalogue_with_six_plural_forms_passes(tmp_path):
    assert check_catalogue(installed(tmp_path, "complete_ar.po", "ar")) == []


# --- msgfmt --check ---------------------------------------------------------------------------


def test_a_catalogue_that_does_not_parse_fails_with_msgfmt_s_line(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "syntax_fr.po", "fr", compile=False)))
    assert any("django.po:16: end-of-line within string" in text for text in found)
    assert any("fatal error" in text for text in found)


def test_a_header_without_plural_forms_or_translator_fields_fails(tmp_path):
    found = " ".join(messages(check_catalogue(installed(tmp_path, "header_fr.po", "fr", False))))
    assert 'header entry lacks a "plural=EXPRESSION" attribute' in found
    assert "header field 'PO-Revision-Date' missing" in found
    assert "header field 'Language-Team' missing" in found


def test_a_python_format_string_that_loses_a_placeholder_fails(tmp_path):
    """msgfmt judges plural forms by the Plural-Forms rule: Arabic msgstr[0..2] may say their
    number in words (complete_ar.po passes), msgstr[3] serves 3 to 10 and may not."""
    found = messages(check_catalogue(installed(tmp_path, "format_ar.po", "ar", compile=False)))
    assert any("argument 'count' doesn't exist in 'msgstr[3]'" in text for text in found)
    assert any("argument 'name' doesn't exist in 'msgstr'" in text for text in found)
    assert not any("msgstr[0]" in text or "msgstr[2]" in text for text in found)


# --- translate-toolkit's checks ---------------------------------------------------------------


def test_an_untranslated_string_or_plural_form_fails(tmp_path):
    problems = check_catalogue(installed(tmp_path, "untranslated_fr.po", "fr"))
    assert [
        (problem.where.split(".po: ", 1)[1], problem.message.split(":")[0]) for problem in problems
    ] == [
        ("'Partners'", "untranslated"),
        ("'%(count)d project'", "untranslated"),
    ]


def test_a_fuzzy_string_fails_even_with_a_translation(tmp_path):
    problems = check_catalogue(installed(tmp_path, "fuzzy_fr.po", "fr"))
    assert [str(problem).split(": ", 1)[1] for problem in problems] == [
        "'Partners': fuzzy (needs review)"
    ]


def test_broken_placeholders_fail_named_braces_and_positional(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "placeholders_fr.po", "fr")))
    assert found == [
        "printf: Added printf variable: %(nom)s",
        "pythonbraceformat: Unknown named placeholders in translation: {totale}, "
        "Named placeholders absent in translation: {total}",
        "printf: Different number of printf variables",
    ]


def test_html_tags_that_differ_between_msgid_and_msgstr_fail(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "html_tags_fr.po", "fr")))
    assert found == ["xmltags: Different XML tags"]


def test_the_content_import_refuses_broken_placeholders_with_the_same_checker():
    assert placeholder_problem("%(count)s pays", "%(count)s pays") is None
    assert "Added printf variable: %(nombre)s" in placeholder_problem("%(n)s", "%(nombre)s")
    assert "{totale}" in placeholder_problem("{total} pays", "{totale} pays")


# --- our own rules ----------------------------------------------------------------------------


def test_arabic_needs_its_six_plural_forms_in_the_header(tmp_path):
    found = messages(check_catalogue(installed(tmp_path, "plural_forms_ar.po", "ar")))
    assert len(found) == 1
    assert "Plural-Forms is 'nplurals=2; plural=(n != 1);'" in found[0]
    assert "nplurals=6" in found[0]


def test_french_typography_wants_narrow_no_break_spaces_and_one_apostrophe(tmp_path):
    problems = check_catalogue(installed(tmp_path, "typography_fr.po", "fr"))
    assert [(problem.where.split(".po: ", 1)[1], problem.message) for problem in problems] == [
        (
            "'Search: %(query)s'",
            "a space before ':': French wants a narrow no-break space (U+202F)",
        ),
        (
            "'Search: %(query)s.'",
            "a no-break space (U+00A0) before ':': French wants a narrow no-break space (U+202F)",
        ),
        ("'Really?'", "no space before '?': French wants a narrow no-break space (U+202F)"),
        ("'Nothing matches “%(query)s”.'", "« » need a narrow no-break space (U+202F) inside"),
        ("'The EU agencies'", "straight apostrophe ('): French text uses ’"),
    ]


def test_french_typography_leaves_addresses_times_and_markup_alone():
    text = f'Voir <a href="https://example.org/?q=1">l’adresse</a>{NARROW_NBSP}: à 10:30.'
    assert french_typography_problems(text) == []


# --- Django serves what the catalogue says ----------------------------------------------------


def test_django_serves_every_translation_of_a_compiled_catalogue(tmp_path, settings):
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    settings.LOCALE_PATHS = [str(tmp_path)]
    assert served_problems(po_path) == []


def test_a_catalogue_never_compiled_fails(tmp_path, settings):
    po_path = installed(tmp_path, "complete_ar.po", "ar", compile=False)
    settings.LOCALE_PATHS = [str(tmp_path)]
    assert [str(problem) for problem in served_problems(po_path)] == [
        f"{po_path.with_suffix('.mo')}: missing: compile the catalogues "
        "(manage.py compilemessages)"
    ]


def test_a_translation_changed_after_the_compile_fails(tmp_path, settings):
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    po_path.write_text(po_path.read_text().replace("مشروعان", "مشروعين"))
    settings.LOCALE_PATHS = [str(tmp_path)]
    assert messages(served_problems(po_path)) == [
        "Django serves 'مشروعان', not 'مشروعين': compile the catalogues again "
        "(manage.py compilemessages)"
    ]


# --- makemessages: strings marked in the code --------------------------------------------------


def test_makemessages_finds_the_marked_strings_with_their_context(tmp_path):
    assert extract_messages(FIXTURES / "source", tmp_path) == {
        ("", "Projects"),
        ("", "Partners"),
        ("", "Welcome, %(name)s"),
        ("", "%(count)d project"),
        ("EU partners", "None yet."),
        ("EU agencies", "None yet."),
    }


def test_a_string_marked_in_the_code_but_absent_from_the_catalogue_fails(tmp_path):
    marked = extract_messages(FIXTURES / "source", tmp_path / "work")
    po_path = installed(tmp_path, "complete_ar.po", "ar")
    assert messages(strings_missing_from(po_path, marked)) == [
        "no entry for 'Partners'",
        "no entry for 'None yet.' (context 'EU agencies')",
    ]


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


@pytest.fixture(scope="module")
def marked_strings(tmp_path_factory):
    """What ``python3 dev.py messages`` extracts from the project."""
    return extract_messages(
        django_settings.BASE_DIR, tmp_path_factory.mktemp("messages"), ignore=dev.MESSAGES_IGNORE
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_project_catalogues_pass_every_check(language, marked_strings):
    """Every msgid of locale/<language> translated, reviewed, well-formed, served by Django as
    written, and every string the code marks present. Refresh with ``python3 dev.py messages``,
    then translate."""
    po_path = Path(django_settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    problems = (
        check_catalogue(po_path)
        + served_problems(po_path)
        + strings_missing_from(po_path, marked_strings)
    )
    assert [str(problem) for problem in problems] == []


@pytest.fixture(scope="module")
def marked_script_strings(tmp_path_factory):
    """What ``python3 dev.py messages`` extracts from the project's scripts (djangojs)."""
    return extract_messages(
        django_settings.BASE_DIR,
        tmp_path_factory.mktemp("scripts"),
        ignore=dev.MESSAGES_IGNORE,
        domain="djangojs",
    )


def test_the_script_extraction_keeps_every_string_of_django_s_admin_scripts(
    marked_script_strings,
):
    """makemessages -d djangojs reads Django's admin msgids from the file ``dev.py messages``
    writes: none is dropped from our catalogues, and the file is Django's of today."""
    django_strings = {(ctx, msgid) for ctx, msgid, _plural in django_admin_messages()}
    assert len(django_strings) > 70
    assert django_strings <= marked_script_strings
    assert MESSAGES_FILE.read_text() == javascript_source(django_admin_messages())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_project_script_catalogues_pass_every_check(language, marked_script_strings):
    """locale/<language>/LC_MESSAGES/djangojs.po: the same checks as django.po (Django serves
    it through the admin's jsi18n: tests/test_admin_javascript.py)."""
    po_path = Path(django_settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "djangojs.po"
    problems = check_catalogue(po_path) + strings_missing_from(po_path, marked_script_strings)
    assert [str(problem) for problem in problems] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "any_region", "any_country", "partner_label"),
    [("fr", "Toutes", "Tous", "Partenaire de l’UE"), ("es", "Todas", "Todos", "Socio de la UE")],
)
def test_the_project_filters_agree_with_their_nouns(
    language, any_region, any_country, partner_label
):
    """One English "All", a context per filter: French and Spanish regions are feminine."""
    from projects.forms import ProjectFilterForm

    with translation.override(language):
        form = ProjectFilterForm()
        assert str(form.fields["region"].choices[0][1]) == any_region
        assert str(form.fields["country"].choices[0][1]) == any_country
        assert str(form.fields["partner"].label) == partner_label


def _french_texts(value):
    if isinstance(value, dict):
        if isinstance(value.get("fr"), str):
            yield value["fr"]
        for item in value.values():
            yield from _french_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _french_texts(item)


def test_the_french_seed_content_follows_french_typography():
    """The content's French follows the catalogue's rules: what a visitor reads on one page
    should not mix two typographies."""
    seed = [content.PARTNERSHIP, content.OBJECTIVES, content.COOPERATION_AREAS]
    seed += [content.PARTNERS, content.PROJECTS, static_pages.STATIC_PAGES]
    found = {
        text[:60]: french_typography_problems(text)
        for text in _french_texts(seed)
        if french_typography_problems(text)
    }
    assert found == {}


def test_the_project_templates_mark_every_user_facing_text():
    found = check_templates([Path(django_settings.BASE_DIR) / "templates"])
    assert [str(problem) for problem in found] == []


def test_no_translated_string_hides_inside_an_f_string_where_makemessages_cannot_see_it():
    """xgettext reads gettext("…") calls, but not inside an f-string: such a string is never
    extracted, so its translation drops out of the catalogue and the page shows English."""
    import ast

    names = {"gettext", "_", "pgettext", "ngettext", "gettext_lazy", "pgettext_lazy"}
    root = Path(django_settings.BASE_DIR)
    hidden = []
    for path in root.rglob("*.py"):
        if {".venv", "node_modules", "tests", "migrations"} & set(path.relative_to(root).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and getattr(call.func, "id", getattr(call.func, "attr", None)) in names
                    ):
                        hidden.append(f"{path.relative_to(root)}:{call.lineno}")
    assert hidden == []
