/*
 * Search that understands how officials and citizens write: abbreviations
 * ("bhyt", "HĐND", "kt-xh") and citation numbers ("III.3.3", "mục 3.3").
 *
 * Like lunr-vi-fold.js, this is NOT a page script: macros/adapter/search_hooks.py
 * appends it, after lunr-vi-fold.js, to the built lunr.vi.min.js that
 * Material's search worker loads, followed by one line that sets
 * lunr.vi.abbreviations from data/tu-viet-tat.yml. It wraps the Index#search
 * of lunr-vi-fold.js, which Material calls with the query after its own
 * transform (words split on spaces and "-", wildcards "*" added).
 * tests/test_search_abbreviations_browser.py is the guard.
 *
 *  - Abbreviations: a word (or two or three words, since Material splits
 *    "kt-xh" into "kt" and "xh") that is a known abbreviation, typed with or
 *    without diacritics, is searched as itself and as its full form, so
 *    "bhyt" finds "bảo hiểm y tế" and the phrase ranking of lunr-vi-fold.js
 *    puts the passages with the whole phrase first.
 *  - Citation numbers: "III.3.3", "iii.3.3", "mục III.3.3", "muc 3.3" and
 *    "3.3" put the section with that number (its own anchor) first; a Roman
 *    numeral alone ("III") puts the part first. A section without a heading
 *    of its own (I.1 is a paragraph) leads to the nearest section that has.
 *
 * Results added or lifted here carry the typed words in their match data, so
 * Material does not list them as "missing" under the result.
 */
;(function (lunr) {
  "use strict"
  if (!lunr || !lunr.vi || !lunr.vi.folding || lunr.vi.queries) return
  lunr.vi.queries = true

  const fold = word => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d").toLowerCase()
  const bare = word => word.replace(/[*+~^:"]/g, "")   // Material's operators
  const ROMAN = /^[ivx]+$/
  const CITATION = /^([ivx]+|\d+)(\.\d+)*$/

  /* The typed words, without operators; "-word" (excluded) is left out. */
  const typedWords = text => text.split(/\s+/)
    .filter(word => word && !word.startsWith("-")).map(bare).filter(Boolean)

  /* ------------------------------------------------------ abbreviations */

  /* A full form as query words: "kinh tế - xã hội" would exclude "xã". */
  const spoken = full => full.replace(/[^\p{L}\p{N}\s]/gu, " ")

  /* [typed words, full form] for every abbreviation in the query. */
  const abbreviationsIn = words => {
    const known = lunr.vi.abbreviations || {}, found = []
    for (let i = 0; i < words.length; i++)
      for (let size = 3; size >= 1; size--) {
        const part = words.slice(i, i + size)
        const full = part.length === size && known[part.map(fold).join("").replace(/-/g, "")]
        if (full) {
          found.push([part, full])
          i += size - 1
          break
        }
      }
    return found
  }

  /* ---------------------------------------------------- citation numbers */

  /* "mục III.3.3" → {id: "iii-3-3"}; "3.3" → {tail: "-3-3"}; else null. */
  const citationIn = words => {
    const text = fold(words.join(" ")).replace(/^muc\s+/, "").replace(/\.$/, "")
    if (!CITATION.test(text)) return null
    const [head] = text.split(".")
    if (ROMAN.test(head)) return { id: text.replace(/\./g, "-") }
    return text.includes(".") ? { tail: "-" + text.replace(/\./g, "-") } : null
  }

  /* Where a search document lives: "ke-hoach/iii-3/#iii-3-3" → "iii-3-3",
   * "ke-hoach/iii/" → "iii". */
  const anchorOf = ref => ref.includes("#")
    ? ref.slice(ref.indexOf("#") + 1) : ref.replace(/\/$/, "").split("/").pop()

  const refsOf = index => index.vi_refs || (index.vi_refs = [...new Set(
    Object.keys(index.fieldVectors).map(key => key.slice(key.indexOf("/") + 1)))])

  /* The documents a citation names, best first. "III.3" names both the page
   * ke-hoach/iii-3/ and, were there one, a section #iii-3: the page wins. */
  const cited = (index, citation) => {
    const refs = refsOf(index)
    if (citation.tail) {
      const pattern = new RegExp(`^[ivx]+${citation.tail.replace(/-/g, "\\-")}$`)
      return refs.filter(ref => pattern.test(anchorOf(ref)))
    }
    for (let id = citation.id; id; id = id.replace(/-?[^-]*$/, "")) {
      const found = refs.filter(ref => anchorOf(ref) === id)
        .sort((a, b) => a.includes("#") - b.includes("#"))
      if (found.length) return found.slice(0, 1)
    }
    return []
  }

  /* Mark words as found in a result, for Material's list of missing words. */
  const mark = (result, words) => {
    const metadata = result.matchData.metadata
    for (const word of words)
      for (const key of [word.normalize("NFC").toLowerCase(), fold(word)])
        if (!(key in metadata)) metadata[key] = {}
  }

  const search = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (text) {
    const words = typedWords(text), found = abbreviationsIn(words)
    const query = [text, ...found.map(([, full]) => spoken(full))].join(" ")
    let results = search.call(this, query)
    found.forEach(([part]) => results.forEach(result => mark(result, part)))
    const citation = citationIn(words)
    const refs = citation ? cited(this, citation) : []
    if (!refs.length) return results
    const top = Math.max(1, ...results.map(result => result.score))
    const lifted = refs.map((ref, i) => {
      const result = results.find(r => r.ref === ref) ||
        { ref, score: 0, matchData: { metadata: Object.create(null) } }
      mark(result, words)
      return { ...result, score: top * 100 * (refs.length - i) }
    })
    results = results.filter(result => !refs.includes(result.ref))
    return [...lifted, ...results]
  }
})(self.lunr)
