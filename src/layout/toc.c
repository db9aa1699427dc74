/* toc.c — tables of contents: a dossier's, and a briefing pack's.
 *
 * Page numbers are known only once the pages are: each entry keeps room
 * for a number of three digits, so nothing in the contents depends on the
 * numbers, and toc_resolve() sets them after pagination (lay out once,
 * resolve, redo only the numbers). Each entry: the title, dotted leaders,
 * the page number flush right, the whole entry a link to its destination. */
#include <string.h>
#include "layout/layout-private.h"

char *
section_anchor (Ctx *ctx, const ModelBlock *section)
{
  /* ids are NMTOKENs: safe in a destination name */
  if (section->id)
    return g_strdup_printf ("%s%s-sec-%s", ctx->anchor_prefix, ctx->part.langs[0], section->id);
  return g_strdup_printf ("%s%s-sec-at-%d-%d", ctx->anchor_prefix, ctx->part.langs[0],
                          section->line, section->column);
}

static void
collect (Ctx *ctx, const ModelBlock *section, GPtrArray *out)
{
  if (section->heading && section->level <= 2) {
    TocEntry *e = g_new0 (TocEntry, 1);
    e->level = section->level;
    e->title = section->heading;
    e->anchor = section_anchor (ctx, section);
    g_ptr_array_add (out, e);
  }
  for (guint i = 0; i < section->blocks->len; i++) {
    const ModelBlock *b = g_ptr_array_index (section->blocks, i);
    if (b->kind == MODEL_BLOCK_SECTION)
      collect (ctx, b, out);
  }
}

static void
entry_free (gpointer p)
{
  TocEntry *e = p;
  g_free (e->anchor);
  g_free (e);
}

GPtrArray *
toc_entries_of_doc (Ctx *ctx)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (entry_free);
  for (guint i = 0; i < ctx->doc->sections->len; i++)
    collect (ctx, g_ptr_array_index (ctx->doc->sections, i), out);
  return out;
}

typedef struct {
  const TocEntry *entry;
} EntryData;

/* A page number is set on one line, as wide as it is, and placed flush
 * right by hand: at a width no number reaches, never broken. */
#define NUMBER_ROOM 1000.0

static StyleComputed
number_style (const StyleComputed *st)
{
  StyleComputed s = *st;
  s.text_align = STYLE_ALIGN_LEFT;
  s.text_indent = 0;
  return s;
}

static void
content_entry (Ctx *ctx, Track *t, int li, const StyleComputed *st, double x, double w,
               const EntryData *d)
{
  const char *lang = ctx->part.langs[li];
  /* the room of the widest number a dossier has, set right after pagination */
  g_autoptr (TextRun) nrun = text_run_new_plain ("000", lang);
  StyleComputed nst = number_style (st);
  g_autoptr (ParaResult) nres = ctx_para_set (ctx, nrun, &nst, NUMBER_ROOM);
  double num_w = nres->lines->len ? ((const ParaLine *) g_ptr_array_index (nres->lines, 0))->width : 0;
  double gap = st->font_size;
  guint first = t->rows->len;
  gboolean missing;
  const ModelVariant *v = model_text_get_or_fallback (d->entry->title, lang, &missing);
  g_autoptr (TextRun) run = text_run_from_variant (v, lang, NULL);
  StyleComputed tst = *st;
  tst.text_align = STYLE_ALIGN_LEFT;   /* a contents line is never justified */
  track_add_text (ctx, t, run, &tst, x, MAX (w - num_w - 2 * gap, 20), missing,
                  d->entry->title->line, d->entry->title->column);
  if (first >= t->rows->len)
    return;
  /* the number and the leaders go on the entry's last line */
  Row *row = g_ptr_array_index (t->rows, t->rows->len - 1);
  LayoutFrag *text = NULL;
  for (guint i = 0; i < row->frags->len; i++) {
    LayoutFrag *f = g_ptr_array_index (row->frags, i);
    if (frag_is_line (f))
      text = f;
  }
  g_return_if_fail (text != NULL);
  LayoutFrag *num = frag_new (LAYOUT_FRAG_TEXT);
  num->text_style = ctx_style_keep (ctx, &nst);
  num->text_lang = g_intern_string (lang);
  num->x = x + w - num_w;
  num->y = text->y;
  num->w = num_w;
  num->h = text->h;
  num->color = st->color;
  num->dest = g_strdup (d->entry->anchor);   /* toc_resolve() sets its number */
  g_ptr_array_add (row->frags, num);
  double from = text->x + text->w + gap * 0.5, to = num->x - gap * 0.5;
  if (to - from > gap) {
    LayoutFrag *lead = frag_new (LAYOUT_FRAG_RULE);
    lead->x = from;
    lead->y = text->y;
    lead->w = to - from;
    lead->h = 0;
    lead->line_width = MAX (st->font_size * 0.09, 0.6);
    lead->dotted = TRUE;
    lead->color = st->color;
    g_ptr_array_add (row->frags, lead);
  }
  /* every line of the entry leads to its section */
  for (guint r = first; r < t->rows->len; r++) {
    Row *rw = g_ptr_array_index (t->rows, r);
    LayoutFrag *link = frag_new (LAYOUT_FRAG_LINK);
    link->x = x;
    link->w = w;
    link->h = rw->height;
    link->dest = g_strdup (d->entry->anchor);
    g_ptr_array_add (rw->frags, link);
  }
}

/* "Inhalt" / "目录" over the entries, styled as toc > heading. */
static void
toc_heading (Ctx *ctx, const Parent *tp)
{
  const Part *part = &ctx->part;
  Unit *u = unit_new ();
  u->group = ctx->group;
  for (int ti = 0; ti < part->n_tracks; ti++) {
    Track *t = track_new ();
    for (int k = 0; k < part->track_n_langs[ti]; k++) {
      int li = part->track_lang[ti][k];
      StyleNode node = { "heading", NULL, NULL, part->langs[li], tp->nodes[li] };
      const StyleComputed *st = ctx_style (ctx, &node, tp->styles[li]);
      g_autoptr (TextRun) run = text_run_new_plain (words (part->langs[li], "contents"),
                                                    part->langs[li]);
      double x = st->margin[STYLE_LEFT];
      guint from = t->rows->len;
      track_add_edge (t, st, STYLE_TOP, x, part->track_w[ti] - x);
      track_add_text (ctx, t, run, st, x, part->track_w[ti] - x - st->margin[STYLE_RIGHT],
                      FALSE, 0, 0);
      track_add_edge (t, st, STYLE_BOTTOM, x, part->track_w[ti] - x);
      track_decorate (t, from, st, x, part->track_w[ti] - x);
      for (guint r = from; r < t->rows->len; r++)
        ((Row *) g_ptr_array_index (t->rows, r))->lang = li;
      if (ti == 0 && k == 0) {
        u->space_before = st->margin[STYLE_TOP];
        u->space_after = st->margin[STYLE_BOTTOM];
      }
    }
    g_ptr_array_add (u->tracks, t);
  }
  u->keep_with_next = TRUE;
  u->page_name = g_intern_string (tp->styles[0]->page);
  g_ptr_array_add (ctx->units, u);
}

void
units_toc (Ctx *ctx, const Parent *root, GPtrArray *entries)
{
  StyleNode tnodes[2];
  Parent tp;
  ctx_child (ctx, root, "toc", NULL, NULL, tnodes, &tp);
  if (tp.styles[0]->display_none || entries->len == 0)
    return;
  const Part *part = &ctx->part;
  toc_heading (ctx, &tp);
  int outer = ctx_group_begin (ctx, "TOC");
  for (guint e = 0; e < entries->len; e++) {
    const TocEntry *entry = g_ptr_array_index (entries, e);
    g_autofree char *classes = g_strdup_printf ("level-%d", entry->level);
    EntryData d = { entry };
    Unit *u = unit_new ();
    u->line = entry->title->line;
    u->column = entry->title->column;
    u->group = ctx->group;
    u->role = "TOCI";
    gboolean shown = FALSE;
    for (int ti = 0; ti < part->n_tracks; ti++) {
      Track *t = track_new ();
      for (int k = 0; k < part->track_n_langs[ti]; k++) {
        int li = part->track_lang[ti][k];
        StyleNode node = { "entry", NULL, classes, part->langs[li], tp.nodes[li] };
        const StyleComputed *st = ctx_style (ctx, &node, tp.styles[li]);
        if (st->display_none)
          continue;
        shown = TRUE;
        double x = st->margin[STYLE_LEFT] + st->padding[STYLE_LEFT];
        double w = part->track_w[ti] - x - st->margin[STYLE_RIGHT] - st->padding[STYLE_RIGHT];
        if (k > 0)
          track_add_space (t, st->font_size * 0.2);
        guint from = t->rows->len;
        content_entry (ctx, t, li, st, x, w, &d);
        for (guint r = from; r < t->rows->len; r++)
          ((Row *) g_ptr_array_index (t->rows, r))->lang = li;
        if (ti == 0 && k == 0) {
          u->space_before = st->margin[STYLE_TOP];
          u->space_after = st->margin[STYLE_BOTTOM];
        }
      }
      g_ptr_array_add (u->tracks, t);
    }
    if (!shown) {
      unit_free (u);
      continue;
    }
    /* an entry is never broken over a page: its lines, and its two
     * languages where one column holds both, stay together */
    for (guint ti = 0; ti < u->tracks->len; ti++) {
      Track *t = g_ptr_array_index (u->tracks, ti);
      for (guint r = 0; r + 1 < t->rows->len; r++)
        ((Row *) g_ptr_array_index (t->rows, r))->keep_with_next = TRUE;
    }
    /* a group (an entry of level 1 and the entries under it) is never
     * left as one line alone on a page: the group's title stays with its
     * first entry, its last entry with the one before */
    const TocEntry *next = e + 1 < entries->len ? g_ptr_array_index (entries, e + 1) : NULL;
    const TocEntry *after = e + 2 < entries->len ? g_ptr_array_index (entries, e + 2) : NULL;
    if (next && next->level > entry->level)
      u->keep_with_next = TRUE;
    if (next && next->level > 1 && (!after || after->level < next->level))
      u->keep_with_next = TRUE;
    u->space_before = e == 0 ? MAX (u->space_before, tp.styles[0]->margin[STYLE_TOP]) : u->space_before;
    if (e + 1 == entries->len) {
      u->space_after = MAX (u->space_after, tp.styles[0]->margin[STYLE_BOTTOM]);
      u->break_after_page = FORCED_BREAK (tp.styles[0]->break_after);
    }
    u->page_name = g_intern_string (tp.styles[0]->page);
    g_ptr_array_add (ctx->units, u);
  }
  ctx->group = outer;
}

void
toc_resolve (Ctx *ctx)
{
  for (guint p = 0; p < ctx->out->pages->len; p++) {
    LayoutPage *page = g_ptr_array_index (ctx->out->pages, p);
    for (guint i = 0; i < page->frags->len; i++) {
      LayoutFrag *f = g_ptr_array_index (page->frags, i);
      if (f->kind != LAYOUT_FRAG_TEXT)
        continue;   /* a contents number is the only TEXT */
      gpointer number = f->dest ? g_hash_table_lookup (ctx->anchors, f->dest) : NULL;
      g_autofree char *text = number ? g_strdup_printf ("%d", GPOINTER_TO_INT (number)) : g_strdup ("?");
      g_autoptr (TextRun) run = text_run_new_plain (text, f->text_lang);
      g_autoptr (ParaResult) res = para_set (ctx->pctx, run, f->text_style, NUMBER_ROOM);
      /* the room was measured with the same style: nothing new to report */
      if (res->lines->len == 0)
        continue;
      /* flush right in the room kept for it, on the entry's baseline */
      const ParaLine *pl = g_ptr_array_index (res->lines, 0);
      double top = f->y - para_line_baseline (res, pl);
      LayoutFrag *g = para_line_frag (res, 0, f->x + f->w - pl->width, top, f->color);
      g->tag = f->tag;
      g->group = f->group;
      g->lang_index = f->lang_index;
      g->role = f->role;
      g->dest = g_steal_pointer (&f->dest);
      g_ptr_array_index (page->frags, i) = g;
      frag_free (f);
    }
  }
}
