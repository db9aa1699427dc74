/* styles.c — computed styles that live as long as the laid-out document. */
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
  ctx_keep (ctx, st, (GDestroyNotify) style_computed_free);
  return st;
}
