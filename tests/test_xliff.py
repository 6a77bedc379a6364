"""XLIFF 1.2 beside PO, for the agencies' CAT tools: the same entries, contexts, notes and
states, read back by two libraries we did not write (translate-toolkit and lxml), and imported
with the same checks: a translated French export comes back with every entry and context; a
broken or foreign file writes nothing."""

import polib
import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import xliff as toolkit_xliff

from cooperation.models import CooperationArea
from tests.test_content_exchange import _Buffer, _Null, refused, run_import, snapshot

pytestmark = pytest.mark.django_db

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def export(tmp_path, *options, name="fr.xlf"):
    path = tmp_path / name
    call_command("export_content", "fr", "-o", str(path), *options, stdout=_Null())
    return path


def po_export(tmp_path, *options):
    path = tmp_path / "fr.po"
    call_command("export_content", "fr", "-o", str(path), *options, stdout=_Null())
    return polib.pofile(str(path))


def units(path):
    return etree.parse(str(path)).getroot().findall(".//x:trans-unit", NS)


def unit(path, context):
    return next(item for item in units(path) if item.get("resname") == context)


def test_two_readers_find_every_entry_of_the_po_export_with_its_context(tmp_path):
    catalogue = po_export(tmp_path)
    expected = [(e.msgctxt, e.msgid, e.msgstr, e.comment.split("\n")) for e in catalogue]
    path = export(tmp_path)
    with_lxml = [
        (
            item.get("resname"),
            item.findtext("x:source", namespaces=NS),
            item.findtext("x:target", namespaces=NS),
            [note.text for note in item.findall("x:note", NS)],
        )
        for item in units(path)
    ]
    assert with_lxml == expected
    assert all(item.get("id") == item.get("resname") for item in units(path))
    store = toolkit_xliff.xlifffile.parsestring(path.read_bytes())
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ar", "fr")
    with_toolkit = [
        (item.getid().split("\x04")[-1], item.source, item.target) for item in store.units
    ]
    assert with_toolkit == [entry[:3] for entry in expected]
    assert len(with_toolkit) == len(catalogue) > 80


def test_states_and_the_previous_source_of_a_stale_string(tmp_path):
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("ar")
    old_title, area.title = area.title, "عنوان جديد"
    area.save()
    path = export(tmp_path)
    stale = unit(path, "cooperation.cooperationarea:e-mla:title")
    assert stale.find("x:target", NS).get("state") == "needs-review-translation"
    previous = stale.find("x:alt-trans[@alttranstype='previous-version']", NS)
    assert previous.findtext("x:source", namespaces=NS) == old_title
    fresh = unit(path, "cooperation.partnership:main:title")
    assert fresh.find("x:target", NS).get("state") == "translated"
    area = CooperationArea(key="cybercrime")
    area.set_current_language("ar")
    area.title, area.slug = "الجريمة السيبرية", "الجريمة-السيبرية"
    area.save()
    path = export(tmp_path, "--missing")
    new = unit(path, "cooperation.cooperationarea:cybercrime:title")
    assert new.find("x:target", NS).get("state") == "new"
    assert not new.findtext("x:target", namespaces=NS)


def translate(path, edits, state="translated"):
    """What a CAT tool does: targets rewritten and their state set."""
    tree = etree.parse(str(path))
    for item in tree.getroot().iterfind(".//x:trans-unit", NS):
        if item.get("resname") in edits:
            target = item.find("x:target", NS)
            target.text = edits[item.get("resname")]
            target.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_a_translated_french_export_comes_back_with_every_entry_and_context(tmp_path):
    path = export(tmp_path, "--part-size", "1000")
    path = tmp_path / "fr-001.xlf"
    before = snapshot()
    count = len(units(path))
    edits = {
        "cooperation.partnership:main:lead": "Un partenaire essentiel.",
        "cooperation.cooperationarea:e-mla:body": "<p>Le canal <strong>E-MLA</strong>.</p>",
    }
    translate(path, edits)
    translate(
        path, {"cooperation.partnership:main:title": "Brouillon"}, "needs-review-translation"
    )
    output = run_import(path)
    # Every unit is found by its context and its source: none unknown, none lost.
    assert f"fr: Updated 2, confirmed 0, unchanged {count - 3}, skipped 1" in output
    after = snapshot()
    assert {key for key in before if before[key] != after[key]} == {("fr", c) for c in edits}
    assert all(after[("fr", context)] == text for context, text in edits.items())


def test_xliff_is_recognised_by_its_content_and_checked_like_po(tmp_path):
    path = export(tmp_path)
    translate(path, {"cooperation.cooperationarea:e-mla:slug": "pas une adresse"})
    renamed = tmp_path / "from-the-agency.txt"
    renamed.write_bytes(path.read_bytes())
    before = snapshot()
    assert "is not a valid web address" in refused(renamed)
    assert "is a 'fr' translation, not 'es'" in refused(renamed, "--language", "es")
    assert snapshot() == before


GOOD_HEAD = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="c" datatype="plaintext" source-language="ar" target-language="fr"><body>'
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (GOOD_HEAD + '<trans-unit id="a"><source>x</source>', "is not well-formed XML"),
        ("<xliff version='1.2' <file>", "is not well-formed XML"),
        ("<html><body>Bonjour</body></html>", "is not an XLIFF 1.2 file"),
        (
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>',
            "is not an XLIFF 1.2 file",
        ),
        (
            '<!DOCTYPE x [<!ENTITY e "boom">]>' + GOOD_HEAD + "</body></file></xliff>",
            "declares a DOCTYPE",
        ),
        (
            GOOD_HEAD + '<trans-unit id="cooperation.partnership:main:lead"><source>x</source>'
            '<target>a <g id="1">b</g></target></trans-unit></body></file></xliff>',
            "holds XLIFF inline markup (<g>)",
        ),
        (
            GOOD_HEAD + '<trans-unit id="a"><source>x</source></trans-unit>'
            '<trans-unit id="a"><source>x</source></trans-unit></body></file></xliff>',
            "has the unit 'a' twice",
        ),
    ],
    ids=["cut short", "garbled", "foreign", "xliff 2", "doctype", "inline markup", "duplicate"],
)
def test_a_broken_or_foreign_file_is_refused_with_a_clear_message(tmp_path, data, expected):
    bad = tmp_path / "bad.xlf"
    bad.write_text(data)
    assert expected in refused(bad)


def test_a_set_with_a_broken_part_writes_nothing(tmp_path):
    good = export(tmp_path)
    translate(good, {"cooperation.partnership:main:lead": "Un partenaire essentiel."})
    bad = tmp_path / "bad.xlf"
    bad.write_text(GOOD_HEAD + "<trans-unit id='x'><source>")
    before = snapshot()
    assert "is not well-formed XML" in refused(good, bad)
    assert snapshot() == before
    assert "Updated 1" in run_import(good)


def test_stdout_export_is_xliff_too(tmp_path):
    out = _Buffer()
    call_command(
        "export_content", "fr", "-o", "-", "--format", "xliff", "--key", "main", stdout=out
    )
    root = etree.fromstring(out.text.encode())
    assert {
        item.get("resname").split(":")[1] for item in root.iterfind(".//x:trans-unit", NS)
    } == {"main"}


def test_a_text_xml_cannot_hold_is_named_not_a_crash(tmp_path):
    area = CooperationArea.objects.get(key="e-mla")
    area.set_current_language("ar")
    area.summary = "نص\x0bمع حرف تحكم"
    area.save()
    with pytest.raises(CommandError, match="e-mla:summary: .*XML cannot hold this text"):
        export(tmp_path, "--key", "e-mla")
