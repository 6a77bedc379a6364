// The translation memory's "Use this" buttons beside a field that needs work on a language tab
// (templates/admin/translationmemory/suggestions.html): the match goes into the field, or into
// its rich-text editor when it has one. An external file: the CSP allows no inline script.
// Loaded before the editors (a classic script runs before module scripts), so it hears each
// editor announce itself.
"use strict"
{
  const editors = new WeakMap()
  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor)
  })
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("button.memory-use")
    if (!button) return
    const field = document.getElementById(button.dataset.target)
    if (!field) return
    const text = button.dataset.text ?? ""
    const editor = editors.get(field)
    field.value = text
    if (editor) {
      editor.commands.setContent(text)
      editor.commands.focus()
    } else {
      field.focus()
    }
    field.dispatchEvent(new Event("input", { bubbles: true }))
    field.dispatchEvent(new Event("change", { bubbles: true }))
  })
}
