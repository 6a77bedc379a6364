"""The glossary: its check (each rule on a small fixture, and none reported on today's interface
catalogues), its TBX and CSV exchange (round trip; a broken file writes nothing), its commands
and its admin rights (a translator edits their languages' terms only)."""

import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Version

from glossary.check import Entry, Glossary
from glossary.exchange import (
    GlossaryFileError,
    import_terms,
    read_file,
    read_terms,
    write_csv,
    write_tbx,
)
from glossary.models import Term
from seed.glossary import TERMS
from tests.accounts import member
from tests.test_history import form_data, history_url, logged_in, revision_url, save

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/*.po"))


def seed_entries():
    return [
        Entry(
            spec["key"],
            {code: [spec[code][0], *spec[code][1]] for code in LANGUAGES},
            {code: spec[code][2] for code in LANGUAGES if spec[code][2]},
        )
        for spec in TERMS
    ]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: f"{path.parts[-3]}/{path.name}")
def test_the_interface_catalogues_use_the_glossary_terms(path):
    language = path.parts[-3]
    findings = Glossary(seed_entries()).check_catalogue(polib.pofile(str(path)), language)
    assert not findings, "\n".join(map(str, findings))


# --- each rule on a fixture -------------------------------------------------------------------

FIXTURE = [
    Entry(
        "cooperation-area",
        {
            "ar": ["مجال التعاون", "مجالات التعاون"],
            "en": ["cooperation area", "cooperation areas"],
            "es": ["ámbito de cooperación", "ámbitos de cooperación"],
        },
        {"es": ["área de cooperación"]},
    ),
    Entry(
        "law-enforcement",
        {
            "ar": ["أجهزة إنفاذ القانون", "إنفاذ القانون"],
            "en": ["law enforcement"],
            "fr": ["services chargés de l’application de la loi", "application de la loi"],
        },
        {"fr": ["services répressifs"]},
    ),
    Entry(
        "europol",
        {
            "ar": ["وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون", "يوروبول"],
            "en": ["European Union Agency for Law Enforcement Cooperation", "Europol"],
            "fr": [
                "Agence de l’Union européenne pour la coopération des services répressifs",
                "Europol",
            ],
        },
        {},
    ),
    Entry("eu", {"en": ["EU", "European Union"], "fr": ["UE", "Union européenne"]}, {}),
]


def check(source, source_language, target, target_language):
    return Glossary(FIXTURE).check("ctx", source, source_language, target, target_language)


def test_a_target_without_the_approved_term_is_reported_with_the_entry_the_term_and_the_form():
    [finding] = check("Two cooperation areas", "en", "Dos áreas de trabajo", "es")
    assert finding.where == "ctx"
    assert finding.term == "cooperation area"
    assert finding.expected == ("ámbito de cooperación", "ámbitos de cooperación")
    assert "ctx" in str(finding) and "«ámbito de cooperación»" in str(finding)


def test_any_accepted_variant_of_the_target_will_do():
    assert not check("A cooperation area", "en", "Dos ámbitos de cooperación", "es")


def test_a_forbidden_variant_in_the_target_is_reported():
    [finding] = check("Europe", "en", "Un área de cooperación", "es")
    assert finding.forbidden and finding.found == "área de cooperación"
    assert "forbidden" in str(finding)


def test_arabic_is_matched_without_diacritics_and_tatweel_with_its_prefixes_and_article():
    for source in (
        "وبمجالات التعاون",  # conjunction, preposition
        "لمجال التعاون",
        "فالمجال التعاون",
        "مَجَالُ التَّعَاوُنِ",  # diacritics
        "مجـــال التعاون",  # tatweel
    ):
        [finding] = check(source, "ar", "Un texto", "es")
        assert finding.term == "مجال التعاون", source
    # a word that merely begins like the term is not the term
    assert not check("مجالستهم التعاونية", "ar", "Un texto", "es")


def test_latin_forms_are_matched_case_insensitively_on_whole_words_and_curly_apostrophes():
    assert check("LAW ENFORCEMENT", "en", "Rien", "fr")
    assert not check("law enforcements", "en", "Rien", "fr")  # another word
    assert not check("eu-LISA", "en", "Rien", "fr")  # a hyphen is part of the word
    assert not check("the EU", "en", "de l’UE", "fr")  # an apostrophe ends a word
    # ’ and ' are one: the glossary writes l’, a typewriter l'
    assert not check("law enforcement", "en", "services chargés de l'application de la loi", "fr")


def test_a_term_inside_a_longer_term_belongs_to_the_longer_one():
    # Europol's official French name holds "services répressifs": not a forbidden variant there,
    # and "law enforcement" inside its English name asks for Europol's name, not for the term.
    assert not check(
        "the European Union Agency for Law Enforcement Cooperation",
        "en",
        "l’Agence de l’Union européenne pour la coopération des services répressifs",
        "fr",
    )
    [finding] = check(
        "وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون", "ar", "Une agence", "fr"
    )
    assert finding.term == "وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون"


def test_no_report_without_a_target_form_or_a_translation_and_rich_text_is_read_as_text():
    assert not check("law enforcement", "en", "Texto", "es")  # no Spanish form in the fixture
    assert not check("law enforcement", "en", "", "fr")  # missing: translation status's job
    assert not check(
        "<p>law <strong>enforcement</strong></p>",
        "en",
        "<p>application&nbsp;de la <em>loi</em></p>",
        "fr",
    )


def test_a_catalogue_is_checked_entry_by_entry_plural_forms_included():
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="law enforcement", msgstr="services répressifs"))
    catalogue.append(
        polib.POEntry(
            msgid="%(n)s cooperation area",
            msgid_plural="%(n)s cooperation areas",
            msgstr_plural={0: "%(n)s ámbito de cooperación", 1: "%(n)s ámbitos de cooperación"},
        )
    )
    catalogue.append(polib.POEntry(msgctxt="menu", msgid="EU", msgstr="Europe"))
    findings = Glossary(FIXTURE).check_catalogue(catalogue, "fr")
    assert {(f.where, f.forbidden) for f in findings} == {
        ("law enforcement", False),
        ("law enforcement", True),
        ("menu: EU", False),
    }
    assert not Glossary(FIXTURE).check_catalogue(catalogue, "es")


# --- the database: seed, exchange, commands ---------------------------------------------------


@pytest.mark.django_db
def test_the_seed_holds_the_site_terms_in_four_languages():
    terms = {term.key: term for term in Term.objects.prefetch_related("translations")}
    assert {"cooperation-area", "eu-funded-project", "europol", "eeas", "red-notice"} <= set(terms)
    assert terms["eeas"].category == Term.Category.BODY  # not an institution (Art. 13 TEU)
    assert terms["english"].forbidden_forms("ar") == [
        "الإنكليزية",
        "الإنكليزي",
        "إنكليزي",
        "إنكليزية",
    ]
    assert all(set(term.get_available_languages()) == set(LANGUAGES) for term in terms.values())


@pytest.mark.django_db
@pytest.mark.parametrize("write", [write_tbx, write_csv], ids=["tbx", "csv"])
def test_an_export_imports_back_unchanged_and_creates_what_is_missing(write, tmp_path):
    path = tmp_path / "glossary"
    path.write_bytes(write(read_terms()))
    report = import_terms(read_file(path))
    assert not report.created and not report.updated
    Term.objects.filter(key="red-notice").delete()
    report = import_terms(read_file(path))
    assert report.created == ["red-notice"]
    assert Term.objects.get(key="red-notice").forms("fr") == ["notice rouge", "notices rouges"]


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="{key}"><descrip type="subjectField">general</descrip>
<langSet xml:lang="en"><tig><term>new term</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>nouveau terme</term></tig>
<tig><term>terme neuf</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet></termEntry>
{more}</body></text></martif>"""


@pytest.mark.django_db
def test_a_tbx_file_from_a_cat_tool_is_read_with_its_statuses(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text(TBX.format(key="new-term", more=""))
    import_terms(read_file(path))
    term = Term.objects.get(key="new-term")
    assert term.forms("fr") == ["nouveau terme"] and term.forbidden_forms("fr") == ["terme neuf"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        # the second entry has no key: nothing of the first is written either
        TBX.format(
            key="new-term",
            more='<termEntry><langSet xml:lang="en"><tig><term>x</term>'
            "</tig></langSet></termEntry>",
        ),
        TBX.format(key="new-term", more="").replace('xml:lang="fr"', 'xml:lang="de"'),
        TBX.format(key="new-term", more="")[:-40],  # cut off
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<martif><text><body><termEntry id='new-term'><langSet xml:lang='en'><tig>"
        "<term>&e;</term></tig></langSet></termEntry></body></text></martif>",
        "key,category,en\nnew-term,general,new term\nnew-term,general,again\n",
        "key,category,fr,fr_variants\nnew-term,nonsense,terme,\n",
        "key,colour\nnew-term,red\n",
        "",
    ],
    ids=["no-key", "language", "cut", "entity", "twice", "category", "column", "empty"],
)
def test_a_broken_file_is_refused_and_writes_nothing(content, tmp_path):
    path = tmp_path / "terms"
    path.write_text(content)
    before = Term.objects.count()
    with pytest.raises(CommandError):
        call_command("import_glossary", str(path))
    assert Term.objects.count() == before
    assert not Term.objects.filter(key="new-term").exists()
    with pytest.raises(GlossaryFileError):
        read_file(path)


@pytest.mark.django_db
def test_export_glossary_writes_tbx_and_csv(tmp_path):
    call_command("export_glossary", "-o", str(tmp_path / "g.tbx"))
    call_command("export_glossary", "--format", "csv", "-o", str(tmp_path / "g.csv"))
    assert b'<termEntry id="eeas">' in (tmp_path / "g.tbx").read_bytes()
    assert (tmp_path / "g.csv").read_text().startswith("key,category,ar,")


@pytest.mark.django_db
def test_check_glossary_passes_on_the_catalogues_and_fails_on_a_report(capsys):
    call_command("check_glossary", "--only", "catalogues")
    term = Term.objects.create(key="page")
    for language, text in {"en": "page", "fr": "feuillet"}.items():
        term.set_current_language(language)
        term.term = text
    term.save()
    with pytest.raises(CommandError):
        call_command("check_glossary", "--only", "catalogues", "--language", "fr")
    assert "«feuillet»" in capsys.readouterr().out


@pytest.mark.django_db
def test_check_glossary_reads_the_content_in_the_source_language(capsys):
    term = Term.objects.get(key="west-africa")
    term.set_current_language("fr")
    term.term, term.variants = "Ouest africain", ""
    term.save()
    with pytest.raises(CommandError, match="glossary problem"):
        call_command("check_glossary", "--only", "content", "--language", "fr")
    out = capsys.readouterr().out
    assert "cooperation.cooperationarea:west-africa:title" in out and "«Ouest africain»" in out


# --- the admin: a translator edits their languages only ---------------------------------------


@pytest.mark.django_db
def test_a_translator_edits_the_terms_of_their_languages_only(client):
    client.force_login(member("amelie", "Translators", "translate_fr"))
    term = Term.objects.get(key="red-notice")
    url = reverse("admin:glossary_term_change", args=[term.pk])
    data = {**form_data(client.get(f"{url}?language=fr")), "key": "red-notice",
            "category": term.category, "term": "notice rouge",
            "variants": "notices rouges\navis rouge", "forbidden": "", "note": ""}  # fmt: skip
    response = client.post(f"{url}?language=fr", data)
    assert response.status_code == 302
    assert Term.objects.get(pk=term.pk).forms("fr") == [
        "notice rouge",
        "notices rouges",
        "avis rouge",
    ]
    # Another language's text: refused.
    assert client.post(f"{url}?language=es", {**data, "term": "x"}).status_code == 403
    # The shared key: a form error, nothing saved.
    response = client.post(f"{url}?language=fr", {**data, "key": "renamed"})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert Term.objects.filter(key="red-notice").exists()
    # The source tab is shown read-only.
    page = client.get(f"{url}?language=ar").content.decode()
    assert 'name="term"' not in page and "النشرة الحمراء" in page
    assert client.get(reverse("admin:glossary_term_add")).status_code == 403


# --- the interface's own texts ----------------------------------------------------------------

ARABIC = sorted(Path(settings.LOCALE_PATHS[0]).glob("ar/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("path", ARABIC, ids=lambda path: path.name)
def test_arabic_one_and_two_forms_say_the_number_in_words_and_tanween_is_written_before_alif(
    path,
):
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.obsolete:
            continue  # kept by makemessages for translators' tools, never shown
        text = entry.msgstr + "".join(entry.msgstr_plural.values())
        assert "اً" not in text, entry.msgid  # ـًا, not ـاً
        if entry.msgid_plural and entry.msgid_plural != entry.msgid:
            for form in (1, 2):  # n == 1, n == 2: واحد / the dual, never "(1)"
                assert "%" not in entry.msgstr_plural[form], (entry.msgid, form)


@pytest.mark.django_db
def test_the_status_page_names_the_source_language(admin_client):
    admin_client.cookies["django_language"] = "ar"
    page = admin_client.get(
        reverse("admin:translations_languagerights_changelist"), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert "لغة المصدر هي العربية" in page


# --- history ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_term_keeps_its_history_an_editor_reverts_it_and_a_translator_only_looks(
    admin_client, tmp_path
):
    term = Term.objects.get(key="red-notice")
    change = reverse("admin:glossary_term_change", args=[term.pk]) + "?language=fr"
    save(admin_client, change, term="notice rouge (1)")
    first = Version.objects.get_for_object(term).first()
    save(admin_client, change, term="notice rouge (2)")
    second = Version.objects.get_for_object(term).first()
    assert admin_client.get(history_url(term)).status_code == 200
    compare = reverse("admin:glossary_term_compare", args=[term.pk])
    shown = admin_client.get(f"{compare}?old={first.pk}&new={second.pk}").content.decode()
    # The French term's change, word by word (the glossary is outside the content registry).
    assert "Nothing changed between these two versions" not in shown
    assert re.search(r"French.*Approved term.*notice rouge", shown, re.S), shown

    # A translator sees the history and the old version, and may not revert (it rewrites every
    # language and the shared fields).
    translator = logged_in(member("amelie", "Translators", "translate_fr"))
    assert translator.get(history_url(term)).status_code == 200
    response = translator.get(revision_url(term, first, "fr"))
    assert response.status_code == 200
    assert translator.post(revision_url(term, first, "fr"), form_data(response)).status_code == 403
    assert Term.objects.language("fr").get(pk=term.pk).term == "notice rouge (2)"

    # An editor reverts: the French comes back, the other languages as they were.
    arabic = Term.objects.language("ar").get(pk=term.pk).term
    response = admin_client.get(revision_url(term, first, "fr"))
    assert (
        admin_client.post(revision_url(term, first, "fr"), form_data(response)).status_code == 302
    )
    assert Term.objects.language("fr").get(pk=term.pk).term == "notice rouge (1)"
    assert Term.objects.language("ar").get(pk=term.pk).term == arabic

    # An import is one revision named after its file.
    path = tmp_path / "glossary.csv"
    path.write_bytes(write_csv(read_terms()).replace(b"notice rouge (1)", b"notice rouge"))
    call_command("import_glossary", str(path), stdout=io.StringIO())
    latest = Version.objects.get_for_object(term).first()
    assert latest.revision.comment == "Imported from glossary.csv"
    assert Term.objects.language("fr").get(pk=term.pk).term == "notice rouge"
