/* neutral.c — units that span the text area: fact tiles, charts, tables.
 *
 * They hold one track of the full width; in parallel and interleaved layout
 * their labels show every language of the part, in sequential layout the
 * part's one language. */
#include <math.h>
#include "layout/layout-private.h"

static Unit *
unit_wide (Ctx *ctx, const ModelBlock *b, const StyleComputed *st, Track **track)
{
  Unit *u = unit_new ();
  u->neutral = TRUE;
  u->line = b->line;
  u->column = b->column;
  u->space_before = st->margin[STYLE_TOP];
  u->space_after = st->margin[STYLE_BOTTOM];
  u->break_before_page = st->break_before == STYLE_BREAK_PAGE;
  u->keep_with_next = st->break_after == STYLE_BREAK_AVOID;
  *track = track_new ();
  g_ptr_array_add (u->tracks, *track);
  g_ptr_array_add (ctx->units, u);
  return u;
}

/* Adds the lines of a layout as TEXT fragments of row at (x, y); returns
 * the layout's height. */
static double
row_add_layout (Row *row, PangoLayout *layout, double x, double y, StyleColor color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    LayoutFrag *f = frag_new (LAYOUT_FRAG_TEXT);
    f->layout = g_object_ref (layout);
    f->line = index++;
    f->x = x + logical.x / (double) PANGO_SCALE;
    f->y = y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
    f->w = logical.width / (double) PANGO_SCALE;
    f->h = logical.height / (double) PANGO_SCALE;
    f->color = color;
    g_ptr_array_add (row->frags, f);
  } while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  int h;
  pango_layout_get_size (layout, NULL, &h);
  return h / (double) PANGO_SCALE;
}

static double
row_add_text (Ctx *ctx, Row *row, const TextRun *run, const StyleComputed *st, double x,
              double y, double w, gboolean missing)
{
  PangoLayout *layout = make_layout (ctx, run, st, w);
  double h = row_add_layout (row, layout, x, y, missing ? st->missing_color : st->color);
  g_object_unref (layout);
  return h;
}

static void
child_styles (Ctx *ctx, const Parent *parent, const char *name, const char *id,
              const char *classes, StyleNode nodes[2], const StyleComputed *out[2])
{
  for (int i = 0; i < ctx->part.n_langs; i++) {
    nodes[i] = (StyleNode) { name, id, classes, ctx->part.langs[i], parent->nodes[i] };
    out[i] = ctx_style (ctx, &nodes[i], parent->styles[i]);
  }
}

/* ---- facts ---------------------------------------------------------------- */

static void
unit_facts (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode fnodes[2], tnodes[2], vnodes[2], lnodes[2];
  const StyleComputed *fst[2], *tst[2], *vst[2], *lst[2];
  child_styles (ctx, parent, "facts", b->id, b->class_, fnodes, fst);
  if (fst[0]->display_none || b->figures->len == 0)
    return;
  Parent fp = { { &fnodes[0], &fnodes[1] }, { fst[0], fst[1] } };
  child_styles (ctx, &fp, "tile", NULL, NULL, tnodes, tst);
  Parent tp = { { &tnodes[0], &tnodes[1] }, { tst[0], tst[1] } };
  child_styles (ctx, &tp, "value", NULL, NULL, vnodes, vst);
  child_styles (ctx, &tp, "label", NULL, NULL, lnodes, lst);

  Track *t;
  unit_wide (ctx, b, fst[0], &t);
  const Part *part = &ctx->part;
  double W = ctx->text_width - fst[0]->margin[STYLE_LEFT] - fst[0]->margin[STYLE_RIGHT];
  int cols = CLAMP (fst[0]->tile_columns, 1, 6);
  cols = MIN (cols, (int) b->figures->len);
  double gap = MAX (fst[0]->column_gap * 0.5, 4);
  double tw = (W - gap * (cols - 1)) / cols;
  const StyleComputed *ts = tst[0];
  double pad_l = ts->padding[STYLE_LEFT] + ts->border_width[STYLE_LEFT];
  double pad_r = ts->padding[STYLE_RIGHT] + ts->border_width[STYLE_RIGHT];
  double inner = MAX (tw - pad_l - pad_r, 10);

  for (guint first = 0; first < b->figures->len; first += (guint) cols) {
    if (first > 0)
      track_add_space (t, gap);
    Row *row = row_new (0);
    double heights[6] = { 0 };
    guint n = MIN ((guint) cols, b->figures->len - first);
    for (guint k = 0; k < n; k++) {
      const ModelFigure *fig = g_ptr_array_index (b->figures, first + k);
      double x = fst[0]->margin[STYLE_LEFT] + k * (tw + gap);
      double y = ts->padding[STYLE_TOP] + ts->border_width[STYLE_TOP];
      for (int li = 0; li < part->n_langs; li++) {
        const char *lang = part->langs[li];
        if (li > 0)
          y += lst[li]->font_size * 0.5;
        g_autofree char *value = text_format_figure (fig, lang);
        g_autoptr (TextRun) vrun = text_run_new_plain (value, lang);
        y += row_add_text (ctx, row, vrun, vst[li], x + pad_l, y, inner, FALSE);
        if (fig->label) {
          gboolean missing;
          const ModelVariant *v = model_text_get_or_fallback (fig->label, lang, &missing);
          g_autoptr (TextRun) lrun = text_run_from_variant (v, lang, NULL);
          y += row_add_text (ctx, row, lrun, lst[li], x + pad_l, y, inner, missing);
        }
      }
      heights[k] = y + ts->padding[STYLE_BOTTOM] + ts->border_width[STYLE_BOTTOM];
      row->height = MAX (row->height, heights[k]);
    }
    /* tiles of a row are equal in height: backgrounds and rules behind */
    for (guint k = 0; k < n; k++) {
      double x = fst[0]->margin[STYLE_LEFT] + k * (tw + gap);
      if (ts->background_color.a > 0) {
        LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
        f->x = x, f->w = tw, f->h = row->height, f->color = ts->background_color;
        g_ptr_array_insert (row->frags, 0, f);
      }
      static const int sides[] = { STYLE_TOP, STYLE_LEFT };
      for (guint s = 0; s < G_N_ELEMENTS (sides); s++) {
        double bw = ts->border_width[sides[s]];
        if (bw <= 0)
          continue;
        LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
        f->x = x;
        f->w = sides[s] == STYLE_TOP ? tw : bw;
        f->h = sides[s] == STYLE_TOP ? bw : row->height;
        f->color = ts->border_color[sides[s]];
        g_ptr_array_add (row->frags, f);
      }
    }
    g_ptr_array_add (t->rows, row);
  }
}

/* ---- chart ---------------------------------------------------------------- */

static void
chart_spec_free (gpointer p)
{
  ChartSpec *s = p;
  g_free ((gpointer) s->langs);
  g_free ((gpointer) s->lang_styles);
  g_free (s);
}

static void
unit_chart (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode nodes[2];
  const StyleComputed *st[2];
  child_styles (ctx, parent, "chart", b->id, b->class_, nodes, st);
  if (st[0]->display_none)
    return;
  ChartSpec *spec = g_new0 (ChartSpec, 1);
  spec->block = b;
  spec->doc = ctx->doc;
  spec->n_langs = ctx->part.n_langs;
  const char **langs = g_new0 (const char *, 2);
  const StyleComputed **styles = g_new0 (const StyleComputed *, 2);
  for (int i = 0; i < ctx->part.n_langs; i++) {
    langs[i] = ctx->part.langs[i];
    styles[i] = st[i];
  }
  spec->langs = langs;
  spec->lang_styles = styles;
  spec->style = st[0];
  ctx_keep (ctx, spec, chart_spec_free);

  Track *t;
  unit_wide (ctx, b, st[0], &t);
  double x = st[0]->margin[STYLE_LEFT];
  double w = ctx->text_width - x - st[0]->margin[STYLE_RIGHT];
  double h = chart_measure (spec, ctx->pctx, w);
  Row *row = row_new (h);
  LayoutFrag *f = frag_new (LAYOUT_FRAG_CHART);
  f->x = x, f->w = w, f->h = h, f->chart = spec;
  g_ptr_array_add (row->frags, f);
  g_ptr_array_add (t->rows, row);
}

/* ---- table ---------------------------------------------------------------- */

static void
unit_table (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  StyleNode tnodes[2];
  const StyleComputed *tst[2];
  child_styles (ctx, parent, "table", b->id, b->class_, tnodes, tst);
  if (tst[0]->display_none || b->rows->len == 0)
    return;
  Parent tp = { { &tnodes[0], &tnodes[1] }, { tst[0], tst[1] } };
  guint ncols = 1;
  for (guint r = 0; r < b->rows->len; r++)
    ncols = MAX (ncols, ((ModelRow *) g_ptr_array_index (b->rows, r))->cells->len);

  Track *t;
  Unit *u = unit_wide (ctx, b, tst[0], &t);
  u->avoid_break_inside = tst[0]->break_inside == STYLE_BREAK_AVOID;
  double x0 = tst[0]->margin[STYLE_LEFT];
  double W = ctx->text_width - x0 - tst[0]->margin[STYLE_RIGHT];
  double cw = W / ncols;
  for (guint r = 0; r < b->rows->len; r++) {
    const ModelRow *mr = g_ptr_array_index (b->rows, r);
    StyleNode rnodes[2], cnodes[2];
    const StyleComputed *rst[2], *cst[2];
    child_styles (ctx, &tp, "row", NULL, mr->head ? "head" : NULL, rnodes, rst);
    Parent rp = { { &rnodes[0], &rnodes[1] }, { rst[0], rst[1] } };
    child_styles (ctx, &rp, "cell", NULL, NULL, cnodes, cst);
    Row *row = row_new (0);
    const StyleComputed *c0 = cst[0];
    for (guint c = 0; c < mr->cells->len; c++) {
      const ModelCell *cell = g_ptr_array_index (mr->cells, c);
      double x = x0 + c * cw + c0->padding[STYLE_LEFT];
      double w = MAX (cw - c0->padding[STYLE_LEFT] - c0->padding[STYLE_RIGHT], 10);
      double y = c0->padding[STYLE_TOP];
      g_autofree char *prev = NULL;
      for (int li = 0; cell->text && li < ctx->part.n_langs; li++) {
        const char *lang = ctx->part.langs[li];
        gboolean missing;
        const ModelVariant *v = model_text_get_or_fallback (cell->text, lang, &missing);
        if (li > 0 && v && !v->lang)
          break;   /* a neutral cell reads the same in every language: once */
        g_autoptr (TextRun) run = text_run_from_variant (v, lang, NULL);
        y += row_add_text (ctx, row, run, cst[li], x, y, w, missing);
      }
      row->height = MAX (row->height, y + c0->padding[STYLE_BOTTOM]);
    }
    /* the rule under each row: the row's border-bottom, else a hairline */
    LayoutFrag *f = frag_new (LAYOUT_FRAG_RECT);
    double bw = rst[0]->border_width[STYLE_BOTTOM] > 0 ? rst[0]->border_width[STYLE_BOTTOM] : 0.3;
    f->x = x0, f->w = W, f->y = row->height - bw, f->h = bw;
    f->color = rst[0]->border_width[STYLE_BOTTOM] > 0 ? rst[0]->border_color[STYLE_BOTTOM]
                                                      : (StyleColor) { 0.6, 0.6, 0.6, 1 };
    g_ptr_array_add (row->frags, f);
    if (rst[0]->background_color.a > 0) {
      LayoutFrag *bg = frag_new (LAYOUT_FRAG_RECT);
      bg->x = x0, bg->w = W, bg->h = row->height, bg->color = rst[0]->background_color;
      g_ptr_array_insert (row->frags, 0, bg);
    }
    row->keep_with_next = mr->head;
    g_ptr_array_add (t->rows, row);
  }
}

void
units_neutral (Ctx *ctx, const ModelBlock *b, const Parent *parent)
{
  switch (b->kind) {
  case MODEL_BLOCK_FACTS:
    unit_facts (ctx, b, parent);
    break;
  case MODEL_BLOCK_CHART:
    unit_chart (ctx, b, parent);
    break;
  case MODEL_BLOCK_TABLE:
    unit_table (ctx, b, parent);
    break;
  default:
    g_assert_not_reached ();
  }
}
