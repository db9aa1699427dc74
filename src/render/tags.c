/* tags.c — the structure tree of a tagged PDF, written through cairo's
 * tags as the pages are drawn.
 *
 * Fragments come in reading order; each belongs to a leaf element (a
 * paragraph, a heading, a list item… in one language) inside groups
 * (sections, lists, the contents) that may run over many pages. Cairo's
 * tags must nest, so a group stays open across page breaks and a leaf is
 * closed at each page's end (a paragraph split over two pages is two P
 * elements). Every element begun is recorded in order, so that finish.c can
 * add what cairo cannot write: /Lang and /Alt. */
#include <string.h>
#include "render/render-private.h"

void
tag_state_init (TagState *ts, const LayoutDoc *ldoc)
{
  memset (ts, 0, sizeof *ts);
  ts->ldoc = ldoc;
  ts->open = g_array_new (FALSE, FALSE, sizeof (int));
  ts->leaf = -1;
  ts->elems = g_ptr_array_new ();
}

void
tag_state_clear (TagState *ts)
{
  g_array_unref (ts->open);
  g_ptr_array_unref (ts->elems);
}

static void
begin (TagState *ts, cairo_t *cr, const char *role, const LayoutTag *leaf)
{
  cairo_tag_begin (cr, role, "");
  /* NULL stands for an element with nothing to add (a group) */
  g_ptr_array_add (ts->elems, (gpointer) leaf);
  ts->n_begun++;
}

void
tag_document_begin (TagState *ts, cairo_t *cr)
{
  begin (ts, cr, "Document", NULL);
}

void
tag_document_end (TagState *ts, cairo_t *cr)
{
  tag_leaf_end (ts, cr);
  while (ts->open->len > 0) {
    int g = g_array_index (ts->open, int, ts->open->len - 1);
    cairo_tag_end (cr, g_array_index (ts->ldoc->groups, LayoutGroup, g).role);
    g_array_set_size (ts->open, ts->open->len - 1);
  }
  cairo_tag_end (cr, "Document");
}

void
tag_leaf_end (TagState *ts, cairo_t *cr)
{
  if (ts->leaf < 0)
    return;
  const LayoutTag *t = g_ptr_array_index (ts->ldoc->tags, ts->leaf);
  cairo_tag_end (cr, t->role);
  ts->leaf = -1;
}

/* The chain of groups of g, outermost first. */
static GArray *
chain (const LayoutDoc *ldoc, int g)
{
  GArray *c = g_array_new (FALSE, FALSE, sizeof (int));
  for (; g >= 0; g = g_array_index (ldoc->groups, LayoutGroup, g).parent)
    g_array_prepend_val (c, g);
  return c;
}

void
tag_switch (TagState *ts, cairo_t *cr, int tag)
{
  if (tag == ts->leaf)
    return;
  tag_leaf_end (ts, cr);
  if (tag < 0)
    return;
  const LayoutTag *t = g_ptr_array_index (ts->ldoc->tags, tag);
  g_autoptr (GArray) want = chain (ts->ldoc, t->group);
  /* close the groups that are not around the new element */
  guint keep = 0;
  while (keep < ts->open->len && keep < want->len &&
         g_array_index (ts->open, int, keep) == g_array_index (want, int, keep))
    keep++;
  while (ts->open->len > keep) {
    int g = g_array_index (ts->open, int, ts->open->len - 1);
    cairo_tag_end (cr, g_array_index (ts->ldoc->groups, LayoutGroup, g).role);
    g_array_set_size (ts->open, ts->open->len - 1);
  }
  for (guint i = keep; i < want->len; i++) {
    int g = g_array_index (want, int, i);
    begin (ts, cr, g_array_index (ts->ldoc->groups, LayoutGroup, g).role, NULL);
    g_array_append_val (ts->open, g);
  }
  begin (ts, cr, t->role, t);
  ts->leaf = tag;
}

void
tag_link_begun (TagState *ts)
{
  /* a link annotation is a Link element of its own in cairo's tree */
  g_ptr_array_add (ts->elems, NULL);
  ts->n_begun++;
}
