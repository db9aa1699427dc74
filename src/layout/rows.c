/* rows.c — rows, tracks and units, and text laid out by Pango into rows. */
#include <math.h>
#include <pango/pangocairo.h>
#include "layout/layout-private.h"

Row *
row_new (double height)
{
  Row *r = g_new0 (Row, 1);
  r->height = height;
  r->lang = -1;
  r->frags = g_ptr_array_new_with_free_func (frag_free);
  return r;
}

void
row_free (gpointer p)
{
  Row *r = p;
  g_ptr_array_unref (r->frags);
  g_free (r);
}

Track *
track_new (void)
{
  Track *t = g_new0 (Track, 1);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  return t;
}

void
track_free (gpointer p)
{
  Track *t = p;
  g_ptr_array_unref (t->rows);
  g_free (t);
}

double
track_height (const Track *t)
{
  double h = 0;
  for (guint i = 0; i < t->rows->len; i++)
    h += ((Row *) g_ptr_array_index (t->rows, i))->height;
  return h;
}

Unit *
unit_new (void)
{
  Unit *u = g_new0 (Unit, 1);
  u->role = "P";
  u->group = -1;
  u->tracks = g_ptr_array_new_with_free_func (track_free);
  return u;
}

void
unit_free (gpointer p)
{
  Unit *u = p;
  g_ptr_array_unref (u->tracks);
  g_free (u->outline_title);
  g_free (u->anchor);
  g_free (u->string_name);
  g_free (u->string_value);
  g_free (u->alt);
  g_free (u);
}

double
unit_height (const Unit *u)
{
  double h = 0;
  for (guint i = 0; i < u->tracks->len; i++)
    h = MAX (h, track_height (g_ptr_array_index (u->tracks, i)));
  return h;
}

LayoutFrag *
frag_new (LayoutFragKind kind)
{
  LayoutFrag *f = g_new0 (LayoutFrag, 1);
  f->kind = kind;
  f->color.a = 1;
  f->tag = -1;
  f->group = -1;
  f->lang_index = -1;
  return f;
}

LayoutFrag *
frag_copy (const LayoutFrag *f, double dx, double dy)
{
  LayoutFrag *c = g_new (LayoutFrag, 1);
  *c = *f;
  c->x += dx;
  c->y += dy;
  if (c->layout)
    g_object_ref (c->layout);
  if (c->runs)
    g_ptr_array_ref (c->runs);
  if (c->para)
    g_ref_string_acquire (c->para);
  c->uri = g_strdup (f->uri);
  c->dest = g_strdup (f->dest);
  return c;
}

void
frag_free (gpointer p)
{
  LayoutFrag *f = p;
  if (f->layout)
    g_object_unref (f->layout);
  if (f->runs)
    g_ptr_array_unref (f->runs);
  if (f->para)
    g_ref_string_release (f->para);
  g_free (f->uri);
  g_free (f->dest);
  g_free (f);
}

PangoFontDescription *
style_font (const StyleComputed *st)
{
  PangoFontDescription *fd = pango_font_description_new ();
  pango_font_description_set_family (fd, st->font_family ? st->font_family : "Noto Serif");
  pango_font_description_set_size (fd, (int) lround (st->font_size * PANGO_SCALE));
  pango_font_description_set_weight (fd, (PangoWeight) st->font_weight);
  pango_font_description_set_style (fd, st->font_italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return fd;
}

typedef struct {
  Ctx *ctx;
  const char *families;
} CoverageCtx;

/* A character set from a font the style did not name: a warning at its
 * place in the input (an error under --strict), once. */
static void
report_coverage (gunichar c, const char *face, guint n_more, gpointer data)
{
  CoverageCtx *cc = data;
  Ctx *ctx = cc->ctx;
  char utf8[8] = { 0 };
  g_unichar_to_utf8 (c, utf8);
  int l = ctx->loc_line, col = ctx->loc_column;
  model_find_char (ctx->file, ctx->loc_line, ctx->loc_column, c, &l, &col);
  g_autofree char *others = n_more == 0 ? g_strdup ("")
                            : n_more == 1 ? g_strdup (", nor is 1 other character of this text")
                            : g_strdup_printf (", nor are %u other characters of this text",
                                               n_more);
  g_autofree char *msg = g_strdup_printf (
      "the character '%s' (U+%04X) is in none of the families named for it (%s)%s: it is "
      "set from %s (name a family that has it in the style, or add a font)",
      g_unichar_isprint (c) ? utf8 : "", c, cc->families, others, face);
  for (guint k = 0; k < diag_list_length (ctx->diags); k++) {
    const Diag *d = diag_list_get (ctx->diags, k);
    if (d->line == l && d->column == col && g_strcmp0 (d->message, msg) == 0)
      return;                   /* laid out again: said once */
  }
  diag_warning (ctx->diags, ctx->file, l, col, "%s", msg);
}

PangoLayout *
make_layout (Ctx *ctx, const TextRun *run, const StyleComputed *st, double width)
{
  CoverageCtx cc = { ctx, st->font_family ? st->font_family : "Noto Serif" };
  text_run_check_coverage (pango_context_get_font_map (ctx->pctx), run, cc.families,
                           report_coverage, &cc);
  PangoLayout *layout = pango_layout_new (ctx->pctx);
  g_autoptr (PangoFontDescription) fd = style_font (st);
  pango_layout_set_font_description (layout, fd);
  pango_layout_set_text (layout, run->text, -1);
  PangoAttrList *attrs = pango_attr_list_copy (run->attrs);
  /* Every line gets the same height, so the two languages keep a steady
   * rhythm and rows can be counted for widows and orphans. */
  PangoAttribute *lh = pango_attr_line_height_new_absolute ((int) lround (st->line_height * PANGO_SCALE));
  pango_attr_list_insert_before (attrs, lh);
  if (st->letter_spacing != 0)
    pango_attr_list_insert_before (attrs,
        pango_attr_letter_spacing_new ((int) lround (st->letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int) lround (st->text_indent * PANGO_SCALE));
  switch (st->text_align) {
  case STYLE_ALIGN_JUSTIFY:
    pango_layout_set_justify (layout, TRUE);
    break;
  case STYLE_ALIGN_CENTER:
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    break;
  case STYLE_ALIGN_RIGHT:
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    break;
  case STYLE_ALIGN_LEFT:
    break;
  }
  check_glyphs (ctx, layout, ctx->loc_line, ctx->loc_column);
  return layout;
}

/* LINK fragments for the parts of run's links on one line. */
static void
add_line_links (Ctx *ctx, Row *row, PangoLayoutLine *line, const TextRun *run, double x,
                double line_x, double top, double height)
{
  for (guint i = 0; run && i < run->links->len; i++) {
    const TextLink *l = &g_array_index (run->links, TextLink, i);
    if (l->end <= line->start_index || l->start >= line->start_index + line->length)
      continue;
    int *ranges = NULL, n = 0;
    pango_layout_line_get_x_ranges (line, MAX (l->start, line->start_index),
                                    MIN (l->end, line->start_index + line->length), &ranges, &n);
    for (int k = 0; k < n; k++) {
      LayoutFrag *f = frag_new (LAYOUT_FRAG_LINK);
      f->x = x + line_x + ranges[2 * k] / (double) PANGO_SCALE;
      f->w = (ranges[2 * k + 1] - ranges[2 * k]) / (double) PANGO_SCALE;
      f->y = top;
      f->h = height;
      /* "#id" (checked by the model: a section's id) goes to that section
       * in this part's language; anything else is an allowed URI */
      if (l->href[0] == '#')
        f->dest = g_strdup_printf ("%s%s-sec-%s", ctx->anchor_prefix, ctx->part.langs[0],
                                   l->href + 1);
      else
        f->uri = g_strdup (l->href);
      g_ptr_array_add (row->frags, f);
    }
    g_free (ranges);
  }
}

/* Does line end where a word was broken (a soft hyphen or a hyphen)? */
static gboolean
line_ends_hyphenated (PangoLayout *layout, PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  int end = line->start_index + line->length;
  if (line->length >= 2 && (guchar) text[end - 2] == 0xc2 && (guchar) text[end - 1] == 0xad)
    return TRUE;
  return line->length >= 1 && text[end - 1] == '-';
}

static gboolean
line_ends_soft_hyphen (PangoLayout *layout, PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  int end = line->start_index + line->length;
  return line->length >= 2 && (guchar) text[end - 2] == 0xc2 && (guchar) text[end - 1] == 0xad;
}

static int
line_spaces (PangoLayout *layout, PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  int n = 0;
  for (int i = line->start_index; i < line->start_index + line->length; i++)
    n += text[i] == ' ';
  return n;
}

/* One word, no space, no Chinese: a line that justification would
 * letter-space. */
static gboolean
single_western_word (PangoLayout *layout, PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  const char *p = text + line->start_index, *end = p + line->length;
  while (end > p && (end[-1] == ' ' || end[-1] == '\n'))
    end--;
  if (end == p)
    return FALSE;
  for (; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ' ' || c == 0xa0 || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
        g_unichar_iswide (c))
      return FALSE;
  }
  return TRUE;
}

/* Where to undo a hyphenation so that no three lines in a row end
 * hyphenated: the byte index of the soft hyphen of the last such line of
 * the first run of three (a run may end in a real hyphen, "US-", which
 * stays: then one before it goes), or -1. */
static int
third_hyphenated_line (PangoLayout *layout)
{
  int run = 0, n = pango_layout_get_line_count (layout);
  for (int i = 0; i + 1 < n; i++) {
    PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
    run = line_ends_hyphenated (layout, line) ? run + 1 : 0;
    if (run < 3)
      continue;
    for (int k = i; k > i - 3; k--) {
      PangoLayoutLine *l = pango_layout_get_line_readonly (layout, k);
      if (line_ends_soft_hyphen (layout, l))
        return l->start_index + l->length - 2;
    }
  }
  return -1;
}

void
track_add_layout (Ctx *ctx, Track *t, PangoLayout *layout, const TextRun *run, double x,
                  double width, StyleColor color, const StyleComputed *st, int line, int column)
{
  int para = ++ctx->para_counter;
  int n_lines = pango_layout_get_line_count (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;
  PangoLayout *ragged = NULL;   /* the layout unjustified, made when needed */
  gboolean reported = FALSE;
  do {
    int y0, y1;
    PangoRectangle logical;
    pango_layout_iter_get_line_yrange (iter, &y0, &y1);
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    int baseline = pango_layout_iter_get_baseline (iter);
    Row *row = row_new ((y1 - y0) / (double) PANGO_SCALE);
    row->para = para;
    row->line = index;
    row->n_lines = n_lines;
    row->widows = st ? st->widows : 1;
    row->orphans = st ? st->orphans : 1;
    row->hyphenated = line_ends_hyphenated (layout, pango_layout_iter_get_line_readonly (iter));
    LayoutFrag *f = frag_new (LAYOUT_FRAG_TEXT);
    f->layout = g_object_ref (layout);
    f->line = index;
    f->x = x + logical.x / (double) PANGO_SCALE;
    f->y = (baseline - y0) / (double) PANGO_SCALE;
    f->w = logical.width / (double) PANGO_SCALE;
    f->h = row->height;
    f->color = color;
    g_ptr_array_add (row->frags, f);
    /* A justified line of one word has no space to stretch, and Pango
     * letter-spaces it across the column: set it ragged instead, from the
     * same layout unjustified (line breaks do not depend on justification). */
    if (st && st->text_align == STYLE_ALIGN_JUSTIFY && index + 1 < n_lines &&
        single_western_word (layout, pango_layout_iter_get_line_readonly (iter))) {
      if (!ragged) {
        ragged = pango_layout_copy (layout);
        pango_layout_set_justify (ragged, FALSE);
      }
      PangoLayoutLine *rl = pango_layout_get_line_readonly (ragged, index);
      PangoRectangle rlog;
      pango_layout_line_get_extents (rl, NULL, &rlog);
      g_object_unref (f->layout);
      f->layout = g_object_ref (ragged);
      f->w = rlog.width / (double) PANGO_SCALE;
    }
    if (run)
      add_line_links (ctx, row, pango_layout_iter_get_line_readonly (iter), run, x,
                      logical.x / (double) PANGO_SCALE, 0, row->height);
    /* Pango justifies a line that ends in a hyphen without the hyphen's
     * width, so it sticks out a little (platform-notes.md): take that out
     * of the line's word spaces when it is drawn. */
    double over = (logical.x + logical.width) / (double) PANGO_SCALE - width;
    PangoLayoutLine *pl = pango_layout_iter_get_line_readonly (iter);
    if (over > 0 && over < st->font_size && st->text_align == STYLE_ALIGN_JUSTIFY &&
        line_ends_hyphenated (layout, pl) && line_spaces (layout, pl) > 0) {
      f->squeeze = over;
      f->w -= over;
      over = 0;
    }
    /* Nothing may be drawn outside its box: a line that Pango could not
     * break to the width (a very long word) is reported, with its place. */
    if (over > 0.5 && !reported) {
      diag_warning (ctx->diags, ctx->file, line, column,
                    "a line is %.1f pt wider than its column (%.1f pt)",
                    (logical.x + logical.width) / (double) PANGO_SCALE - width, width);
      reported = TRUE;
    }
    g_ptr_array_add (t->rows, row);
    index++;
  } while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (ragged)
    g_object_unref (ragged);
}

void
check_glyphs (Ctx *ctx, PangoLayout *layout, int line, int column)
{
  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  do {
    PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
    for (int i = 0; run && i < run->glyphs->num_glyphs; i++) {
      PangoGlyph g = run->glyphs->glyphs[i].glyph;
      if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
        continue;
      gunichar c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (c));
      char utf8[8] = { 0 };
      g_unichar_to_utf8 (c, utf8);
      int l = line, col = column;
      model_find_char (ctx->file, line, column, c, &l, &col);
      /* an empty box in print is a mistake nobody would see in time */
      diag_error (ctx->diags, ctx->file, l, col,
                  "the character '%s' (U+%04X) is in none of the fonts of this style",
                  g_unichar_isprint (c) ? utf8 : "", c);
    }
  } while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

double
track_add_text (Ctx *ctx, Track *t, const TextRun *run, const StyleComputed *st, double x,
                double width, gboolean missing, int line, int column)
{
  PangoLayout *layout = make_layout (ctx, run, st, width);
  /* At most two hyphenated lines in a row where avoidable: undo the
   * third's soft hyphens and lay the paragraph out again. */
  g_autoptr (TextRun) own = NULL;
  for (int tries = 0; tries < 8; tries++) {
    int index = third_hyphenated_line (layout);
    if (index < 0)
      break;
    if (!own)
      own = text_run_copy (run);
    if (!text_run_unhyphenate_at (own, index))
      break;
    g_object_unref (layout);
    layout = make_layout (ctx, own, st, width);
  }
  track_add_layout (ctx, t, layout, own ? own : run, x, width,
                    missing ? st->missing_color : st->color, st, line, column);
  int h;
  pango_layout_get_size (layout, NULL, &h);
  g_object_unref (layout);
  return h / (double) PANGO_SCALE;
}

void
track_add_space (Track *t, double height)
{
  if (height <= 0)
    return;
  Row *r = row_new (height);
  r->spacer = TRUE;
  g_ptr_array_add (t->rows, r);
}

void
track_decorate (Track *t, guint from, const StyleComputed *st, double x, double width)
{
  for (guint i = from; i < t->rows->len; i++) {
    Row *r = g_ptr_array_index (t->rows, i);
    if (st->background_color.a > 0) {
      LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
      f->x = x;
      f->w = width;
      f->h = r->height;
      f->color = st->background_color;
      g_ptr_array_insert (r->frags, 0, f);
    }
    if (st->border_width[STYLE_LEFT] > 0) {
      LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
      f->x = x;
      f->w = st->border_width[STYLE_LEFT];
      f->h = r->height;
      f->color = st->border_color[STYLE_LEFT];
      g_ptr_array_add (r->frags, f);
    }
  }
}

void
track_add_edge (Track *t, const StyleComputed *st, int side, double x, double width)
{
  double bw = st->border_width[side];
  double h = st->padding[side] + bw;
  if (h <= 0)
    return;
  Row *r = row_new (h);
  /* padding, unlike a margin, is kept at a page top (as in CSS) */
  r->keep_with_next = side == STYLE_TOP;
  if (bw > 0) {
    LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
    f->x = x;
    f->w = width;
    f->y = side == STYLE_TOP ? 0 : h - bw;
    f->h = bw;
    f->color = st->border_color[side];
    g_ptr_array_add (r->frags, f);
  }
  g_ptr_array_add (t->rows, r);
}
