/* lines.c — the lines the breaker chose, set as glyph runs: word spaces
 * and the glue between Chinese characters adjusted by the line's ratio,
 * compressed punctuation moved, a hyphen added to a broken word, and the
 * copy text of each run the clean text of its clusters (no soft hyphens,
 * no joiners). */
#include <string.h>
#include "para/para-private.h"

typedef struct {
  const Para *p;
  ParaLine *line;
  TextGlyphRun *run;          /* being filled */
  int run_item;
  GArray *glyphs;             /* of TextGlyph */
  GArray *clusters;           /* of TextCluster */
  GString *text;
  double pen;
} Setter;

static void
run_close (Setter *st)
{
  if (!st->run)
    return;
  TextGlyphRun *r = st->run;
  r->width = st->pen - r->x;
  r->n_glyphs = (int) st->glyphs->len;
  r->glyphs = (TextGlyph *) g_array_free (st->glyphs, FALSE);
  r->n_clusters = (int) st->clusters->len;
  r->clusters = (TextCluster *) g_array_free (st->clusters, FALSE);
  r->text = g_string_free (st->text, FALSE);
  if (r->n_glyphs == 0)
    text_glyph_run_free (r);
  else
    g_ptr_array_add (st->line->runs, r);
  st->run = NULL;
}

static void
run_open (Setter *st, int item)
{
  if (st->run && st->run_item == item)
    return;
  run_close (st);
  const ParaItem *it = &g_array_index (st->p->items, ParaItem, item);
  TextGlyphRun *r = g_new0 (TextGlyphRun, 1);
  r->face = it->face;
  r->size = it->size;
  r->x = st->pen;
  r->has_color = it->has_color;
  r->color = it->color;
  if (it->underline) {
    r->underline_position = it->underline_position;
    r->underline_thickness = it->underline_thickness;
  }
  st->run = r;
  st->run_item = item;
  st->glyphs = g_array_new (FALSE, FALSE, sizeof (TextGlyph));
  st->clusters = g_array_new (FALSE, FALSE, sizeof (TextCluster));
  st->text = g_string_new (NULL);
  st->line->ascent = MAX (st->line->ascent, it->ascent);
  st->line->descent = MAX (st->line->descent, it->descent);
}

/* One cluster at the pen, width w (its advance adjusted), its glyphs moved
 * left by shift. */
static void
put_cluster (Setter *st, const ParaCluster *c, double w, double shift)
{
  run_open (st, c->item);
  const ParaItem *it = &g_array_index (st->p->items, ParaItem, c->item);
  double gx = st->pen - st->run->x - shift;
  int n = 0;
  for (int g = c->g0; g < c->g1; g++) {
    const PangoGlyphInfo *gi = &it->glyphs->glyphs[g];
    if (gi->glyph != PANGO_GLYPH_EMPTY && c->kind != PARA_CL_NEWLINE) {
      TextGlyph tg = { gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG ? 0 : gi->glyph,
                       gx + gi->geometry.x_offset / (double) PANGO_SCALE,
                       gi->geometry.y_offset / (double) PANGO_SCALE };
      g_array_append_val (st->glyphs, tg);
      n++;
    }
    gx += gi->geometry.width / (double) PANGO_SCALE;
  }
  if (n > 0) {
    TextCluster tc = { c->end - c->start, n };
    g_array_append_val (st->clusters, tc);
    g_string_append_len (st->text, st->p->text + c->start, c->end - c->start);
  }
  st->pen += w;
}

static void
put_hyphen (Setter *st, int item)
{
  const ParaItem *it = &g_array_index (st->p->items, ParaItem, item);
  run_open (st, item);
  TextGlyph tg = { it->hyphen_glyph, st->pen - st->run->x, 0 };
  g_array_append_val (st->glyphs, tg);
  TextCluster tc = { 1, 1 };
  g_array_append_val (st->clusters, tc);
  g_string_append_c (st->text, '-');
  st->pen += it->hyphen_adv;
}

static void
line_links (const Para *p, ParaLine *line, int s, int e, const double *xs)
{
  for (guint i = 0; i < p->links->len; i++) {
    const TextLink *l = &g_array_index (p->links, TextLink, i);
    double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
    for (int k = s; k < e; k++) {
      const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, k);
      if (c->end <= l->start || c->start >= l->end)
        continue;
      x0 = MIN (x0, xs[k - s]);
      x1 = MAX (x1, xs[k - s + 1]);
    }
    if (x1 > x0) {
      ParaLinkSpan span = { x0, x1, (int) i };
      g_array_append_val (line->links, span);
    }
  }
}

static ParaLine *
set_line (const Para *p, int from, const ParaBreak *b, gboolean first, double *overfull)
{
  ParaLine *line = g_new0 (ParaLine, 1);
  line->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) text_glyph_run_free);
  line->links = g_array_new (FALSE, FALSE, sizeof (ParaLinkSpan));
  line->brk = b->kind;
  line->hyphenated = b->flagged;
  int s, e;
  para_line_span (p, from, b, &s, &e);
  double w, y, z;
  para_line_measure (p, s, e, b, &w, &y, &z);
  double letters = p->tracked ? para_tune.tracking * (p->sum_l[e] - p->sum_l[s]) : 0;
  double avail = p->width - (first ? p->indent : 0);
  gboolean last = b->kind == PARA_BREAK_END || b->kind == PARA_BREAK_FORCED;
  line->natural = w;
  /* a too-full line ending in a full-width stop sets it half-width first */
  double hang = 0;
  if (w > avail && b->hang > 0) {
    hang = MIN (b->hang, w - avail);
    w -= hang;
    z -= b->hang;
  }
  double r = 0, rl = 0;
  if (p->justify && w > avail)
    r = z > 0 ? MAX (-1, (avail - w) / z) : 0;
  else if (p->justify && !last && y > 0) {
    r = para_split_ratio (avail - w, y, letters, &rl);
    /* A German line that cannot be justified without a gaping word space
     * (the breaker takes one only where nothing else fits: a long name
     * after the first words of a paragraph) has its spaces opened to the
     * widest acceptable and the rest left at its end, as CSS Text 4 lets a
     * line that cannot be justified within its spacing limits fall back
     * to the start: a line ending a little short reads as a line, one with
     * holes between its words does not. */
    double most = (para_tune.loose_gap - 1) / para_tune.space_stretch;
    if (!p->chinese && r > most)
      r = most;
  }
  else if (p->justify && p->chinese && b->kind == PARA_BREAK_END && y > 0 &&
           avail - w < 1.25 * p->st->font_size && (avail - w) / y < 1)
    r = (avail - w) / y;    /* a Chinese last line short by less than an em: set flush */
  line->ratio = r;
  if (w + (r < 0 ? r * z : 0) > avail + 0.01)
    *overfull = MAX (*overfull, w + (r < 0 ? r * z : 0) - avail);
  Setter st = { p, line, NULL, -1, NULL, NULL, NULL, 0 };
  double *xs = g_new (double, e - s + 1);
  for (int k = s; k < e; k++) {
    const ParaCluster *c = &g_array_index (p->clusters, ParaCluster, k);
    if (k > s)
      st.pen += r > 0 ? r * (p->pair_y[k + 1] - p->pair_y[k]) : r * (p->pair_z[k + 1] - p->pair_z[k]);
    xs[k - s] = st.pen;
    double adj = r > 0 ? r * c->stretch : r * c->shrink;
    if (rl > 0 && c->kind == PARA_CL_TEXT)
      adj += rl * para_tune.tracking * c->adv;
    double cw = c->adv + adj;
    double shift = c->trim_left + (c->kind == PARA_CL_CJK_OPEN ? -adj : 0);
    if (k == e - 1 && hang > 0)
      cw -= hang;
    put_cluster (&st, c, cw, shift);
  }
  xs[e - s] = st.pen;
  if (b->kind == PARA_BREAK_HYPHEN && e > s)
    put_hyphen (&st, g_array_index (p->clusters, ParaCluster, e - 1).item);
  run_close (&st);
  line_links (p, line, s, e, xs);
  g_free (xs);
  line->width = st.pen;
  line->x = first ? p->indent : 0;
  double slack = avail - line->width;
  if (p->st->text_align == STYLE_ALIGN_CENTER)
    line->x += slack / 2;
  else if (p->st->text_align == STYLE_ALIGN_RIGHT)
    line->x += slack;
  if (line->ascent == 0 && line->descent == 0 && p->items->len > 0) {
    const ParaItem *it = &g_array_index (p->items, ParaItem, 0);
    line->ascent = it->ascent;
    line->descent = it->descent;
  }
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < line->runs->len; i++)
    g_string_append (text, ((TextGlyphRun *) g_ptr_array_index (line->runs, i))->text);
  line->text = g_string_free (text, FALSE);
  return line;
}

ParaResult *
para_set_lines (const Para *p, const GArray *chosen)
{
  ParaResult *res = g_new0 (ParaResult, 1);
  res->refs = 1;
  res->lines = g_ptr_array_new ();
  res->line_height = p->st->line_height;
  int from = 0;
  for (guint i = 0; i < chosen->len; i++) {
    const ParaBreak *b = &g_array_index (p->breaks, ParaBreak, g_array_index (chosen, int, i));
    g_ptr_array_add (res->lines, set_line (p, from, b, i == 0, &res->overfull));
    res->word_broken |= b->last_resort;
    from = b->at;
  }
  res->missing = g_array_copy (p->missing);
  res->text = g_ref_string_new_len (p->text, p->len);
  return res;
}
