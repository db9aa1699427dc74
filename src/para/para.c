/* para.c — the engine's entry: a paragraph in, lines out, cached by
 * (text, attributes, style, width) per font map; the breaker's tunables;
 * the text dump the layout goldens compare. */
#include <stdio.h>
#include <string.h>
#include "para/para-private.h"

/* TeX's plain values, but for a dearer hyphen: narrow columns hyphenate
 * less when a break inside a word costs as much as a loose line. */
const ParaTune para_tune = {
  .line_penalty = 10,
  .hyphen_penalty = 1500,
  .ex_hyphen_penalty = 50,
  .joint_factor = 0.4,
  .double_hyphen_demerits = 10000,
  .final_hyphen_demerits = 5000,
  .adj_demerits = 10000,
  .pretolerance = 100,
  .tolerance = 2700,
  .emergency_stretch_em = 1.5,
  .ragged_stretch_em = 3,
  .loose_gap = 2.5,
  /* letters spaced by up to 3 % of their width, once word spaces have
   * opened to ratio 1.75 (about 1.9 × their own width): in a 75-letter line
   * that is some 9 pt more room, one word's difference, where 3 % is not
   * seen. Not sooner: each spaced letter is placed on its own in the PDF
   * (cairo writes a number for each in its TJ arrays), and at ratio 1 so
   * many lines took it that files grew 2-8 % (2026-12: ×23 example 616,760
   * B at 1, 602,731 at 1.75, 568,767 with none); 1.75 keeps the hyphen
   * counts of ratio 1 in every input and arrangement, 2 does not
   * (briefing: 8 → 10 of 49 lines). */
  .tracking = 0.03,
  .tracking_after = 1.75,
  /* off: a stop set half-width keeps its full-width box in the PDF's font
   * widths, so text extraction (and pdf-lint) sees the line stick out and
   * every other line of the column short. Measured on (2026-12): at 0.5 em
   * one line of every input and arrangement took it (other-author,
   * parallel: a line that otherwise shrinks its glue by a third, ratio
   * -0.31), and that line's box stood 2.2 pt past the column, so three
   * flush lines read as ragged. Right would be a half-width glyph of its
   * own in the PDF (a second CID of the same glyph, W 500); until then the
   * glue's shrink does the same work. */
  .stop_hang = 0,
  .name_demerits = 1e11,     /* dearer than any line the last pass can set: parted only when wider */
  .last_word_demerits = 5e8,
  .last_resort_demerits = 1e12,
  .space_stretch = 0.5,
  .space_shrink = 1.0 / 3,
};

#define PARA_MAX_PT 500.0     /* a line that still fits on a page */

static GMutex cache_lock;
static const char cache_key[] = "dossier-para-cache";
/* Bounded, as the style sheet's cache is: a result holds its paragraph's
 * lines, and a long document of paragraphs each set once would otherwise
 * keep a second copy of all its text (issue 9: memory flat in pages). */
#define PARA_CACHE_MAX 1024

/* The cache's key: what para_compute reads of the run and the style, held
 * as values, not printed. A lookup key points into the caller's run; a
 * stored key owns copies. The hash mixes the text, every attribute's type
 * and range (and its value for the common types) and the style fields;
 * key_equal compares all of them in full, so two keys that collide in
 * the hash never share a result. (It was a string of the text,
 * pango_attr_list_to_string and a printf of the fields, built on every
 * call: 5 % of the layout stage.) */
typedef struct {
  char *text;
  PangoAttrList *attrs;
  GPtrArray *attr_seq;        /* the attributes of attrs in order (stored keys only) */
  GArray *links;              /* of TextLink; only start and end are read */
  const char *font_family;    /* "" for none */
  double font_size, line_height, text_indent, letter_spacing, width;
  int font_weight, text_align, hyphenate_limit[3];
  gboolean font_italic;
  guint hash;
} ParaKey;

static guint
mix (guint h, guint v)
{
  return (h ^ v) * 16777619u;   /* FNV-1a's step on a whole word */
}

static guint
mix_double (guint h, double d)
{
  guint64 bits;
  memcpy (&bits, &d, sizeof bits);
  return mix (mix (h, (guint) bits), (guint) (bits >> 32));
}

/* Hashes an attribute's type, range and, for the types the text stage
 * sets, its value; the others are told apart by key_equal alone. */
static gboolean
hash_attr (PangoAttribute *a, gpointer data)
{
  guint *h = data;
  PangoAttrType type = a->klass->type;
  *h = mix (mix (mix (*h, (guint) type), a->start_index), a->end_index);
  switch (type) {
  case PANGO_ATTR_STYLE:
  case PANGO_ATTR_WEIGHT:
  case PANGO_ATTR_UNDERLINE:
    *h = mix (*h, (guint) ((PangoAttrInt *) a)->value);
    break;
  case PANGO_ATTR_LANGUAGE:
    *h = mix (*h, g_str_hash (pango_language_to_string (((PangoAttrLanguage *) a)->value)));
    break;
  case PANGO_ATTR_FONT_DESC:
    *h = mix (*h, pango_font_description_hash (((PangoAttrFontDesc *) a)->desc));
    break;
  default:
    break;
  }
  return FALSE;                 /* pango_attr_list_filter: keep it in the list */
}

static gboolean
collect_attr (PangoAttribute *a, gpointer data)
{
  g_ptr_array_add (data, a);
  return FALSE;
}

typedef struct {
  const GPtrArray *seq;
  guint i;
  gboolean same;
} AttrCompare;

static gboolean
compare_attr (PangoAttribute *a, gpointer data)
{
  AttrCompare *c = data;
  if (!c->same)
    return FALSE;
  const PangoAttribute *b = c->i < c->seq->len ? g_ptr_array_index (c->seq, c->i) : NULL;
  c->i++;
  c->same = b && a->start_index == b->start_index && a->end_index == b->end_index
            && pango_attribute_equal (a, b);
  return FALSE;
}

static void
key_fill (ParaKey *k, const TextRun *run, const StyleComputed *st, double width)
{
  *k = (ParaKey) {
    .text = run->text, .attrs = run->attrs, .links = run->links,
    .font_family = st->font_family ? st->font_family : "",
    .font_size = st->font_size, .line_height = st->line_height,
    .text_indent = st->text_indent, .letter_spacing = st->letter_spacing, .width = width,
    .font_weight = st->font_weight, .text_align = (int) st->text_align,
    .hyphenate_limit = { st->hyphenate_limit[0], st->hyphenate_limit[1],
                         st->hyphenate_limit[2] },
    .font_italic = st->font_italic,
  };
  guint h = mix (g_str_hash (k->text), g_str_hash (k->font_family));
  if (k->attrs)
    pango_attr_list_filter (k->attrs, hash_attr, &h);
  h = mix_double (mix_double (mix_double (h, k->font_size), k->line_height), k->text_indent);
  h = mix_double (mix_double (h, k->letter_spacing), k->width);
  h = mix (mix (mix (h, (guint) k->font_weight), (guint) k->text_align), (guint) k->font_italic);
  for (int i = 0; i < 3; i++)
    h = mix (h, (guint) k->hyphenate_limit[i]);
  for (guint i = 0; i < k->links->len; i++) {
    const TextLink *l = &g_array_index (k->links, TextLink, i);
    h = mix (mix (h, (guint) l->start), (guint) l->end);
  }
  k->hash = h;
}

/* A stored copy of a lookup key: nothing of the caller's run kept. */
static ParaKey *
key_copy (const ParaKey *k)
{
  ParaKey *c = g_new (ParaKey, 1);
  *c = *k;
  c->text = g_strdup (k->text);
  c->font_family = g_strdup (k->font_family);
  c->attrs = pango_attr_list_copy (k->attrs);
  if (!c->attrs)
    c->attrs = pango_attr_list_new ();
  c->attr_seq = g_ptr_array_new ();
  pango_attr_list_filter (c->attrs, collect_attr, c->attr_seq);
  c->links = g_array_sized_new (FALSE, FALSE, sizeof (TextLink), k->links->len);
  for (guint i = 0; i < k->links->len; i++) {
    TextLink l = { g_array_index (k->links, TextLink, i).start,
                   g_array_index (k->links, TextLink, i).end, NULL };
    g_array_append_val (c->links, l);
  }
  return c;
}

static void
key_free (gpointer data)
{
  ParaKey *k = data;
  g_free (k->text);
  g_free ((char *) k->font_family);
  g_ptr_array_unref (k->attr_seq);
  pango_attr_list_unref (k->attrs);
  g_array_unref (k->links);
  g_free (k);
}

static guint
key_hash (gconstpointer k)
{
  return ((const ParaKey *) k)->hash;
}

/* One of the two is a stored key (GLib passes the stored one first, but
 * that is not promised): its attr_seq is what the other's list is read
 * against. */
static gboolean
key_equal (gconstpointer pa, gconstpointer pb)
{
  const ParaKey *a = pa, *b = pb;
  if (!b->attr_seq) {
    const ParaKey *t = a;
    a = b, b = t;
  }
  if (a->hash != b->hash || strcmp (a->text, b->text) != 0
      || strcmp (a->font_family, b->font_family) != 0 || a->font_size != b->font_size
      || a->line_height != b->line_height || a->text_indent != b->text_indent
      || a->letter_spacing != b->letter_spacing || a->width != b->width
      || a->font_weight != b->font_weight || a->text_align != b->text_align
      || a->font_italic != b->font_italic
      || memcmp (a->hyphenate_limit, b->hyphenate_limit, sizeof a->hyphenate_limit) != 0
      || a->links->len != b->links->len)
    return FALSE;
  for (guint i = 0; i < a->links->len; i++) {
    const TextLink *la = &g_array_index (a->links, TextLink, i);
    const TextLink *lb = &g_array_index (b->links, TextLink, i);
    if (la->start != lb->start || la->end != lb->end)
      return FALSE;
  }
  AttrCompare c = { b->attr_seq, 0, TRUE };
  if (a->attrs)
    pango_attr_list_filter (a->attrs, compare_attr, &c);
  return c.same && c.i == b->attr_seq->len;
}

static void
line_free (gpointer data)
{
  ParaLine *l = data;
  g_ptr_array_unref (l->runs);
  g_array_unref (l->links);
  g_free (l->text);
  g_free (l);
}

static ParaResult *
para_compute (PangoContext *pctx, const TextRun *run, const StyleComputed *st, double width)
{
  Para p = { 0 };
  /* sizes past any page (a hostile style's 1e30pt) are set as the largest
   * a line that still fits on a page: Pango's sizes are ints of 1/1024 pt,
   * and a line below the page would not be drawn */
  StyleComputed own = *st;
  own.font_size = CLAMP (own.font_size, 0, PARA_MAX_PT);
  own.line_height = CLAMP (own.line_height, 0, PARA_MAX_PT);
  own.letter_spacing = CLAMP (own.letter_spacing, -PARA_MAX_PT, PARA_MAX_PT);
  own.text_indent = CLAMP (own.text_indent, -PARA_MAX_PT, PARA_MAX_PT);
  st = &own;
  width = CLAMP (width, 1, 100 * PARA_MAX_PT);
  p.st = st;
  p.width = width;
  p.indent = st->text_indent;
  p.justify = st->text_align == STYLE_ALIGN_JUSTIFY;
  PangoLanguage *lang = NULL;
  PangoAttrIterator *it = pango_attr_list_get_iterator (run->attrs);
  PangoAttribute *la = pango_attr_iterator_get (it, PANGO_ATTR_LANGUAGE);
  if (la)
    lang = ((PangoAttrLanguage *) la)->value;
  pango_attr_iterator_destroy (it);
  p.chinese = lang && model_lang_is_chinese (pango_language_to_string (lang));
  /* Chinese is set solid: a left-aligned paragraph still fills its lines
   * (clreq 3.8), only its last line stays short */
  if (p.chinese && st->text_align == STYLE_ALIGN_LEFT)
    p.justify = TRUE;
  p.limit_word = st->hyphenate_limit[0];
  p.limit_before = st->hyphenate_limit[1];
  p.limit_after = st->hyphenate_limit[2];
  para_prepare_text (&p, run);
  para_shape (&p, pctx, run);
  para_find_breaks (&p);
  para_prefix_sums (&p);
  if (g_getenv ("DOSSIER_PARA_DEBUG")) {
    GString *s = g_string_new (NULL);
    guint bi = 0;
    for (guint k = 0; k < p.clusters->len; k++) {
      const ParaCluster *c = &g_array_index (p.clusters, ParaCluster, k);
      while (bi < p.breaks->len && g_array_index (p.breaks, ParaBreak, bi).at < (int) k)
        bi++;
      if (bi < p.breaks->len && g_array_index (p.breaks, ParaBreak, bi).at == (int) k)
        g_string_append_c (s, "_-=|o!$#"[g_array_index (p.breaks, ParaBreak, bi).kind]);
      g_string_append_len (s, p.text + c->start, c->end - c->start);
    }
    fprintf (stderr, "%s\n", s->str);
    g_string_free (s, TRUE);
  }
  g_autoptr (GArray) chosen = para_break_lines (&p, &p.tracked);
  ParaResult *res = para_set_lines (&p, chosen);
  g_ptr_array_set_free_func (res->lines, line_free);
  para_free_shaped (&p);
  return res;
}

ParaResult *
para_set (PangoContext *pctx, const TextRun *run, const StyleComputed *st, double width)
{
  g_return_val_if_fail (pctx && run && st, NULL);
  PangoFontMap *map = pango_context_get_font_map (pctx);
  ParaKey key;
  key_fill (&key, run, st, width);
  g_mutex_lock (&cache_lock);
  GHashTable *cache = g_object_get_data (G_OBJECT (map), cache_key);
  if (!cache) {
    cache = g_hash_table_new_full (key_hash, key_equal, key_free,
                                   (GDestroyNotify) para_result_unref);
    g_object_set_data_full (G_OBJECT (map), cache_key, cache,
                            (GDestroyNotify) g_hash_table_unref);
  }
  ParaResult *res = g_hash_table_lookup (cache, &key);
  if (res) {
    para_result_ref (res);
    g_mutex_unlock (&cache_lock);
    return res;
  }
  g_mutex_unlock (&cache_lock);
  res = para_compute (pctx, run, st, width);
  g_mutex_lock (&cache_lock);
  if (g_hash_table_size (cache) >= PARA_CACHE_MAX)
    g_hash_table_remove_all (cache);
  if (!g_hash_table_contains (cache, &key))
    g_hash_table_insert (cache, key_copy (&key), para_result_ref (res));
  g_mutex_unlock (&cache_lock);
  return res;
}

ParaResult *
para_result_ref (ParaResult *res)
{
  g_atomic_int_inc (&res->refs);
  return res;
}

void
para_result_unref (ParaResult *res)
{
  if (!res || !g_atomic_int_dec_and_test (&res->refs))
    return;
  g_ptr_array_unref (res->lines);
  g_array_unref (res->missing);
  g_ref_string_release (res->text);
  g_free (res);
}

double
para_line_baseline (const ParaResult *res, const ParaLine *line)
{
  return (res->line_height - (line->ascent + line->descent)) / 2 + line->ascent;
}

GPtrArray *
para_line_copy_runs (const ParaLine *line, double dx)
{
  GPtrArray *out = g_ptr_array_new_full (line->runs->len, (GDestroyNotify) text_glyph_run_free);
  for (guint i = 0; i < line->runs->len; i++) {
    const TextGlyphRun *r = g_ptr_array_index (line->runs, i);
    TextGlyphRun *c = g_new (TextGlyphRun, 1);
    *c = *r;
    c->x += dx;
    c->glyphs = g_memdup2 (r->glyphs, sizeof (TextGlyph) * (gsize) r->n_glyphs);
    c->clusters = g_memdup2 (r->clusters, sizeof (TextCluster) * (gsize) r->n_clusters);
    c->text = g_strdup (r->text);
    text_glyph_run_compact (c);   /* held with the page to the end: no plain clusters */
    g_ptr_array_add (out, c);
  }
  return out;
}

const char *
para_break_kind_name (ParaBreakKind kind)
{
  static const char *const names[] = { "space", "hyphen", "explicit", "cjk", "other",
                                       "forced", "end", "overfull" };
  return kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

char *
para_result_dump (const ParaResult *res)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < res->lines->len; i++) {
    const ParaLine *l = g_ptr_array_index (res->lines, i);
    g_string_append_printf (s, "%s | %.1f | %.3f | %s\n", l->text, l->width, l->ratio,
                            para_break_kind_name (l->brk));
  }
  return g_string_free (s, FALSE);
}
