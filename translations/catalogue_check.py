"""The check that keeps the UI catalogues honest (run by tests/test_catalogues.py).

A catalogue fails when a msgid is untranslated or fuzzy, when msgid and msgstr disagree on their
placeholders (``%(name)s``, ``{name}``, ``%s``/``%d``) or HTML tags, when its Plural-Forms header
is not the language's, or when its compiled ``.mo`` is missing, older than the ``.po`` or says
something else. Templates fail when they hold user-facing text outside the translation tags.
"""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5;",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}

NAMED = re.compile(r"%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[sdifr]")
POSITIONAL = re.compile(r"%(?!\()[#0\- +]*\d*(?:\.\d+)?([sdifr])")
BRACES = re.compile(r"(?<!\{)\{(\w*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def placeholders(text):
    """What a string interpolates: named, positional (in order) and brace placeholders."""
    without_escapes = text.replace("%%", "")
    return {
        "named": Counter(NAMED.findall(without_escapes)),
        "positional": POSITIONAL.findall(NAMED.sub("", without_escapes)),
        "braces": Counter(BRACES.findall(text)),
    }


def tags(text):
    return Counter((closing, name.lower()) for closing, name, _self in TAG.findall(text))


def placeholder_problem(msgid, msgstr, plural_of=None):
    """A sentence describing how ``msgstr`` breaks ``msgid``'s placeholders, or None.

    For a plural form (``plural_of`` = all the msgids of the entry), a translation may leave a
    named placeholder out ("one item" needs no number) but never invent one.
    """
    expected, found = placeholders(msgid), placeholders(msgstr)
    if plural_of:
        known = {name for text in plural_of for name in placeholders(text)["named"]}
        known_braces = {name for text in plural_of for name in placeholders(text)["braces"]}
        unknown = (set(found["named"]) - known) | (set(found["braces"]) - known_braces)
        if unknown:
            return f"unknown placeholder(s) {', '.join(sorted(unknown))}"
        if found["positional"] and found["positional"] != expected["positional"]:
            return "positional placeholders differ"
        return None
    if expected["named"] != found["named"]:
        return _difference("%(name)s placeholders", expected["named"], found["named"])
    if expected["braces"] != found["braces"]:
        return _difference("{name} placeholders", expected["braces"], found["braces"])
    if expected["positional"] != found["positional"]:
        return (
            f"positional placeholders differ: {''.join('%' + c for c in expected['positional'])}"
            f" in the msgid, {''.join('%' + c for c in found['positional']) or 'none'} in the msgstr"
        )
    return None


def _difference(kind, expected, found):
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    parts = []
    if missing:
        parts.append(f"missing {', '.join(missing)}")
    if extra:
        parts.append(f"unexpected {', '.join(extra)}")
    return f"{kind} differ ({'; '.join(parts)})"


def _render_tags(counter):
    return ", ".join(sorted(f"<{closing}{name}>" for (closing, name) in counter.elements()))


def tag_problem(msgid, msgstr):
    expected, found = tags(msgid), tags(msgstr)
    if expected == found:
        return None
    return f"HTML tags differ: {_render_tags(expected) or 'none'} in the msgid, {_render_tags(found) or 'none'} in the msgstr"


def _label(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def check_entry(entry):
    """The problems of one catalogue entry, as sentences."""
    problems = []
    if entry.obsolete:
        return problems
    if "fuzzy" in entry.flags:
        problems.append("fuzzy (needs review)")
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        if not forms or any(not forms[index] for index in forms):
            problems.append("untranslated plural form(s)")
        for index, text in sorted(forms.items()):
            if not text:
                continue
            found = placeholder_problem(
                entry.msgid_plural, text, plural_of=[entry.msgid, entry.msgid_plural]
            )
            if found:
                problems.append(f"msgstr[{index}]: {found}")
            tag_found = tag_problem(entry.msgid_plural, text)
            if tag_found:
                problems.append(f"msgstr[{index}]: {tag_found}")
    elif not entry.msgstr:
        problems.append("untranslated")
    else:
        for check in (placeholder_problem, tag_problem):
            found = check(entry.msgid, entry.msgstr)
            if found:
                problems.append(found)
    return problems


def check_catalogue(po_path, language=None):
    """Every problem of one ``.po`` file and its ``.mo``."""
    po_path = Path(po_path)
    where = str(po_path)
    language = language or po_path.parent.parent.name
    try:
        catalogue = polib.pofile(str(po_path), check_for_duplicates=True)
    except (OSError, ValueError) as error:
        return [Problem(where, f"cannot be read: {error}")]
    problems = []
    plural_forms = catalogue.metadata.get("Plural-Forms", "").strip()
    expected = PLURAL_FORMS.get(language)
    if expected and _normalise(plural_forms) != _normalise(expected):
        problems.append(
            Problem(where, f"Plural-Forms is {plural_forms!r}; {language} needs {expected!r}")
        )
    if catalogue.metadata.get("Language", language) != language:
        problems.append(
            Problem(where, f"Language is {catalogue.metadata['Language']!r}, not {language!r}")
        )
    for entry in catalogue:
        for message in check_entry(entry):
            problems.append(Problem(f"{where}: {_label(entry)}", message))
    problems.extend(check_compiled(po_path, catalogue))
    return problems


def _normalise(plural_forms):
    return re.sub(r"\s+", "", plural_forms).rstrip(";")


def _translations(entries):
    result = {}
    for entry in entries:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        key = (entry.msgctxt or "", entry.msgid)
        if entry.msgid_plural:
            forms = tuple(text for _index, text in sorted(entry.msgstr_plural.items()))
            if forms and all(forms):  # an incomplete entry is not compiled
                result[key] = forms
        elif entry.msgstr:
            result[key] = entry.msgstr
    return result


def check_compiled(po_path, catalogue=None):
    """The ``.mo`` next to ``po_path`` exists, is not older, and holds the same translations."""
    po_path = Path(po_path)
    mo_path = po_path.with_suffix(".mo")
    where = str(mo_path)
    if not mo_path.exists():
        return [Problem(where, "missing: compile the catalogues (manage.py compile_catalogues)")]
    if mo_path.stat().st_mtime < po_path.stat().st_mtime:
        return [Problem(where, "older than its .po: compile the catalogues again")]
    try:
        compiled = polib.mofile(str(mo_path))
    except (OSError, ValueError) as error:
        return [Problem(where, f"cannot be read: {error}")]
    catalogue = catalogue or polib.pofile(str(po_path))
    if _translations(compiled) != _translations(catalogue):
        return [Problem(where, "does not match its .po: compile the catalogues again")]
    return []


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


# --- strings marked in the code but absent from a catalogue ------------------------------------

_GETTEXT_ARGUMENTS = {
    # name: (index of the context, index of the msgid); None = no context
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}
_TEMPLATIZED_CALL = re.compile(r"\b(_|gettext|ngettext|pgettext|npgettext)\(")


def _msgid_of_call(name, arguments):
    context_index, msgid_index = _GETTEXT_ARGUMENTS[name]
    try:
        msgid = arguments[msgid_index]
        context = arguments[context_index] if context_index is not None else ""
    except IndexError:
        return None
    if isinstance(msgid, str) and isinstance(context, str) and msgid:
        return (context, msgid)
    return None


def _python_msgids(path):
    import ast

    found = set()
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in _GETTEXT_ARGUMENTS:
            continue
        arguments = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        key = _msgid_of_call(name, arguments)
        if key:
            found.add(key)
    return found


def _template_msgids(path):
    import ast

    from django.utils.translation.template import templatize

    found = set()
    text = templatize(Path(path).read_text("utf-8"))
    for call in _TEMPLATIZED_CALL.finditer(text):
        # The arguments end at the first ")" after which they parse as Python literals; a
        # ")" inside a string ("%(counter)s") is not the end.
        start = call.end()
        for end in (m.start() for m in re.finditer(r"\)", text[start:])):
            raw = re.sub(r",\s*count\s*$", ", None", text[start : start + end])
            try:
                arguments = ast.literal_eval("(" + raw + ",)")
            except (SyntaxError, ValueError):
                continue
            key = _msgid_of_call(call.group(1), list(arguments))
            if key:
                found.add(key)
            break
    return found


def marked_msgids(python_directories, template_directories):
    """Every (context, msgid) the code and templates mark for translation."""
    found = set()
    for directory in python_directories:
        for path in sorted(Path(directory).rglob("*.py")):
            if "migrations" not in path.parts:
                found |= _python_msgids(path)
    for directory in template_directories:
        for path in sorted(Path(directory).rglob("*.html")):
            found |= _template_msgids(path)
    return found


def missing_msgids(po_path, msgids):
    """The marked strings that ``po_path`` has no entry for (run ``dev.py messages``)."""
    catalogue = polib.pofile(str(po_path))
    present = {(entry.msgctxt or "", entry.msgid) for entry in catalogue if not entry.obsolete}
    return [
        Problem(str(po_path), f"no entry for {msgid!r}" + (f" (context {ctx!r})" if ctx else ""))
        for ctx, msgid in sorted(msgids - present)
    ]
