/* paragraph.c — text set by the paragraph engine (src/para) into rows: one
 * row per line, each a GLYPHS fragment of glyph runs, with the links on it
 * and the characters no font has reported at their place in the input.
 * Widows and orphans stay per column: every row knows its paragraph. All
 * the text of layout goes through here (tiles, contents, running heads
 * too): no Pango layout is made, so nothing measures ink extents, and every
 * text gets the engine's German and Chinese rules. */
#include "layout/layout-private.h"
#include "para/para.h"

/* Each character no font has: an error at its place in the input (searched
 * from line:column, the element that holds it), once however often the text
 * is set (a tile's text is tried at several sizes). */
void
ctx_report_missing (Ctx *ctx, const GArray *missing, int line, int column)
{
  for (guint i = 0; i < missing->len; i++) {
    gunichar c = g_array_index (missing, gunichar, i);
    char utf8[8] = { 0 };
    g_unichar_to_utf8 (c, utf8);
    int l = line, col = column;
    model_find_char (ctx->file, line, column, c, &l, &col);
    /* an empty box in print is a mistake nobody would see in time */
    g_autofree char *msg = g_strdup_printf (
        "the character '%s' (U+%04X) is in none of the fonts of this style",
        g_unichar_isprint (c) ? utf8 : "", c);
    gboolean said = FALSE;
    for (guint k = 0; k < diag_list_length (ctx->diags) && !said; k++) {
      const Diag *d = diag_list_get (ctx->diags, k);
      said = d->line == l && d->column == col && g_strcmp0 (d->message, msg) == 0;
    }
    if (!said)
      diag_error (ctx->diags, ctx->file, l, col, "%s", msg);
  }
}

void
ctx_para_check (Ctx *ctx, const TextRun *run, const StyleComputed *st, const ParaResult *res)
{
  ctx_report_missing (ctx, res->missing, ctx->loc_line, ctx->loc_column);
  check_coverage (ctx, run, st);
}

ParaResult *
ctx_para_set (Ctx *ctx, const TextRun *run, const StyleComputed *st, double width)
{
  ParaResult *res = para_set (ctx->pctx, run, st, width);
  ctx_para_check (ctx, run, st, res);
  return res;
}

static void
add_links (Ctx *ctx, Row *row, const ParaLine *pl, const TextRun *run, double x)
{
  for (guint i = 0; i < pl->links->len; i++) {
    const ParaLinkSpan *span = &g_array_index (pl->links, ParaLinkSpan, i);
    const TextLink *l = &g_array_index (run->links, TextLink, span->link);
    LayoutFrag *f = frag_new (LAYOUT_FRAG_LINK);
    f->x = x + pl->x + span->x0;
    f->w = span->x1 - span->x0;
    f->y = 0;
    f->h = row->height;
    /* "#id" goes to that section in this part's language */
    if (l->href[0] == '#')
      f->dest = g_strdup_printf ("%s%s-sec-%s", ctx->anchor_prefix, ctx->part.langs[0],
                                 l->href + 1);
    else
      f->uri = g_strdup (l->href);
    g_ptr_array_add (row->frags, f);
  }
}

LayoutFrag *
para_line_frag (const ParaResult *res, guint index, double x, double top, StyleColor color)
{
  const ParaLine *pl = g_ptr_array_index (res->lines, index);
  LayoutFrag *f = frag_new (LAYOUT_FRAG_GLYPHS);
  f->runs = para_line_copy_runs (pl, 0);
  f->x = x + pl->x;
  f->y = top + para_line_baseline (res, pl);
  f->w = pl->width;
  f->h = res->line_height;
  f->color = color;
  f->ratio = pl->ratio;
  f->break_kind = para_break_kind_name (pl->brk);
  /* what tests and checks read: the paragraph, the line's place in it */
  f->para = g_ref_string_acquire (res->text);
  f->line = (int) index;
  f->n_lines = (int) res->lines->len;
  f->ascent = para_line_baseline (res, pl);
  f->hyphenated = pl->brk == PARA_BREAK_HYPHEN;
  f->justified = pl->ratio != 0;
  return f;
}

LayoutFrag *
para_first_line_frag (Ctx *ctx, const TextRun *run, const StyleComputed *st, double width,
                      StyleColor color)
{
  g_autoptr (ParaResult) res = ctx_para_set (ctx, run, st, width);
  return res->lines->len > 0 ? para_line_frag (res, 0, 0, 0, color) : NULL;
}

double
row_add_lines (Row *row, const ParaResult *res, double x, double y, StyleColor color)
{
  for (guint i = 0; i < res->lines->len; i++)
    g_ptr_array_add (row->frags, para_line_frag (res, i, x, y + i * res->line_height, color));
  return res->lines->len * res->line_height;
}

double
row_add_para (Ctx *ctx, Row *row, const TextRun *run, const StyleComputed *st, double x,
              double y, double width, StyleColor color)
{
  g_autoptr (ParaResult) res = ctx_para_set (ctx, run, st, width);
  return row_add_lines (row, res, x, y, color);
}

double
track_add_text (Ctx *ctx, Track *t, const TextRun *run, const StyleComputed *st, double x,
                double width, gboolean missing, int line, int column)
{
  g_autoptr (ParaResult) res = ctx_para_set (ctx, run, st, width);
  if (res->overfull > 0.5)
    diag_warning (ctx->diags, ctx->file, line, column,
                  "a line is %.1f pt wider than its column (%.1f pt)", res->overfull, width);
  int para = ++ctx->para_counter;
  int n = (int) res->lines->len;
  for (int i = 0; i < n; i++) {
    const ParaLine *pl = g_ptr_array_index (res->lines, i);
    Row *row = row_new (res->line_height);
    row->para = para;
    row->line = i;
    row->n_lines = n;
    row->widows = st->widows;
    row->orphans = st->orphans;
    row->hyphenated = pl->hyphenated;
    g_ptr_array_add (row->frags, para_line_frag (res, (guint) i, x, 0,
                                            missing ? st->missing_color : st->color));
    add_links (ctx, row, pl, run, x);
    g_ptr_array_add (t->rows, row);
  }
  return n * res->line_height;
}
