/* rows.c — rows, tracks and units, fragments; the font of a style and the
 * check that a text's families cover it. Text itself is set by
 * paragraph.c. */
#include <math.h>
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

void
check_coverage (Ctx *ctx, const TextRun *run, const StyleComputed *st)
{
  CoverageCtx cc = { ctx, st->font_family ? st->font_family : "Noto Serif" };
  text_run_check_coverage (pango_context_get_font_map (ctx->pctx), run, cc.families,
                           report_coverage, &cc);
}

gboolean
frag_is_line (const LayoutFrag *f)
{
  return f->kind == LAYOUT_FRAG_TEXT || f->kind == LAYOUT_FRAG_GLYPHS;
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
