/* paginate.c — the flow of units broken into pages.
 *
 * Units are placed top to bottom. A unit that does not fit is split: each
 * track at a row boundary that keeps its paragraph's widows and orphans,
 * all tracks at the same height, and the rest continues at the top of the
 * next page. A heading (break-after: avoid) goes to the next page when
 * what must follow it does not fit. A row taller than a whole page is
 * placed anyway and reported.
 *
 * Units are paginated while the part is still being built (paginate_flush
 * after each top-level section, whose units are final once it has named
 * and placed them; one unit held back for the look-ahead a heading needs),
 * and each page becomes glyph runs as soon as the next one begins and is
 * packed into the page store (store.c): the memory a part takes stays that
 * of a page and a few units, not of the whole document's Pango layouts and
 * display lists (issue 9). */
#include <math.h>
#include <string.h>
#include "common/limits.h"
#include "layout/layout-private.h"

struct Flow {
  Ctx *ctx;
  LayoutPage *page;
  StylePage *page_style;
  double top, bottom, left;    /* the text area of the current page */
  double y;
  double prev_space_after;
  gboolean at_top;             /* nothing placed on this page yet */
  int break_pending;          /* the last unit asked for a page break after it (its StyleBreak) */
  gboolean forced;             /* this page began at a forced break (or the start) */
  const char *name;            /* the page name (CSS `page`) of what is being placed */
};
typedef struct Flow Flow;

static void
strings_for_new_page (Ctx *ctx)
{
  GHashTable *h = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, ctx->strings_now);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (h, g_strdup (k), g_strdup (v));
  g_ptr_array_add (ctx->page_strings, h);
  g_hash_table_remove_all (ctx->page_assigned);
}

/* The current page styled again, as a page of fl->name (a page at its top
 * whose first unit names another page). */
static void
page_restyle (Flow *fl)
{
  LayoutPage *p = fl->page;
  g_free (p->name);
  p->name = g_strdup (fl->name);
  StylePageSelect sel = { p->number, p->first, p->blank, p->name };
  g_clear_pointer (&fl->page_style, style_page_free);
  fl->page_style = style_page_compute_for (fl->ctx->sheet, &sel);
  p->width = fl->page_style->width;
  p->height = fl->page_style->height;
  fl->top = fl->page_style->margin[STYLE_TOP];
  fl->bottom = p->height - fl->page_style->margin[STYLE_BOTTOM];
  fl->left = fl->page_style->margin[STYLE_LEFT];
  fl->y = fl->top;
}

/* The page pagination leaves: complete but for contents numbers and
 * furniture, which are set at the end; out of the heap until drawn. */
static void
page_close (Flow *fl)
{
  if (!fl->page)
    return;
  layout_page_make_glyphs (fl->page);
  layout_page_pack (fl->ctx->out->store, fl->page);
  fl->page = NULL;
}

/* first: the page begins a part (a cover), styled by @page :first. */
static void
new_page (Flow *fl, gboolean first)
{
  Ctx *ctx = fl->ctx;
  page_close (fl);
  int number = (int) ctx->out->pages->len + 1;
  g_clear_pointer (&fl->page_style, style_page_free);
  StylePageSelect sel = { number, first, FALSE, fl->name };
  fl->page_style = style_page_compute_for (ctx->sheet, &sel);
  LayoutPage *p = g_new0 (LayoutPage, 1);
  p->number = number;
  p->first = first;
  p->name = g_strdup (fl->name);
  p->width = fl->page_style->width;
  p->height = fl->page_style->height;
  p->frags = g_ptr_array_new_with_free_func (frag_free);
  g_ptr_array_add (ctx->out->pages, p);
  fl->page = p;
  fl->top = fl->page_style->margin[STYLE_TOP];
  fl->bottom = p->height - fl->page_style->margin[STYLE_BOTTOM];
  fl->left = fl->page_style->margin[STYLE_LEFT];
  fl->y = fl->top;
  fl->at_top = TRUE;
  fl->forced = FALSE;
  fl->prev_space_after = 0;
  strings_for_new_page (ctx);
}

/* May a track break after its first k rows (0 < k < n)? */
static gboolean
break_allowed (const Track *t, guint k)
{
  const Row *before = g_ptr_array_index (t->rows, k - 1);
  const Row *after = g_ptr_array_index (t->rows, k);
  if (before->keep_with_next)
    return FALSE;
  /* a word is not broken over a page: the reader would turn the page in it */
  if (before->hyphenated && before->para != 0 && before->para == after->para)
    return FALSE;
  if (before->para != 0 && before->para == after->para)
    return after->line >= after->orphans && after->n_lines - after->line >= after->widows;
  return TRUE;
}

/* The most rows of t that fit into height at an allowed break (0 if none). */
static guint
track_fit (const Track *t, double height, gboolean strict)
{
  double h = 0;
  guint best = 0;
  for (guint k = 1; k <= t->rows->len; k++) {
    h += ((Row *) g_ptr_array_index (t->rows, k - 1))->height;
    if (h > height + 0.01)
      break;
    if (k == t->rows->len || !strict || break_allowed (t, k))
      best = k;
  }
  return best;
}

/* The height of what must go with a heading: the next unit's first lines. */
static double
first_chunk (const Unit *u)
{
  double chunk = 0;
  for (guint i = 0; i < u->tracks->len; i++) {
    const Track *t = g_ptr_array_index (u->tracks, i);
    double h = 0;
    for (guint k = 1; k <= t->rows->len; k++) {
      h += ((Row *) g_ptr_array_index (t->rows, k - 1))->height;
      if (k == t->rows->len || break_allowed (t, k))
        break;
    }
    chunk = MAX (chunk, h);
  }
  return chunk;
}

static void
record_navigation (Flow *fl, Unit *u)
{
  Ctx *ctx = fl->ctx;
  if (u->anchor) {
    LayoutFrag *f = frag_new (LAYOUT_FRAG_DEST);
    f->x = fl->left;
    f->y = fl->y;
    f->dest = g_strdup (u->anchor);
    g_ptr_array_add (fl->page->frags, f);
    g_hash_table_insert (ctx->anchors, g_strdup (u->anchor), GINT_TO_POINTER (fl->page->number));
  }
  if (u->outline_level > 0) {
    LayoutOutline *o = g_new0 (LayoutOutline, 1);
    o->level = u->outline_level;
    o->title = g_strdup (u->outline_title);
    o->page = fl->page->number;
    o->y = fl->y;
    o->dest = g_strdup (u->anchor);
    g_ptr_array_add (ctx->out->outline, o);
    u->outline_level = 0;   /* a continuation does not repeat it */
  }
  g_clear_pointer (&u->anchor, g_free);
  if (u->string_name) {
    GHashTable *page = g_ptr_array_index (ctx->page_strings, ctx->page_strings->len - 1);
    if (!g_hash_table_contains (ctx->page_assigned, u->string_name)) {
      g_hash_table_add (ctx->page_assigned, g_strdup (u->string_name));
      g_hash_table_insert (page, g_strdup (u->string_name), g_strdup (u->string_value));
    }
    g_hash_table_insert (ctx->strings_now, g_strdup (u->string_name), g_strdup (u->string_value));
    g_clear_pointer (&u->string_name, g_free);
  }
}

static int
new_tag (Ctx *ctx, const char *role, int group, int lang, const char *alt)
{
  LayoutTag *tag = g_new0 (LayoutTag, 1);
  tag->role = role;
  tag->group = group;
  tag->lang = lang >= 0 ? g_strdup (ctx->part.langs[lang]) : NULL;
  tag->alt = g_strdup (alt);
  g_ptr_array_add (ctx->out->tags, tag);
  return (int) ctx->out->tags->len - 1;
}

/* Places rows [0, k[i]) of each track at fl->y; removes them from u. */
static void
place_rows (Flow *fl, Unit *u, const guint *k)
{
  Ctx *ctx = fl->ctx;
  record_navigation (fl, u);
  double used = 0;
  for (guint i = 0; i < u->tracks->len; i++) {
    Track *t = g_ptr_array_index (u->tracks, i);
    double x = fl->left + (u->neutral ? 0 : u->own_tracks ? u->track_x[i] : ctx->part.track_x[i]);
    double y = fl->y;
    guint skip = 0;
    if (fl->at_top)   /* space at the top of a page is dropped */
      while (skip < k[i] && ((Row *) g_ptr_array_index (t->rows, skip))->spacer)
        skip++;
    int tag = -1, tag_lang = -2;
    for (guint r = skip; r < k[i]; r++) {
      Row *row = g_ptr_array_index (t->rows, r);
      gboolean cells = FALSE;   /* a row of cells, each its own group */
      for (guint f = 0; f < row->frags->len; f++)
        cells |= ((LayoutFrag *) g_ptr_array_index (row->frags, f))->group >= 0;
      /* one structure element per variant of the unit on this page */
      if (!cells && row->frags->len > 0 && (tag < 0 || row->lang != tag_lang)) {
        tag = new_tag (ctx, u->role, u->group, row->lang, u->alt);
        tag_lang = row->lang;
      }
      int cell_group = -2, cell_lang = -2, cell_tag = -1;
      const char *cell_role = NULL;
      for (guint f = 0; f < row->frags->len; f++) {
        LayoutFrag *c = frag_copy (g_ptr_array_index (row->frags, f), x, y);
        if (!cells) {
          c->tag = tag;
        } else if (c->group < 0) {
          c->tag = -1;   /* rules and backgrounds of a row of cells */
        } else {
          const char *role = c->role ? c->role : "P";
          if (c->group != cell_group || c->lang_index != cell_lang ||
              g_strcmp0 (role, cell_role) != 0) {
            cell_tag = new_tag (ctx, role, c->group, c->lang_index, NULL);
            cell_group = c->group;
            cell_lang = c->lang_index;
            cell_role = role;
          }
          c->tag = cell_tag;
        }
        g_ptr_array_add (fl->page->frags, c);
      }
      y += row->height;
    }
    used = MAX (used, y - fl->y);
    g_ptr_array_remove_range (t->rows, 0, k[i]);
  }
  fl->y += used;
  if (used > 0)
    fl->at_top = FALSE;
}

static gboolean
report_page_limit (Ctx *ctx, double pages)
{
  guint max = limits_get ()->max_pages;
  if (!ctx->page_limit_hit && pages > max) {
    diag_error (ctx->diags, ctx->file, 0, 0, "the PDF would have more than %u pages, the "
                "limit (--max-pages N raises it)", max);
    ctx->page_limit_hit = TRUE;
  }
  return ctx->page_limit_hit;
}

/* Past --max-pages: reported once, and nothing more is placed (a runaway
 * style, one line a page, would otherwise fill the memory). */
static gboolean
page_limit_hit (Flow *fl)
{
  return report_page_limit (fl->ctx, fl->ctx->out->pages->len);
}

gboolean
layout_pages_over_limit (Ctx *ctx)
{
  if (ctx->page_limit_hit || ctx->units == NULL)
    return ctx->page_limit_hit;
  if (ctx->units_measured > ctx->units->len)   /* a new part's units */
    ctx->units_measured = 0, ctx->units_height = 0;
  for (; ctx->units_measured < ctx->units->len; ctx->units_measured++)
    ctx->units_height += unit_height (g_ptr_array_index (ctx->units, ctx->units_measured));
  if (ctx->page_area == 0) {
    g_autoptr (StylePage) ps = style_page_compute (ctx->sheet, 2, FALSE);
    ctx->page_area = ps->height - ps->margin[STYLE_TOP] - ps->margin[STYLE_BOTTOM];
  }
  double area = ctx->page_area;
  if (!(area >= 1))
    return FALSE;
  /* the units of this part begin on a new page */
  return report_page_limit (ctx, ctx->out->pages->len + floor (ctx->units_height / area));
}

/* Whether two page names (NULL: none) differ. */
static gboolean
names_differ (const char *a, const char *b)
{
  return (a == NULL) != (b == NULL) || (a && strcmp (a, b) != 0);
}

/* A forced break to the side `side` asks for (STYLE_BREAK_LEFT, _RIGHT;
 * anything else: either): a new page, and before it a blank one when it
 * would fall on the other side (page 1 is a right page). */
static void
forced_break (Flow *fl, int side)
{
  if (!fl->at_top)
    new_page (fl, FALSE);
  gboolean left = fl->page->number % 2 == 0;
  if ((side == STYLE_BREAK_LEFT && !left) || (side == STYLE_BREAK_RIGHT && left)) {
    /* this page stays empty: a blank page, styled by @page :blank */
    fl->page->blank = TRUE;
    page_restyle (fl);
    new_page (fl, FALSE);
  }
  fl->forced = TRUE;
}

static void
place_unit (Flow *fl, Unit *u, const Unit *next)
{
  /* CSS Paged Media: a unit of another page name than the page's starts a
   * new page of its name */
  gboolean renamed = names_differ (u->page_name, fl->name);
  fl->name = u->page_name;
  int side = u->break_before_page ? u->break_before_page : fl->break_pending;
  if ((side || renamed) && !fl->at_top)
    forced_break (fl, side);
  else if (side == STYLE_BREAK_LEFT || side == STYLE_BREAK_RIGHT)
    forced_break (fl, side);
  if (fl->at_top && names_differ (fl->page->name, fl->name))
    page_restyle (fl);
  fl->break_pending = u->break_after_page;
  for (;;) {
    if (page_limit_hit (fl))
      return;
    /* As in CSS, a margin at a page top is kept after a forced break and
     * dropped after an unforced one. */
    double gap = fl->at_top ? (fl->forced ? u->space_before : 0)
                            : MAX (fl->prev_space_after, u->space_before);
    double room = fl->bottom - fl->y - gap;
    double h = unit_height (u);
    double need = h;
    if (u->keep_with_next && next)
      need += MAX (next->space_before, u->space_after) + first_chunk (next);
    guint k[2] = { 0, 0 }, n = u->tracks->len;
    if (need <= room + 0.01) {
      fl->y += gap;
      for (guint i = 0; i < n; i++)
        k[i] = ((Track *) g_ptr_array_index (u->tracks, i))->rows->len;
      place_rows (fl, u, k);
      fl->prev_space_after = u->space_after;
      return;
    }
    /* split: every track that has rows must place some here */
    gboolean ok = !u->keep_with_next && !(u->avoid_break_inside && !fl->at_top);
    for (guint i = 0; ok && i < n; i++) {
      Track *t = g_ptr_array_index (u->tracks, i);
      k[i] = track_fit (t, room, TRUE);
      ok = t->rows->len == 0 || k[i] > 0;
    }
    if (!ok && !fl->at_top) {
      new_page (fl, FALSE);
      continue;
    }
    if (!ok) {
      /* at the top of a page and no allowed break fits: break anywhere,
       * at least one row per track (a row taller than the page overflows) */
      for (guint i = 0; i < n; i++) {
        Track *t = g_ptr_array_index (u->tracks, i);
        k[i] = MAX (track_fit (t, room, FALSE), MIN (1u, t->rows->len));
        if (k[i] == 1 && ((Row *) g_ptr_array_index (t->rows, 0))->height > room + 0.01)
          diag_warning (fl->ctx->diags, fl->ctx->file, u->line, u->column,
                        "this block is taller than a page (%.0f pt > %.0f pt) and runs past the margin",
                        ((Row *) g_ptr_array_index (t->rows, 0))->height, room);
      }
    }
    fl->y += gap;
    place_rows (fl, u, k);
    gboolean rest = FALSE;
    for (guint i = 0; i < n; i++)
      rest |= ((Track *) g_ptr_array_index (u->tracks, i))->rows->len > 0;
    if (!rest) {
      fl->prev_space_after = u->space_after;
      return;
    }
    new_page (fl, FALSE);
  }
}

void
paginate_begin (Ctx *ctx, gboolean start_new_page)
{
  g_assert (ctx->flow == NULL);
  Flow *fl = g_new0 (Flow, 1);
  fl->ctx = ctx;
  ctx->flow = fl;
  if (start_new_page || ctx->out->pages->len == 0) {
    new_page (fl, TRUE);
    fl->forced = TRUE;
  }
}

void
paginate_flush (Ctx *ctx, gboolean all)
{
  Flow *fl = ctx->flow;
  guint n = ctx->units->len;
  guint placed = all ? n : (n > 0 ? n - 1 : 0);   /* the last waits for its next */
  for (guint i = 0; i < placed && !page_limit_hit (fl); i++)
    place_unit (fl, g_ptr_array_index (ctx->units, i),
                i + 1 < n ? g_ptr_array_index (ctx->units, i + 1) : NULL);
  g_ptr_array_remove_range (ctx->units, 0, placed);
  ctx->units_measured = 0, ctx->units_height = 0;   /* the estimate is of the rest */
}

void
paginate_end (Ctx *ctx)
{
  Flow *fl = ctx->flow;
  paginate_flush (ctx, TRUE);
  page_close (fl);
  g_clear_pointer (&fl->page_style, style_page_free);
  g_free (fl);
  ctx->flow = NULL;
}
