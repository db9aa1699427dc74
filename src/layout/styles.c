/* styles.c — computed styles while units are built, and what the laid-out
 * document keeps (ctx_keep).
 *
 * A style is read while its element's units are built, never after (rows
 * and fragments copy the values they need), so the styles of a section are
 * freed once its units are: the computed styles no longer grow with the
 * document (issue 9: 62 MB at 881 pages). A chart's spec, which its layout
 * may read later, holds kept copies. */
#include "layout/layout-private.h"

typedef struct {
  gpointer data;
  GDestroyNotify free_func;
} Kept;

static void
kept_free (gpointer p)
{
  Kept *k = p;
  k->free_func (k->data);
  g_free (k);
}

void
ctx_keep (Ctx *ctx, gpointer data, GDestroyNotify free_func)
{
  if (!ctx->out->keep)
    ctx->out->keep = g_ptr_array_new_with_free_func (kept_free);
  Kept *k = g_new (Kept, 1);
  k->data = data;
  k->free_func = free_func;
  g_ptr_array_add (ctx->out->keep, k);
}

int
ctx_group_begin (Ctx *ctx, const char *role)
{
  LayoutGroup g = { role, ctx->group };
  g_array_append_val (ctx->out->groups, g);
  int previous = ctx->group;
  ctx->group = (int) ctx->out->groups->len - 1;
  return previous;
}

void
ctx_child (Ctx *ctx, const Parent *parent, const char *name, const char *id,
           const char *classes, StyleNode nodes[2], Parent *out)
{
  for (int i = 0; i < ctx->part.n_langs; i++) {
    nodes[i] = (StyleNode) { name, id, classes, ctx->part.langs[i], parent->nodes[i] };
    out->nodes[i] = &nodes[i];
    out->styles[i] = ctx_style (ctx, &nodes[i], parent->styles[i]);
  }
}

StyleComputed *
ctx_style (Ctx *ctx, const StyleNode *node, const StyleComputed *parent)
{
  StyleComputed *st = style_compute (ctx->sheet, node, parent);
  g_ptr_array_add (ctx->styles, st);
  return st;
}

guint
ctx_styles_mark (Ctx *ctx)
{
  return ctx->styles->len;
}

void
ctx_styles_release (Ctx *ctx, guint mark)
{
  g_assert (mark <= ctx->styles->len);
  g_ptr_array_set_size (ctx->styles, mark);
}

const StyleComputed *
ctx_style_keep (Ctx *ctx, const StyleComputed *st)
{
  StyleComputed *copy = style_computed_copy (st);
  ctx_keep (ctx, copy, (GDestroyNotify) style_computed_free);
  return copy;
}
