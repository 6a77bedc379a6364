"""The checks that keep the UI catalogues honest (run by tests/test_catalogues.py): gettext's and
translate-toolkit's tools, Django's own loading, and by hand only what no tool checks
(``docs/architecture.md``, "Interface catalogues")."""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5;",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}

#: translate-toolkit's tests run on every translated entry (``pofilter -t …``).
POFILTER_TESTS = ["untranslated", "printf", "pythonbraceformat", "xmltags"]


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def _label(unit):
    context = f"[{unit.getcontext()}] " if unit.getcontext() else ""
    source = unit.source.strings[0] if unit.hasplural() else unit.source
    return f"{context}{str(source)!r}"


def _units(store):
    return [unit for unit in store.units if not unit.isheader() and not unit.isobsolete()]


def check_catalogue(po_path, language=None):
    """Every problem of one ``.po`` file, from msgfmt, translate-toolkit and our own rules."""
    from translate.storage import factory

    po_path = Path(po_path)
    language = language or po_path.parent.parent.name
    problems = msgfmt_problems(po_path)
    if any("fatal error" in problem.message for problem in problems):
        return problems  # the other checks cannot read a file that msgfmt refuses
    store = factory.getobject(str(po_path))
    problems += plural_forms_problems(po_path, store, language)
    problems += pofilter_problems(po_path, store, language)
    if language == "fr":
        for unit in _units(store):
            texts = unit.target.strings if unit.hasplural() else [unit.target]
            for text in texts:
                for message in french_typography_problems(str(text or "")):
                    problems.append(Problem(f"{po_path}: {_label(unit)}", message))
    return problems


# --- gettext: msgfmt --check ------------------------------------------------------------------


def msgfmt_problems(po_path):
    """What ``msgfmt --check`` says about ``po_path``: errors and warnings alike, as problems."""
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file", os.devnull, str(po_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    lines = []
    for line in result.stderr.splitlines():
        if line[:1].isspace() and lines:  # msgfmt's advice goes on indented lines
            lines[-1] += " " + line.strip()
        elif line.strip():
            lines.append(line.strip())
    if result.returncode and not lines:
        lines = [f"msgfmt failed with status {result.returncode}"]
    return [Problem(str(po_path), line) for line in lines]


# --- translate-toolkit: pofilter's checks -----------------------------------------------------


def _checker(language, tests):
    from translate.filters import checks

    return checks.StandardChecker(
        checkerconfig=checks.CheckerConfig(targetlanguage=language), limitfilters=tests
    )


def pofilter_problems(po_path, store, language):
    """Fuzzy entries, and what translate-toolkit's tests find in the others.

    Plural entries skip the printf test: it wants every form to repeat the msgid's placeholders,
    where msgfmt (above) knows that a form used for one number only may leave it out.
    """
    checker = _checker(language, POFILTER_TESTS)
    plural_checker = _checker(language, [test for test in POFILTER_TESTS if test != "printf"])
    problems = []
    for unit in _units(store):
        where = f"{po_path}: {_label(unit)}"
        if unit.isfuzzy():
            problems.append(Problem(where, "fuzzy (needs review)"))
            continue
        found = (plural_checker if unit.hasplural() else checker).run_filters(unit)
        for test, failure in sorted(found.items()):
            message = failure["message"] if isinstance(failure, dict) else failure
            problems.append(Problem(where, f"{test}: {message}"))
    return problems


def placeholder_problem(msgid, msgstr):
    """A sentence saying how ``msgstr`` breaks the placeholders of ``msgid``, or None
    (translate-toolkit's printf and brace tests). The content PO import uses it; its rich text
    may change its markup, which the sanitiser judges."""
    from translate.storage.pypo import pounit

    unit = pounit(msgid)
    unit.target = msgstr
    found = _checker("", ["printf", "pythonbraceformat"]).run_filters(unit)
    if not found:
        return None
    messages = [
        failure["message"] if isinstance(failure, dict) else str(failure)
        for _test, failure in sorted(found.items())
    ]
    return f"placeholders differ: {'; '.join(messages)}"


# --- our own rules ----------------------------------------------------------------------------


def _normalise(plural_forms):
    return re.sub(r"\s+", "", plural_forms).rstrip(";")


def plural_forms_problems(po_path, store, language):
    """The Plural-Forms header must be the language's: msgfmt accepts any well-formed rule,
    and an Arabic catalogue with the English one shows "1 projects" for 3."""
    header = store.parseheader()
    plural_forms = header.get("Plural-Forms", "").strip()
    expected = PLURAL_FORMS.get(language)
    problems = []
    if expected and _normalise(plural_forms) != _normalise(expected):
        problems.append(
            Problem(
                str(po_path), f"Plural-Forms is {plural_forms!r}; {language} needs {expected!r}"
            )
        )
    if header.get("Language", language) != language:
        problems.append(
            Problem(str(po_path), f"Language is {header['Language']!r}, not {language!r}")
        )
    return problems


NARROW_NBSP = "\u202f"
_TAG = re.compile(r"<[^>]*>")
_PLACEHOLDER = re.compile(r"%\(\w+\)[#0\- +]*\d*(?:\.\d+)?[sdifr]|\{\w*\}")
_SPACE_BEFORE = re.compile(r"([ \u00a0\t\n])([;:!?])")
_NONE_BEFORE = re.compile(r"[^\s\u202f\u00a0;:!?]([;:!?])(?=\s|$)")
_GUILLEMETS = re.compile(r"«(?!\u202f)|(?<!\u202f)»")


def french_typography_problems(text):
    """French typography that no checker knows: a narrow no-break space (U+202F) before
    ``; : ! ?`` and inside ``« »``, and the typographic apostrophe (’) throughout.

    Tags and placeholders are left out (an ``href`` holds ``:`` and straight quotes); a ``:``
    or ``?`` followed by a letter is part of an address or a time, not punctuation."""
    text = _PLACEHOLDER.sub("x", _TAG.sub("", text))
    problems = []
    for match in _SPACE_BEFORE.finditer(text):
        name = "a no-break space (U+00A0)" if match.group(1) == "\u00a0" else "a space"
        problems.append(
            f"{name} before {match.group(2)!r}: French wants a narrow no-break space (U+202F)"
        )
    for match in _NONE_BEFORE.finditer(text):
        problems.append(
            f"no space before {match.group(1)!r}: French wants a narrow no-break space (U+202F)"
        )
    if _GUILLEMETS.search(text):
        problems.append("« » need a narrow no-break space (U+202F) inside")
    if "'" in text:
        problems.append("straight apostrophe ('): French text uses ’")
    return problems


# --- Django: the catalogue it serves ----------------------------------------------------------


def served_problems(po_path, language=None):
    """Each translated entry of ``po_path`` as Django serves it in ``language``: a catalogue that
    was not compiled, was compiled from another text, or is hidden by another one fails here.

    ``po_path`` must be under one of ``settings.LOCALE_PATHS``."""
    from django.utils import translation
    from django.utils.translation import trans_real
    from translate.storage import factory

    po_path = Path(po_path)
    language = language or po_path.parent.parent.name
    if not po_path.with_suffix(".mo").exists():
        return [
            Problem(
                str(po_path.with_suffix(".mo")),
                "missing: compile the catalogues (manage.py compilemessages)",
            )
        ]
    catalogue = trans_real.translation(language)
    numbers = {}  # plural form index -> a number that selects it
    for n in range(200):
        numbers.setdefault(catalogue.plural(n), n)
    problems = []
    with translation.override(language):
        for unit in _units(factory.getobject(str(po_path))):
            if unit.isfuzzy() or not unit.istranslated():
                continue
            context = unit.getcontext()
            if unit.hasplural():
                singular, plural = (str(text) for text in unit.source.strings[:2])
                pairs = [
                    (
                        translation.npgettext(context, singular, plural, numbers[index])
                        if context
                        else translation.ngettext(singular, plural, numbers[index]),
                        str(text),
                    )
                    for index, text in enumerate(unit.target.strings)
                    if index in numbers
                ]
            else:
                served = (
                    translation.pgettext(context, unit.source)
                    if context
                    else translation.gettext(unit.source)
                )
                pairs = [(served, str(unit.target))]
            for served, expected in pairs:
                if served != expected:
                    problems.append(
                        Problem(
                            f"{po_path}: {_label(unit)}",
                            f"Django serves {served!r}, not {expected!r}: compile the "
                            "catalogues again (manage.py compilemessages)",
                        )
                    )
    return problems


# --- strings marked in the code but absent from a catalogue ------------------------------------


def extract_messages(source_root, work_dir, ignore=(), domain="django"):
    """The strings that Django's ``makemessages`` finds under ``source_root`` for ``domain``
    (``djangojs``: the scripts), as a set of (context, msgid), without touching the project's
    catalogues.

    makemessages writes next to the first ``locale/`` it finds, so it runs in ``work_dir``, which
    links to the sources, with ``LOCALE_PATHS`` emptied."""
    from django.core.management import call_command
    from django.test import override_settings
    from translate.storage import factory

    source_root, work_dir = Path(source_root).resolve(), Path(work_dir)
    (work_dir / "locale").mkdir(parents=True, exist_ok=True)
    for entry in source_root.iterdir():
        if entry.name not in ignore and entry.name != "locale" and not entry.name.startswith("."):
            (work_dir / entry.name).symlink_to(entry)
    previous = Path.cwd()
    os.chdir(work_dir)
    try:
        with override_settings(LOCALE_PATHS=[]):
            call_command(
                "makemessages",
                exclude=["_"],  # with no language to write, makemessages only builds the .pot
                domain=domain,
                keep_pot=True,
                symlinks=True,
                ignore_patterns=list(ignore),
                verbosity=0,
            )
    finally:
        os.chdir(previous)
    pot = work_dir / "locale" / f"{domain}.pot"
    if not pot.exists():
        return set()
    return {_key(unit) for unit in _units(factory.getobject(str(pot)))}


def _key(unit):
    source = unit.source.strings[0] if unit.hasplural() else unit.source
    return (unit.getcontext() or "", str(source))


def strings_missing_from(po_path, marked):
    """The ``marked`` (context, msgid) pairs that ``po_path`` has no entry for."""
    from translate.storage import factory

    present = {_key(unit) for unit in _units(factory.getobject(str(po_path)))}
    return [
        Problem(str(po_path), f"no entry for {msgid!r}" + (f" (context {ctx!r})" if ctx else ""))
        for ctx, msgid in sorted(marked - present)
    ]


# --- templates ---------------------------------------------------------------------------------

# Text the heuristic leaves alone: markup, template syntax and the parts of a page that are not
# prose (scripts, styles, comments, and blocks already marked for translation).
_IGNORED = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S),
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
    re.compile(r"<!--.*?-->", re.S),
    # A block holding one lower-case token is data for an attribute ({% block og_type %}article).
    re.compile(r"{%\s*block\s+\w+\s*%}[a-z0-9_:.\-]+{%\s*endblock\b[^%]*%}"),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
]
_USER_FACING_ATTRIBUTES = re.compile(
    r"""\s(alt|title|placeholder|aria-label|aria-description|content)\s*=\s*(["'])(.*?)\2""",
    re.S | re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# A <meta content="…"> is prose only for these names; others are data (viewport, robots…).
_PROSE_META = re.compile(
    r"""<meta\b[^>]*(name|property)=["'](description|og:title|og:description)""", re.I
)


def untranslated_template_text(source):
    """User-facing text in a template's ``source`` that is not marked for translation, as a list
    of (line number, text). A heuristic: words between tags or in alt/title/placeholder/aria
    attributes that do not come from a variable or a translation tag. A line ending in
    ``{# notranslate #}`` is left alone (brand names, language autonyms)."""
    found = []
    for number, line in enumerate(_blank_ignored(source).splitlines(), start=1):
        for match in _USER_FACING_ATTRIBUTES.finditer(line):
            name, value = match.group(1).lower(), match.group(3)
            if name == "content" and not _PROSE_META.search(line):
                continue
            if _WORD.search(value):
                found.append((number, value.strip()))
        text = re.sub(r"<[^>]*>", " ", line)
        text = re.sub(r"&[a-zA-Z]+;|&#\d+;", " ", text)
        if _WORD.search(text):
            found.append((number, " ".join(text.split())))
    return found


def _blank_ignored(source):
    """``source`` with every ignored part replaced by blanks (keeping the line numbers)."""
    source = "\n".join(
        "" if line.rstrip().endswith("{# notranslate #}") else line for line in source.splitlines()
    )
    for pattern in _IGNORED:
        source = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), source)
    return source


def check_templates(directories):
    problems = []
    for directory in directories:
        for path in sorted(Path(directory).rglob("*.html")):
            for number, text in untranslated_template_text(path.read_text(encoding="utf-8")):
                problems.append(
                    Problem(f"{path}:{number}", f"text not marked for translation: {text!r}")
                )
    return problems
