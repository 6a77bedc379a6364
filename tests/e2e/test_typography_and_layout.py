"""What the stylesheet promises, measured in the browser: the fonts that really render each run
of text, the focus ring's contrast on every background, the footer on short pages, the type
scale on a phone, styled form controls and the print stylesheet."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.browser


def rendered_fonts(page, selector):
    """The font families Chromium actually used for the text of ``selector`` (not the CSS
    stack: what the glyphs were drawn with)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    session.detach()
    return {font["familyName"] for font in fonts}


def test_arabic_text_is_set_in_naskh_and_latin_runs_in_noto_sans(site, page):
    page.goto(f"{site.url}/ar/")
    page.evaluate("document.fonts.ready")
    assert rendered_fonts(page, "h1") == {"Noto Naskh Arabic"}
    # The language names of the switcher, lang="en" etc., and a Latin code inside Arabic.
    assert rendered_fonts(page, '.language-switcher a[lang="en"]') == {"Noto Sans"}
    assert rendered_fonts(page, ".card-code bdi") == {"Noto Sans"}
    page.goto(f"{site.url}/en/")
    page.evaluate("document.fonts.ready")
    assert rendered_fonts(page, "h1") == {"Noto Sans"}


CONTRAST = """(element) => {
    const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const c = [r, g, b].map((v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    let node = element.parentElement, background = null;
    while (node) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length < 4 || colour[3] > 0) { background = colour; break; }
        node = node.parentElement;
    }
    background = background || [255, 255, 255];
    const style = getComputedStyle(element);
    const ring = rgb(style.outlineColor);
    const [a, b] = [luminance(ring), luminance(background)].sort((x, y) => y - x);
    return {
        contrast: (a + 0.05) / (b + 0.05),
        width: parseFloat(style.outlineWidth),
        outline: style.outlineStyle,
        what: element.outerHTML.slice(0, 80),
    };
}"""


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_focus_ring_has_3_to_1_contrast_on_every_background(site, page, language):
    project = f"{site.url}/{language}/"
    page.goto(project)
    weak = []
    seen = 0
    for _ in range(60):  # header, navigation, content cards and the footer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        seen += 1
        ring = page.evaluate(CONTRAST, page.evaluate_handle("document.activeElement"))
        if ring["outline"] == "none" or ring["width"] < 2 or ring["contrast"] < 3:
            weak.append(ring)
    assert seen > 20
    assert weak == []


def test_the_footer_sits_at_the_bottom_of_a_short_page(site, page):
    page.goto(f"{site.url}/en/no-such-page/")
    box = page.locator("footer.site-footer").bounding_box()
    assert box["y"] + box["height"] == pytest.approx(800, abs=1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_on_a_phone_the_headings_are_clearly_apart(site, phone, language):
    with translation.override(language):
        phone.goto(site.url + reverse("projects:project_list"))
    size = phone.evaluate(
        "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", "h1"
    )
    second = phone.evaluate(
        "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", "h2"
    )
    body = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert body >= 16
    assert size / second >= 1.35


def test_the_filter_selects_are_styled_and_big_enough_for_a_finger(site, phone):
    with translation.override("ar"):
        phone.goto(site.url + reverse("projects:project_list"))
    select = phone.locator(".filters select").first
    style = select.evaluate(
        "(e) => ({appearance: getComputedStyle(e).appearance, height: e.offsetHeight,"
        " image: getComputedStyle(e).backgroundImage})"
    )
    assert style["appearance"] == "none"
    assert style["height"] >= 44
    assert "gradient" in style["image"]  # our own arrow, drawn at the inline end


def test_the_print_stylesheet_leaves_out_navigation_and_search(site, page):
    page.emulate_media(media="print")
    page.goto(f"{site.url}/en/")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".search-form").is_visible()
    assert page.locator("h1").is_visible()
