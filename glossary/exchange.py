"""The glossary in and out: TBX (ISO 30042, the "martif" form that MultiTerm, memoQ and Phrase
import) and CSV. An import checks the whole file first; one problem and nothing is written."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext
from lxml import etree

from glossary.models import Term, lines

#: A glossary file is small; a larger one is refused before it is parsed.
MAX_FILE_SIZE = 10 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: TBX's administrative statuses: the approved term, an accepted variant, a forbidden one.
STATUS = {
    "term": "preferredTerm-admn-sts",
    "variants": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
KIND_OF_STATUS = {status: kind for kind, status in STATUS.items()}


class GlossaryFileError(Exception):
    """A file that cannot be imported; ``problems`` say why, nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass
class TermData:
    """One term as a file holds it: ``languages`` maps a code to {term, variants, forbidden,
    note}, variants and forbidden as lists."""

    key: str
    category: str = Term.Category.GENERAL
    languages: dict = field(default_factory=dict)


def languages():
    return [code for code, _name in settings.LANGUAGES]


def read_terms():
    """Every term of the database as ``TermData``, in key order (two queries)."""
    result = []
    for term in Term.objects.prefetch_related("translations").order_by("key"):
        data = TermData(term.key, term.category)
        for translation in sorted(term.translations.all(), key=lambda t: t.language_code):
            data.languages[translation.language_code] = {
                "term": translation.term,
                "variants": lines(translation.variants),
                "forbidden": lines(translation.forbidden),
                "note": translation.note,
            }
        result.append(data)
    return result


# --- writing ------------------------------------------------------------------------------------


def write_tbx(terms):
    martif = etree.Element("martif", {"type": "TBX", XML_LANG: settings.CONTENT_SOURCE_LANGUAGE})
    header = etree.SubElement(martif, "martifHeader")
    source = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(source, "p").text = "eurelations glossary"
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for data in terms:
        entry = etree.SubElement(body, "termEntry", id=data.key)
        etree.SubElement(entry, "descrip", type="subjectField").text = data.category
        for code in [code for code in languages() if code in data.languages]:
            values = data.languages[code]
            lang_set = etree.SubElement(entry, "langSet", {XML_LANG: code})
            if values["note"]:
                etree.SubElement(lang_set, "descrip", type="definition").text = values["note"]
            forms = [("term", values["term"])]
            forms += [("variants", form) for form in values["variants"]]
            forms += [("forbidden", form) for form in values["forbidden"]]
            for kind, form in forms:
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = form
                etree.SubElement(tig, "termNote", type="administrativeStatus").text = STATUS[kind]
    return etree.tostring(
        martif, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=TBX_DOCTYPE
    )


TBX_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'


def csv_columns():
    columns = ["key", "category"]
    for code in languages():
        columns += [code, f"{code}_variants", f"{code}_forbidden", f"{code}_note"]
    return columns


def write_csv(terms):
    """One row per term; variants and forbidden forms one per line inside their cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_columns())
    for data in terms:
        row = [data.key, data.category]
        for code in languages():
            values = data.languages.get(code)
            if values is None:
                row += ["", "", "", ""]
                continue
            row += [
                values["term"],
                "\n".join(values["variants"]),
                "\n".join(values["forbidden"]),
                values["note"],
            ]
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


# --- reading ------------------------------------------------------------------------------------


def read_file(path):
    """The terms of a TBX or CSV file (by its content, not its name). Raises
    ``GlossaryFileError`` naming every problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_SIZE:
            raise GlossaryFileError([f"{path} is {size} bytes; a glossary file is at most 10 MB"])
        raw = path.read_bytes()
    except OSError as error:
        raise GlossaryFileError([f"cannot read {path}: {error.strerror}"]) from error
    if not raw.strip():
        raise GlossaryFileError([f"{path} is empty"])
    if raw.lstrip().startswith(b"<"):
        terms = _parse_tbx(raw)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise GlossaryFileError([f"not UTF-8 text (byte {error.start})"]) from error
        terms = _parse_csv(text)
    problems = validate(terms)
    if problems:
        raise GlossaryFileError(problems)
    return terms


def _parse_tbx(raw):
    # No entities, no network, no DTD loading: a glossary file never needs them.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise GlossaryFileError([f"not well-formed XML: {error}"]) from error
    if etree.QName(root).localname not in ("martif", "tbx"):
        raise GlossaryFileError([f"not a TBX file: the root element is <{root.tag}>"])
    terms, problems = [], []
    for number, entry in enumerate(root.iter("{*}termEntry", "{*}conceptEntry"), start=1):
        data = TermData(entry.get("id") or "")
        subject = entry.find("{*}descrip[@type='subjectField']")
        if subject is not None:
            data.category = (subject.text or "").strip()
        for lang_set in entry.iter("{*}langSet"):
            code = lang_set.get(XML_LANG) or ""
            values = {"term": "", "variants": [], "forbidden": [], "note": ""}
            definition = lang_set.find("{*}descrip[@type='definition']")
            if definition is not None:
                values["note"] = (definition.text or "").strip()
            preferred = []
            for tig in lang_set.iter("{*}tig", "{*}termSec", "{*}ntig"):
                term = tig.find(".//{*}term")
                status = tig.find(".//{*}termNote[@type='administrativeStatus']")
                kind = KIND_OF_STATUS.get(
                    (status.text or "").strip() if status is not None else ""
                )
                text = " ".join((term.text or "").split()) if term is not None else ""
                if not text:
                    problems.append(f"term entry {data.key or number} [{code}]: an empty term")
                    continue
                if kind is None:
                    # No status: the first term is the approved one, the others variants.
                    kind = "variants" if preferred else "term"
                if kind == "term":
                    preferred.append(text)
                else:
                    values[kind].append(text)
            if len(preferred) != 1:
                problems.append(
                    f"term entry {data.key or number} [{code}]: {len(preferred)} approved terms, "
                    "exactly one is needed"
                )
                continue
            values["term"] = preferred[0]
            if code in data.languages:
                problems.append(f"term entry {data.key or number}: language {code!r} twice")
            data.languages[code] = values
        terms.append(data)
    if problems:
        raise GlossaryFileError(problems)
    if not terms:
        raise GlossaryFileError(["the file holds no term entry"])
    return terms


def _parse_csv(text):
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    if "key" not in columns:
        raise GlossaryFileError(["not a glossary CSV file: no 'key' column"])
    unknown = [name for name in columns if name not in csv_columns()]
    if unknown:
        raise GlossaryFileError([f"unknown column(s): {', '.join(map(str, unknown))}"])
    terms = []
    try:
        for row in reader:
            if None in row:
                raise GlossaryFileError([f"line {reader.line_num}: more cells than columns"])
            data = TermData((row.get("key") or "").strip())
            data.category = (row.get("category") or Term.Category.GENERAL).strip()
            for code in languages():
                term = " ".join((row.get(code) or "").split())
                extras = [row.get(f"{code}_{name}") for name in ("variants", "forbidden", "note")]
                if not term:
                    if any(extras):
                        raise GlossaryFileError(
                            [f"line {reader.line_num} [{code}]: variants or a note without a term"]
                        )
                    continue
                data.languages[code] = {
                    "term": term,
                    "variants": lines(row.get(f"{code}_variants")),
                    "forbidden": lines(row.get(f"{code}_forbidden")),
                    "note": (row.get(f"{code}_note") or "").strip(),
                }
            terms.append(data)
    except csv.Error as error:
        raise GlossaryFileError([f"not a valid CSV file: {error}"]) from error
    if not terms:
        raise GlossaryFileError(["the file holds no term"])
    return terms


def validate(terms):
    problems = []
    seen = set()
    known = languages()
    categories = set(Term.Category.values)
    term_length = Term._parler_meta.root_model._meta.get_field("term").max_length
    for data in terms:
        try:
            validate_slug(data.key)
            if len(data.key) > Term._meta.get_field("key").max_length:
                raise ValidationError("too long")
        except ValidationError:
            problems.append(f"{data.key!r} is not a valid key (letters, digits, hyphens)")
        if data.key in seen:
            problems.append(f"{data.key!r} appears twice")
        seen.add(data.key)
        if data.category not in categories:
            problems.append(f"{data.key}: unknown category {data.category!r}")
        if not data.languages:
            problems.append(f"{data.key}: no language")
        for code, values in data.languages.items():
            if code not in known:
                problems.append(f"{data.key}: unknown language {code!r}")
            if len(values["term"]) > term_length:
                problems.append(f"{data.key} [{code}]: the term is longer than {term_length}")
            texts = [values["term"], *values["variants"], *values["forbidden"], values["note"]]
            if any("\x00" in text for text in texts):
                problems.append(f"{data.key} [{code}]: a NUL character")
    return problems


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0


def import_terms(terms, name=""):
    """Write ``terms`` (checked by ``read_file``): a term is matched on its key; the languages
    the file has replace the stored ones, the others are kept. All or nothing, one revision in
    the terms' history, "Imported from ``name``"."""
    with transaction.atomic(), reversion.create_revision(atomic=False):
        reversion.set_comment(
            gettext("Imported from %(file)s") % {"file": name}
            if name
            else gettext("Imported from a glossary file")
        )
        return _import_terms(terms)


def _import_terms(terms):
    report = ImportReport()
    existing = {t.key: t for t in Term.objects.prefetch_related("translations")}
    for data in terms:
        term = existing.get(data.key) or Term(key=data.key)
        adding = term._state.adding
        dirty = adding or term.category != data.category
        term.category = data.category
        stored = {t.language_code: t for t in term.translations.all()} if not adding else {}
        for code, values in data.languages.items():
            wanted = {
                "term": values["term"],
                "variants": "\n".join(values["variants"]),
                "forbidden": "\n".join(values["forbidden"]),
                "note": values["note"],
            }
            row = stored.get(code)
            if row is not None and all(getattr(row, k) == v for k, v in wanted.items()):
                continue
            term.set_current_language(code)
            for name, value in wanted.items():
                setattr(term, name, value)
            dirty = True
        if not dirty:
            report.unchanged += 1
            continue
        term.save()
        (report.created if adding else report.updated).append(data.key)
    return report
