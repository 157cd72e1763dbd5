/*
 * On-page search highlighting for words typed without diacritics.
 *
 * A search result links to the page with ?h=<matched words>, and Material's
 * `search.highlight` marks those words on the page with a plain regex: after
 * searching "bao hiem y te" (which finds "bảo hiểm y tế", see
 * overrides/assets/javascripts/lunr-vi-fold.js) it would mark nothing useful.
 * This script adds to ?h= the page's own accented spellings of each word
 * typed without diacritics, so Material marks the words as written.
 *
 * It must run before Material reads ?h=, at DOMContentLoaded: extra_javascript
 * is loaded synchronously at the end of <body>, so it does. Words typed with
 * diacritics are left alone (they were matched exactly). Without
 * `navigation.instant` every page load runs this again.
 */
(function () {
  "use strict"
  const url = new URL(location.href)
  const typed = (url.searchParams.get("h") || "").split(/\s+/).filter(Boolean)
  const content = document.querySelector("[data-md-component=content]")
  if (!typed.length || !content) return

  const fold = word => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
  const bare = typed.map(word => word.toLowerCase())
    .filter(word => word === fold(word))                 // typed without marks
  /* Text node by text node: textContent glues "<td>hợp</td><td>chưa" into
   * one word. */
  const text = [], walk = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
  while (walk.nextNode()) text.push(walk.currentNode.nodeValue)
  const words = new Set(text.join(" ").normalize("NFC").toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu))
  const spelled = [...words].filter(word => {
    const folded = fold(word)
    return folded !== word && bare.some(prefix => folded.startsWith(prefix))
  })
  if (!spelled.length) return
  url.searchParams.set("h", [...typed, ...spelled].join(" "))
  history.replaceState(history.state, "", url)
})()
