"""The word-level difference used by the translation tab and the revision compare."""

from content.worddiff import has_changes, word_changes, word_diff_html


def test_one_changed_word_is_one_deletion_and_one_insertion():
    assert word_changes("the EU funds WAPIS.", "the EU funds iARMS.") == [
        ("equal", "the EU funds "),
        ("delete", "WAPIS"),
        ("insert", "iARMS"),
        ("equal", "."),
    ]


def test_arabic_words_are_words():
    changes = word_changes("مشروع شراكة في أفريقيا", "مشروع شراكة في آسيا")
    assert ("delete", "أفريقيا") in changes and ("insert", "آسيا") in changes


def test_html_is_escaped_and_marked():
    html = word_diff_html("<b>a</b> one", "<b>a</b> two")
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert '<del title="removed">one</del>' in html and '<ins title="added">two</ins>' in html


def test_no_change_is_plain_text():
    assert word_diff_html("same text", "same text") == "same text"
    assert not has_changes("x", "x") and has_changes("", "x") and not has_changes(None, "")
