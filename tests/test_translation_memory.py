"""The translation memory: every confirmed (source, translation) pair per language pair, found
again by an indexed lookup with a rapidfuzz score, and offered in three places: the content's
PO export, the admin's language tabs and the interface catalogues' pre-translation."""

import shutil

import polib
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from content.languages import source_language
from content.models import PublicationStatus
from projects.models import Project
from translationmemory.catalogues import pretranslate
from translationmemory.lookup import best_match, best_matches
from translationmemory.models import MemoryEntry, MemoryFrequentKey, MemoryKey
from translationmemory.store import Pair, catalogue_pairs, rebuild, remember
from translationmemory.text import KEYS_PER_TEXT, keys

pytestmark = pytest.mark.django_db

SUMMARY_FR = "Un résumé en français du projet."


def one_word_edited(text):
    """``text`` with its last long word replaced."""
    words = text.split(" ")
    position = max(i for i, word in enumerate(words) if len(word) > 3)
    words[position] = "تجريبية"
    return " ".join(words)


@pytest.fixture
def memory():
    """The memory rebuilt from the seed (a test's transaction never commits, so the
    confirmations the seed made are the only ones recorded on their own)."""
    rebuild()


def arabic_only_project(key, summary, name="مشروع جديد للاختبار"):
    project = Project(key=key, code=key.upper(), status=PublicationStatus.PUBLISHED)
    project.set_current_language(source_language())
    project.name, project.slug, project.summary = name, key, summary
    project.save()
    return project


# --- the store and the lookup -----------------------------------------------------------------


def test_an_exact_match_scores_100_and_a_near_one_less_with_its_origin():
    remember(
        [
            Pair(
                "ar", "fr", "تعزيز التعاون الشرطي الدولي", "Renforcer la coopération", "x:a:title"
            ),
            Pair(
                "ar", "fr", "تعزيز التعاون الشرطي", "Renforcer la coopération policière", "x:b:t"
            ),
        ]
    )
    exact = best_match("تعزيز التعاون الشرطي الدولي", "ar", "fr")
    assert (exact.score, exact.translation, exact.origin) == (
        100,
        "Renforcer la coopération",
        "x:a:title",
    )
    near = best_matches(["تعزيز التعاون الشرطي الدولية"], "ar", "fr", limit=3)
    scores = [match.score for match in near["تعزيز التعاون الشرطي الدولية"]]
    assert scores == sorted(scores, reverse=True) and 75 <= scores[0] < 100


def test_nothing_comes_from_another_language_pair():
    remember([Pair("ar", "es", "جملة لا توجد إلا بالإسبانية", "Solo en español", "x:c:title")])
    assert best_match("جملة لا توجد إلا بالإسبانية", "ar", "fr") is None
    assert best_match("جملة لا توجد إلا بالإسبانية", "en", "es") is None
    assert best_match("جملة لا توجد إلا بالإسبانية", "ar", "es").score == 100


def test_a_match_below_the_threshold_is_not_offered():
    remember([Pair("ar", "fr", "نص مختلف تماما عن غيره", "Un texte tout autre", "x:d:title")])
    assert best_match("مشروع لدعم الحدود في الساحل", "ar", "fr") is None


def test_a_confirmed_translation_is_remembered_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    project = arabic_only_project("tm-commit", "ملخص مشروع لتجربة الذاكرة")
    with django_capture_on_commit_callbacks(execute=True):
        project.set_current_language("fr")
        project.name, project.slug, project.summary = "Nouveau", "tm-commit", "Résumé confirmé"
        project.save()
    stored = MemoryEntry.objects.get(origin="projects.project:tm-commit:summary")
    assert (stored.source_text, stored.target_text) == (
        "ملخص مشروع لتجربة الذاكرة",
        "Résumé confirmé",
    )
    assert stored.target_language == "fr"


def test_the_rebuild_holds_the_content_and_the_interface_catalogues(memory):
    assert MemoryEntry.objects.filter(origin__startswith="projects.project:wapis:").exists()
    assert MemoryEntry.objects.filter(origin__startswith="flatpages.flatpage:").exists()
    catalogue = MemoryEntry.objects.filter(origin="catalogue:django", target_language="fr")
    assert catalogue.filter(source_language="en").count() > 100
    assert MemoryEntry.objects.filter(source_language="en", target_language="ar").exists()
    # The content's source language is never a target of its own.
    assert not MemoryEntry.objects.filter(source_language="ar", target_language="ar").exists()


# --- the key index -------------------------------------------------------------------------

LONG = (
    "يهدف المشروع إلى تعزيز قدرات أجهزة الشرطة في دول الساحل على تبادل المعلومات الجنائية "
    "عبر منظومة الاتصالات العالمية للإنتربول وقواعد بياناته وتدريب الضباط على استخدامها"
)


def test_a_one_word_edit_shares_most_keys_and_another_pair_or_sentence_none():
    original = keys(LONG, "ar", "fr")
    assert len(original) == KEYS_PER_TEXT
    assert len(set(original) & set(keys(one_word_edited(LONG), "ar", "fr"))) >= KEYS_PER_TEXT // 2
    assert not set(original) & set(keys(LONG, "ar", "es"))
    assert not set(original) & set(keys("نص مختلف تماما عن غيره في كل كلماته", "ar", "fr"))
    # Markup and case do not count; a very short text is keyed by its character trigrams.
    assert keys("<b>Save</b> changes", "en", "fr") == keys("save changes", "en", "fr")
    assert set(keys("Save", "en", "fr")) & set(keys("Saved", "en", "fr"))
    assert keys("…", "en", "fr") == []


def test_a_frequent_key_is_skipped_and_a_near_match_still_found(monkeypatch):
    monkeypatch.setattr("translationmemory.store.FREQUENT_KEY", 3)
    # Five sentences sharing their first two words: the keys of those become frequent, and
    # the lookup finds a near match by what is left (its last word's trigrams).
    sentences = [
        f"تعزيز التعاون {word}" for word in ["الشرطي", "القضائي", "الجمركي", "الحدودي", "الإقليمي"]
    ]
    remember(
        Pair("ar", "fr", text, f"Coopération {number}", f"x:{number}:t")
        for number, text in enumerate(sentences)
    )
    common = set.intersection(*(set(keys(text, "ar", "fr")) for text in sentences))
    assert common and common <= set(MemoryFrequentKey.objects.values_list("key", flat=True))
    match = best_match("تعزيز التعاون الجمركية", "ar", "fr")
    assert (match.translation, match.origin) == ("Coopération 2", "x:2:t")


def test_the_rebuild_indexes_every_entry_again_and_counts_the_frequent_keys_again(memory):
    MemoryEntry.objects.create(
        source_language="ar",
        target_language="fr",
        source_hash="loaded-in-bulk",
        source_text=LONG,
        target_text="Renforcer les polices du Sahel.",
        origin="x:bulk:summary",
    )
    MemoryFrequentKey.objects.create(key=1)  # no longer frequent: forgotten
    assert best_match(one_word_edited(LONG), "ar", "fr") is None
    rebuild()
    assert MemoryKey.objects.filter(entry__origin="x:bulk:summary").count() == KEYS_PER_TEXT
    assert best_match(one_word_edited(LONG), "ar", "fr").origin == "x:bulk:summary"
    assert not MemoryFrequentKey.objects.filter(key=1).exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_indexes_the_entries_already_stored():
    from django.db.migrations.executor import MigrationExecutor

    before = [("translationmemory", "0002_trigram_index")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("translationmemory", "MemoryEntry")
    old.objects.create(
        source_language="ar",
        target_language="fr",
        source_hash="stored-before",
        source_text=LONG,
        target_text="Renforcer les polices du Sahel.",
        origin="x:old:summary",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert best_match(one_word_edited(LONG), "ar", "fr").origin == "x:old:summary"


# --- use 1: the content's PO export -----------------------------------------------------------


def test_a_one_word_edit_of_a_summary_reuses_its_translation_fuzzy_in_the_export(memory, tmp_path):
    wapis = Project.objects.get(key="wapis")
    arabic = wapis.safe_translation_getter("summary", language_code="ar")
    french = wapis.safe_translation_getter("summary", language_code="fr")
    arabic_only_project("tm-edited", one_word_edited(arabic))
    path = tmp_path / "fr.po"
    call_command(
        "export_content", "fr", "--missing", "-o", str(path), stdout=open("/dev/null", "w")
    )
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if e.msgctxt == "projects.project:tm-edited:summary")
    assert entry.msgstr == french
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == arabic
    score = best_match(one_word_edited(arabic), "ar", "fr").score
    assert 90 <= score < 100
    assert f"Translation memory: {score}% match, from projects.project:wapis:summary" in (
        entry.comment
    )
    # Nothing of another language in it; an entry without a match stays empty.
    name = next(e for e in catalogue if e.msgctxt == "projects.project:tm-edited:name")
    assert name.msgstr == "" and "fuzzy" not in name.flags


def test_an_xliff_export_offers_the_memory_match_for_review(memory, tmp_path):
    from lxml import etree

    wapis = Project.objects.get(key="wapis")
    arabic = wapis.safe_translation_getter("summary", language_code="ar")
    french = wapis.safe_translation_getter("summary", language_code="fr")
    arabic_only_project("tm-xliff", one_word_edited(arabic))
    path = tmp_path / "fr.xlf"
    call_command(
        "export_content", "fr", "--missing", "--format", "xliff", "-o", str(path),
        stdout=open("/dev/null", "w"),
    )  # fmt: skip
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    unit = etree.parse(str(path)).find(
        ".//x:trans-unit[@resname='projects.project:tm-xliff:summary']", ns
    )
    target = unit.find("x:target", ns)
    assert (target.text, target.get("state")) == (french, "needs-review-translation")
    score = best_match(one_word_edited(arabic), "ar", "fr").score
    offered = [
        alt for alt in unit.findall("x:alt-trans", ns) if alt.get("match-quality") == str(score)
    ]
    assert offered and offered[0].get("origin") == "projects.project:wapis:summary"
    assert any(f"{score}% match" in (note.text or "") for note in unit.findall("x:note", ns))


# --- use 3: the interface catalogues ----------------------------------------------------------


def test_pretranslate_fills_an_untranslated_entry_fuzzy_with_the_score(memory, tmp_path, settings):
    locale = tmp_path / "locale"
    shutil.copytree(settings.LOCALE_PATHS[0], locale)
    settings.LOCALE_PATHS = [locale]
    path = locale / "fr" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    known = next(
        e for e in catalogue.translated_entries() if len(e.msgid) > 30 and not e.msgid_plural
    )
    catalogue.append(polib.POEntry(msgid=known.msgid + "!", msgstr=""))
    catalogue.save(str(path))
    assert pretranslate("fr") == 1
    filled = polib.pofile(str(path)).find(known.msgid + "!")
    assert filled.msgstr == known.msgstr and "fuzzy" in filled.flags
    assert "Translation memory: 9" in filled.comment and "from catalogue:django" in filled.comment
    call_command("pretranslate_catalogues", "--language", "fr", stdout=open("/dev/null", "w"))
    assert polib.pofile(str(path)).find(known.msgid + "!").msgstr == known.msgstr


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_pretranslate_fills_a_plural_entry_with_every_form_of_a_plural_like_it(
    tmp_path, settings, language
):
    locale = tmp_path / "locale"
    shutil.copytree(settings.LOCALE_PATHS[0], locale)
    settings.LOCALE_PATHS = [locale]
    rebuild()  # the copy's catalogues, plural entries included
    path = locale / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    known = catalogue.find("%(count)d item published.")
    forms = len(known.msgstr_plural)
    assert forms == (6 if language == "ar" else 2)
    catalogue.append(
        polib.POEntry(
            msgid="%(count)d item published again.",
            msgid_plural="%(count)d items published again.",
            msgstr_plural=dict.fromkeys(range(forms), ""),
            flags=["python-format"],
        )
    )
    # A sentence that reads like one form: never given the forms of a plural.
    catalogue.append(polib.POEntry(msgid="%(count)d items published again.", msgstr=""))
    catalogue.save(str(path))

    assert pretranslate(language) == 1
    saved = polib.pofile(str(path))
    filled = saved.find("%(count)d item published again.")
    assert filled.msgstr_plural == known.msgstr_plural and "fuzzy" in filled.flags
    assert "Translation memory: 9" in filled.comment
    assert filled.previous_msgid == known.msgid
    assert filled.previous_msgid_plural == known.msgid_plural
    assert saved.find("%(count)d items published again.").msgstr == ""


def test_a_plural_pair_is_kept_only_with_all_its_forms(tmp_path, settings):
    locale = tmp_path / "locale"
    shutil.copytree(settings.LOCALE_PATHS[0], locale)
    settings.LOCALE_PATHS = [locale]
    path = locale / "fr" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    catalogue.find("%(count)d item published.").msgstr_plural[1] = ""
    catalogue.save(str(path))
    pairs = {pair.source: pair.translation for pair in catalogue_pairs("fr")}
    assert "%(count)d item published.\n\u241e\n%(count)d items published." not in pairs
    assert pairs["%(count)d item unpublished.\n\u241e\n%(count)d items unpublished."] == (
        "%(count)d élément dépublié.\n\u241e\n%(count)d éléments dépubliés."
    )


# --- use 2: the admin's language tab ----------------------------------------------------------


def test_the_language_tab_offers_the_best_matches_beside_a_field_needing_work(
    memory, admin_client
):
    wapis = Project.objects.get(key="wapis")
    arabic = wapis.safe_translation_getter("summary", language_code="ar")
    french = wapis.safe_translation_getter("summary", language_code="fr")
    project = arabic_only_project("tm-admin", one_word_edited(arabic))
    response = admin_client.get(project.get_admin_url("fr"))
    html = response.content.decode()
    score = best_match(one_word_edited(arabic), "ar", "fr").score
    assert f"{score}% match" in html
    assert "projects.project:wapis:summary" in html
    assert 'data-target="id_summary"' in html and "Use this" in html
    assert escape(french) in html
    assert "js/translation-memory.js" in html
    # The up-to-date source tab offers nothing.
    assert (
        "memory-suggestions" not in admin_client.get(project.get_admin_url("ar")).content.decode()
    )


def test_the_suggestions_cost_the_same_queries_for_one_field_or_many_and_any_memory_size(
    memory, admin_client, django_assert_max_num_queries
):
    wapis = Project.objects.get(key="wapis")
    arabic = {
        name: wapis.safe_translation_getter(name, language_code="ar")
        for name in ("name", "summary", "region")
    }
    one = arabic_only_project("tm-one", one_word_edited(arabic["summary"]))
    url = one.get_admin_url("fr")
    admin_client.get(url)  # warm the content types, the session, the permissions
    with CaptureQueriesContext(connection) as baseline:
        admin_client.get(url)
    many = arabic_only_project("tm-many", one_word_edited(arabic["summary"]), name=arabic["name"])
    remember(
        Pair("ar", "fr", f"{arabic['summary']} {number}", f"Résumé {number}", f"x:{number}:s")
        for number in range(200)
    )
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = admin_client.get(many.get_admin_url("fr"))
    assert response.content.decode().count('class="button memory-use"') >= 4
