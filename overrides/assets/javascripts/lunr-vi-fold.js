/*
 * Vietnamese search that works the way citizens type: with or without
 * diacritics, "d" for "đ", precomposed (NFC) or decomposed (NFD) Unicode.
 *
 * This is NOT a page script. macros/search_hooks.py appends it to the built
 * assets/javascripts/lunr/min/lunr.vi.min.js, which Material's search web
 * worker loads with importScripts() because of `search: lang: vi`. So it runs
 * inside the worker, after lunr.vi is defined and before the index is built.
 * It relies on lunr 2.3.9 internals as bundled in Material 9.8.2's worker;
 * tests/test_search_browser.py is the guard.
 *
 * What is wrong without it (Material 9.8.2 + lunr-languages vi):
 *  - Nothing folds diacritics, so "bao hiem" never finds "bảo hiểm".
 *  - lunr.vi only resets the index pipeline: lunr's English stemmer stays in
 *    the search pipeline and a quoted "túy" is searched as "túi".
 *  - lunr.vi's trimmer knows a-z, â ê ô ă đ ơ ư and some combining marks,
 *    not "á" or "ế", so it cuts "tế" to "t" and "xã" to "x" (Material drops
 *    it unless `pipeline:` lists "trimmer"); without any trimmer, Material's
 *    tokenizer (it splits on spaces and "-") indexes "tế," and “đột.
 *  - Material makes every query word a prefix and boosts titles 1000×, so
 *    "ho tich" ranks every title with "hội", "hoạt", "hóa" above "hộ tịch".
 */
;(function (lunr) {
  "use strict"
  if (!lunr || !lunr.vi || lunr.vi.folding) return

  const MARKS = /[\u0300-\u036f]/g                        // combining diacritics
  const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu  // punctuation at the ends
  const PHRASE = 1e6, TITLE = 100                         // see search() below

  /* A word as written: NFC, lowercase ("Tu\u0301y" and "Túy" → "túy"). */
  const exact = word => word.normalize("NFC").toLowerCase()

  /* A word as typed without diacritics: "Đột" → "dot". */
  const fold = word =>
    exact(word).normalize("NFD").replace(MARKS, "").replace(/đ/g, "d")

  /* ---------------------------------------------------------------- index */

  /* 1st step: NFC, lowercase, strip punctuation at the ends (“đột, tế; →
   * đột, tế) so the stop word filter and queries see the bare word. The
   * word's position (for highlighting) lives in the token metadata. */
  lunr.vi.normalize = token =>
    token.update(word => exact(word).replace(EDGES, ""))

  /* Last step: index every accented word twice, as written and folded. Both
   * tokens share the metadata, so a folded match highlights the original. */
  lunr.vi.fold = token => {
    const word = token.toString()
    if (!word) return undefined                        // was punctuation only
    const folded = fold(word)
    return folded === word ? token : [token, token.clone(() => folded)]
  }

  lunr.Pipeline.registerFunction(lunr.vi.normalize, "normalize-vi")
  lunr.Pipeline.registerFunction(lunr.vi.fold, "fold-vi")
  if (!lunr.vi.stopWordFilter.label)                   // lunr.vi forgot it and
    lunr.Pipeline.registerFunction(                    // lunr warned about it
      lunr.vi.stopWordFilter, "stopWordFilter-vi")

  /* Material calls `this.use(lunr.vi)` and then removes lunr.vi.trimmer etc.
   * unless the config's `pipeline:` lists them, so keep lunr.vi's properties.
   * The stop word filter sits before fold, so "mà" is dropped rather than
   * indexed as "ma". Emptying the search pipeline removes the stemmer; query
   * words are handled in Query#clause instead, because Material appends "*"
   * to almost every word and lunr skips the search pipeline for those. */
  const vi = lunr.vi
  lunr.vi = function () {
    this.pipeline.reset()
    this.pipeline.add(vi.normalize, vi.stopWordFilter, vi.fold)
    this.searchPipeline.reset()
  }
  Object.assign(lunr.vi, vi, { folding: true })

  /* Keep the index the worker builds, to look query words up in it. */
  let index
  const build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    return (index = build.apply(this, arguments))
  }

  /* ---------------------------------------------------------------- query */

  /* Every query clause passes here: lunr's, and the copy Material parses to
   * mark which words matched. A word typed without diacritics is already
   * folded, so it hits the folded entries, i.e. every accented spelling. A
   * word with diacritics (NFC or NFD) stays exact, so "mã" does not find
   * "ma"; only if nothing in the index matches it (other tone placement
   * "hoà"/"hòa", partial diacritics "đat") is it folded as well. */
  const clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (c) {
    const query = clause.apply(this, arguments)        // adds "*" wildcards
    if (typeof c.term === "string") {
      const term = exact(c.term), folded = fold(term)
      c.term = folded === term || !index ||
        index.tokenSet.intersect(lunr.TokenSet.fromString(term)).toArray().length
        ? term : folded
    }
    return query
  }

  /* Does an index term match a (final) query word? "ho*" is a prefix. */
  const matcher = word => {
    const prefix = word.endsWith("*"), bare = word.replace(/\*/g, "")
    return term => prefix ? term.startsWith(bare) : term === bare
  }

  /* Replaces lunr's Index#search (parse + query), which Material calls:
   *  1. Only the last word, the one being typed, stays a prefix: Vietnamese
   *     words are short syllables and "ho*" is "hội", "hoạt", "hóa"… A "*"
   *     the reader typed ("ho*", which Material turns into "ho**") is kept.
   *  2. Syllables mean little alone ("hợp", "tác", "xã" are everywhere), the
   *     phrase "hợp tác xã" means a lot, and Material's 1000× title boost
   *     puts any title with "xã" first. So results where consecutive query
   *     words stand next to each other rank by: how many such pairs (each
   *     pair found is a PHRASE× tier), then how often, a title counting
   *     TITLE times, then lunr's score. Others keep lunr's score.
   *  3. A prefix without diacritics can match both entries of one word
   *     ("tuy*" → "tuyển", "tuyen"), which would report its position twice;
   *     Material would then nest <mark> in <mark> and break the snippet.
   *     (The metadata objects can be the index's own: never mutate them.) */
  lunr.Index.prototype.search = function (text) {
    let words = []
    const results = this.query(query => {
      new lunr.QueryParser(text, query).parse()
      query.clauses.slice(0, -1).forEach(c => {              // 1.
        if (c.term.endsWith("*")) c.term = c.term.slice(0, -1)
      })
      words = query.clauses.map(c =>
        c.presence === lunr.Query.presence.PROHIBITED ? null : matcher(c.term))
    })
    results.forEach(result => {
      const metadata = result.matchData.metadata, fields = {}
      for (const term of Object.keys(metadata))
        for (const field of Object.keys(metadata[term])) {
          const data = metadata[term][field]
          if (!data.position) continue
          const f = fields[field] ||
            (fields[field] = { seen: new Set(), at: words.map(() => new Set()) })
          words.forEach((match, i) => {
            if (match && match(term)) data.position.forEach(p => f.at[i].add(p))
          })
          metadata[term][field] = {                          // 3. copy: lunr
            ...data,                                         // may share it
            position: data.position.filter(p => !f.seen.has(p) && f.seen.add(p))
          }
        }
      let tier = 0, hits = 0                                 // 2.
      for (let i = 1; i < words.length; i++) {
        let found = 0
        for (const [field, f] of Object.entries(fields))
          for (const p of f.at[i - 1])
            if (f.at[i].has(p + 1)) {
              found = 1
              hits += field === "title" ? TITLE : 1
            }
        tier += found
      }
      if (tier)                                              // (40: finite)
        result.score = PHRASE ** Math.min(tier, 40) * (hits + result.score / PHRASE)
    })
    return results.sort((a, b) => b.score - a.score)
  }
})(self.lunr)
