// The admin's rich-text editor: the pieces django-prose-editor leaves to the project. Loaded by
// its "configurable" preset for every RichTextWidget (eurelations/richtext.py), which passes each
// extension its options from the server.
import { Extension, Link, OrderedList, Plugin } from "django-prose-editor/editor"

// A numbered list without the list-type and start attributes (type="1" data-type="decimal"):
// the server's sanitiser drops them, and what the editor writes must survive it unchanged.
export const PlainOrderedList = OrderedList.extend({
  addOptions() {
    return { ...this.parent?.(), enableListAttributes: false }
  },
  addAttributes() {
    return {}
  },
})

// A link written the way the sanitiser writes it: rel="noopener noreferrer" last (it adds that
// to every link) and no empty title, so saving an untouched link changes nothing.
export const SanitisedLink = Link.extend({
  renderHTML(props) {
    const [tag, { rel: _rel, ...attributes }, hole] = this.parent(props)
    return [
      tag,
      { ...attributes, title: attributes.title || null, rel: "noopener noreferrer" },
      hole,
    ]
  },
})

// The editing area reads and writes in the language of the text, whatever the admin's own
// language: dir="rtl" and lang="ar" for the Arabic text. Only the editing area, never the
// saved HTML (the sanitiser would strip dir from headings and lists).
export const EditingLanguage = Extension.create({
  name: "editingLanguage",
  addOptions() {
    return { dir: "auto", lang: "", label: "" }
  },
  addProseMirrorPlugins() {
    const attributes = { dir: this.options.dir }
    if (this.options.lang) attributes.lang = this.options.lang
    // Its accessible name: the field's label (a contenteditable is not labelled by <label>).
    if (this.options.label) {
      attributes["aria-label"] = this.options.label
      attributes.role = "textbox"
      attributes["aria-multiline"] = "true"
    }
    return [new Plugin({ props: { attributes } })]
  },
})

// No <style> element written by the editor: Tiptap adds one to <head> for its base rules
// (white-space: pre-wrap and the like), which the content security policy refuses (no inline
// style); the same rules come from css/rich-text-editor.css. Read when the editor mounts, after
// beforeCreate.
export const StylesheetOnly = Extension.create({
  name: "stylesheetOnly",
  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },
})

// The toolbar in the admin's language. django-prose-editor's button titles are English; the
// server sends them translated. Run last (lowest priority), when the menu items are defined
// but the menu is not built yet.
export const TranslatedMenu = Extension.create({
  name: "translatedMenu",
  priority: 1,
  addOptions() {
    return { labels: {}, messages: {} }
  },
  addMenuItems({ menu }) {
    const { labels, messages } = this.options
    for (const item of menu.items("blockType nodes lists marks link history")) {
      const label = labels[item.name]
      if (!label) continue
      if (item.button) {
        item.button.title = label
        item.button.setAttribute("aria-label", label)
      }
      if (item.option) item.option.textContent = label
    }
    // The link dialog asks the admin's JavaScript catalogue (window.gettext) for its texts.
    const catalog = window.django?.catalog
    if (catalog) {
      for (const [msgid, text] of Object.entries(messages)) {
        if (!(msgid in catalog)) catalog[msgid] = text
      }
    }
  },
})
