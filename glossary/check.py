"""The glossary check: a translation whose source holds a term must hold that term's approved
translation (or an accepted variant), and must hold none of its forbidden variants.

Matching is on normalised text: case folded, Arabic diacritics and tatweel removed, hamza on
alif, alif maqsura and taa marbuta unified, apostrophes and spaces made plain; whole words only
(a hyphen is part of a word: "EU" is not in "eu-LISA"); an Arabic form matches with the article
and the prefixes و ف ب ك ل (``لل`` for ``ل`` + ``ال``). Each text is scanned once with every
form of every term, longest first, so a term inside a longer one is that longer term's: the
"services répressifs" of Europol's official French name is no forbidden variant, and "law
enforcement" inside "European Union Agency for Law Enforcement Cooperation" asks for Europol's
name, not for the term alone.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags

from glossary.models import Term
from translations.exchange import iter_units
from translations.status import source_language as content_source_language

ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
LATIN_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})
#: Conjunction, then a preposition with or without the article, or the article alone.
ARABIC_PREFIXES = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
ARTICLE = "ال"
WORD_BEFORE = r"(?<![\w-])"
WORD_AFTER = r"(?![\w-])"


def normalise(text):
    text = unicodedata.normalize("NFC", text or "")
    text = ARABIC_MARKS.sub("", text).translate(ARABIC_LETTERS).translate(LATIN_MARKS)
    return re.sub(r"\s+", " ", text).casefold().strip()


def plain_text(text):
    """What a reader reads: rich text without its tags and entities."""
    if "<" in (text or ""):
        text = html.unescape(strip_tags(text.replace("<", " <")))
    return text or ""


def _is_arabic(language):
    return language == "ar"


def _stem(form, language):
    """The form as matched: normalised, and for Arabic without its article (any prefix,
    the article included, is matched in front of it)."""
    form = normalise(form)
    if _is_arabic(language) and form.startswith(ARTICLE) and len(form) > len(ARTICLE) + 1:
        form = form[len(ARTICLE) :]
    return form


@dataclass(frozen=True)
class Entry:
    """A term as the check reads it: its forms and forbidden forms per language."""

    key: str
    forms: dict  # language: [approved term, *accepted variants]
    forbidden: dict  # language: [forbidden forms]

    def label(self, language):
        return (self.forms.get(language) or self.forms.get("en") or [self.key])[0]


def entries_from_database():
    languages = set()
    terms = list(Term.objects.prefetch_related("translations"))
    for term in terms:
        languages |= {translation.language_code for translation in term.translations.all()}
    return [
        Entry(
            term.key,
            {code: term.forms(code) for code in languages if term.forms(code)},
            {code: term.forbidden_forms(code) for code in languages if term.forbidden_forms(code)},
        )
        for term in terms
    ]


@dataclass(frozen=True)
class Finding:
    where: str  # the entry: a content context or a catalogue's msgctxt/msgid
    term: str  # the term in the source language, as the glossary writes it
    found: str  # what the source or target holds
    expected: tuple  # the target forms, the approved one first
    forbidden: bool = False  # the target holds a forbidden variant

    def __str__(self):
        wanted = " / ".join(f"«{form}»" for form in self.expected)
        if self.forbidden:
            return f"{self.where}: «{self.found}» is a forbidden variant of «{self.term}»: use {wanted}"
        found = f"«{self.found}»" + (f" ({self.term})" if self.found != self.term else "")
        return f"{self.where}: the source has {found}; the translation lacks {wanted}"


class Scanner:
    """Every form of every term in one language, as one pattern, longest form first."""

    def __init__(self, language, stems):
        #: normalised stem: [(entry, kind, the form as the glossary writes it)], kind "form"
        #: or "forbidden"
        self.stems = stems
        self.language = language
        alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
        prefix = ARABIC_PREFIXES if _is_arabic(language) else ""
        self.pattern = (
            re.compile(f"{WORD_BEFORE}{prefix}(?P<form>{alternatives}){WORD_AFTER}")
            if stems
            else None
        )

    def matches(self, text):
        """(stem, span in the normalised text) of each occurrence, left to right."""
        if self.pattern is None:
            return []
        return [(m.group("form"), m.span()) for m in self.pattern.finditer(normalise(text))]


class Glossary:
    """The check over a list of ``Entry`` (by default the database's)."""

    def __init__(self, entries=None):
        self.entries = entries if entries is not None else entries_from_database()
        self._scanners = {}
        self._target_patterns = {}

    def scanner(self, language, forbidden=True):
        key = (language, forbidden)
        if key not in self._scanners:
            stems = {}
            for entry in self.entries:
                for form in entry.forms.get(language, []):
                    stems.setdefault(_stem(form, language), []).append((entry, "form", form))
                for form in entry.forbidden.get(language, []) if forbidden else []:
                    stem = _stem(form, language)
                    if not any(kind == "form" for _e, kind, _f in stems.get(stem, [])):
                        stems.setdefault(stem, []).append((entry, "forbidden", form))
            self._scanners[key] = Scanner(language, stems)
        return self._scanners[key]

    def _has_form(self, entry, language, text):
        key = (entry.key, language)
        if key not in self._target_patterns:
            self._target_patterns[key] = Scanner(
                language,
                {_stem(form, language): [(entry, "form", form)] for form in entry.forms[language]},
            )
        return bool(self._target_patterns[key].matches(text))

    def check(self, where, source, source_language, target, target_language):
        """The findings for one translation: ``target`` (in ``target_language``) of ``source``."""
        if not target or source_language == target_language:
            return []
        source, target = plain_text(source), plain_text(target)
        findings = []
        seen = set()
        for stem, _span in self.scanner(source_language, forbidden=False).matches(source):
            for entry, _kind, form in self.scanner(source_language, forbidden=False).stems[stem]:
                wanted = entry.forms.get(target_language)
                if not wanted or entry.key in seen:
                    continue
                seen.add(entry.key)
                if not self._has_form(entry, target_language, target):
                    findings.append(
                        Finding(where, entry.label(source_language), form, tuple(wanted))
                    )
        for stem, _span in self.scanner(target_language).matches(target):
            for entry, kind, form in self.scanner(target_language).stems[stem]:
                if kind == "forbidden":
                    findings.append(
                        Finding(
                            where,
                            entry.label(source_language),
                            form,
                            tuple(entry.forms.get(target_language, ())),
                            forbidden=True,
                        )
                    )
        return findings

    # --- what the check reads ---

    def check_catalogue(self, catalogue, language, source_language="en"):
        """A ``polib.POFile`` of the interface in ``language`` (msgids in ``source_language``)."""
        findings = []
        for item in catalogue:
            if item.obsolete or not (item.msgstr or item.msgstr_plural):
                continue
            source = " ".join(filter(None, [item.msgid, item.msgid_plural]))
            target = item.msgstr or " ".join(
                item.msgstr_plural[i] for i in sorted(item.msgstr_plural)
            )
            where = f"{item.msgctxt}: {item.msgid}" if item.msgctxt else item.msgid
            findings += self.check(where[:80], source, source_language, target, language)
        return findings

    def check_content(self, language):
        """The content's translations into ``language`` (source: the content's source language)."""
        findings = []
        for unit in iter_units(language):
            if unit.field == "slug":
                continue  # an address, not text
            findings += self.check(
                unit.context, unit.source, content_source_language(), unit.translation, language
            )
        return findings
