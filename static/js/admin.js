// The admin's accessibility corrections that need the page as the browser built it (widgets
// drawn by other packages' scripts). Loaded by templates/admin/base_site.html as an external
// file: the CSP allows no inline script. Marks <html data-a11y-ready> when done.
"use strict"
{
  const labels = document.querySelector('meta[name="eurelations-admin-labels"]')?.dataset ?? {}
  const fix = () => {
    // Django's SelectFilter draws the filter-help icon as a <span aria-label>: a plain span may
    // not carry a name (ARIA), an image may.
    for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]:not([role])")) {
      icon.setAttribute("role", "img")
    }
    // modeltranslation's "all languages" switch has no label.
    const main = document.getElementById("modeltranslation-main-switch")
    if (main && !main.hasAttribute("aria-label") && labels.languageSwitch) {
      main.setAttribute("aria-label", labels.languageSwitch)
    }
    // jQuery UI's tabs put a link inside each role="tab": two interactive elements in one.
    // The tab keeps the focus, the keys and (through aria-controls) its panel; the link
    // inside only needs to stop being one.
    for (const link of document.querySelectorAll('[role="tab"] > a.ui-tabs-anchor[href]')) {
      link.removeAttribute("href")
    }
    // Without its address, jQuery UI would take the tab for a remote one and fail on every
    // click or arrow key ("Cannot read properties of undefined"), never showing its panel: a
    // tab whose link has no address is one of this page's panels.
    const tabs = (window.jQuery || window.django?.jQuery)?.ui?.tabs
    if (tabs && !tabs.prototype._isLocalWithoutAddress) {
      const isLocal = tabs.prototype._isLocal
      tabs.prototype._isLocal = function (anchor) {
        return !anchor.hasAttribute("href") || isLocal.call(this, anchor)
      }
      tabs.prototype._isLocalWithoutAddress = true
    }
    // The changelist's search box is named by a label holding only an icon, and, where a
    // search help is shown (django-otp's devices), axe reads its title alone: name it by its
    // button's translated word.
    const search = document.getElementById("searchbar")
    const button = document.querySelector('#changelist-search input[type="submit"]')
    if (search && button && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", button.value)
    }
    showLanguageTab()
    document.documentElement.dataset.a11yReady = "1"
  }
  // A static page's languages sit in jQuery UI tabs: open the tab of the language asked for
  // (?language=fr, the status dashboard's links) and the one holding the field a "next field
  // needing work" link points to (#id_title_fr), which a hidden tab would keep out of sight.
  const showLanguageTab = () => {
    const open = (element) => {
      const panel = element?.closest(".ui-tabs-panel")
      const tab = panel && document.querySelector(`[role="tab"][aria-controls="${panel.id}"]`)
      if (tab && tab.getAttribute("aria-selected") !== "true") {
        ;(tab.querySelector(".ui-tabs-anchor") || tab).click()
      }
    }
    const language = new URLSearchParams(window.location.search).get("language")
    if (language) {
      for (const field of document.querySelectorAll(`.ui-tabs-panel [lang="${CSS.escape(language)}"]`)) {
        open(field)
      }
    }
    const target = window.location.hash && document.getElementById(window.location.hash.slice(1))
    if (target) {
      open(target)
      target.scrollIntoView({ block: "center" })
      target.focus({ preventScroll: true })
    }
  }
  // After the other scripts' own "load" handlers have built their widgets.
  window.addEventListener("load", () => setTimeout(fix))
  window.addEventListener("hashchange", () => showLanguageTab())
}
