/* property-page.c — the values of the properties of pages and their margin
 * boxes: size, content, string-set (the running heads' strings) and page
 * (named pages). Apart from property-parse.c because they are lists of
 * items rather than one value of a kind. */
#include "style/style-private.h"

#include <string.h>

/* page: auto | NAME */
gboolean
style_parse_page_name (StyleValueCursor *c, StyleSpecValue *v)
{
  const StyleToken *t = style_value_cursor_peek (c);
  if (!t || t->type != STYLE_TOK_IDENT || c->n != 1)
    return FALSE;
  c->i++;
  if (g_ascii_strcasecmp (t->value, "auto") == 0) {
    v->kind = SV_NONE;
    return TRUE;
  }
  v->kind = SV_STRING;
  v->str = g_strdup (t->value);
  return TRUE;
}


/* the function token at c->i with one identifier argument: its name */
static const char *
function_ident_arg (StyleValueCursor *c, const char *fname)
{
  const StyleToken *t = style_value_cursor_peek (c);
  if (!t || t->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (t->value, fname) != 0)
    return NULL;
  if (c->i + 2 >= c->n)
    return NULL;
  const StyleToken *arg = c->toks[c->i + 1], *close = c->toks[c->i + 2];
  if (arg->type != STYLE_TOK_IDENT || close->type != STYLE_TOK_RPAREN)
    return NULL;
  c->i += 3;
  return arg->value;
}

gboolean
style_parse_string_set (StyleValueCursor *c, StyleSpecValue *v)
{
  if (style_value_cursor_is_ident (c, "none") && c->n == 1) {
    c->i++;
    v->kind = SV_NONE;
    return TRUE;
  }
  const StyleToken *t = style_value_cursor_peek (c);
  if (!t || t->type != STYLE_TOK_IDENT)
    return FALSE;
  const char *name = t->value;
  c->i++;
  t = style_value_cursor_peek (c);
  if (!t || t->type != STYLE_TOK_FUNCTION || g_ascii_strcasecmp (t->value, "content") != 0)
    return FALSE;
  c->i++;
  t = style_value_cursor_peek (c);
  if (t && t->type == STYLE_TOK_IDENT && g_ascii_strcasecmp (t->value, "text") == 0) {
    c->i++;
    t = style_value_cursor_peek (c);
  }
  if (!t || t->type != STYLE_TOK_RPAREN)
    return FALSE;
  c->i++;
  v->kind = SV_STRING;
  v->str = g_strdup (name);
  return TRUE;
}

void
style_content_item_free (gpointer p)
{
  StyleContentItem *item = p;
  g_free (item->text);
  g_free (item);
}

gboolean
style_parse_content (StyleValueCursor *c, StyleSpecValue *v)
{
  if ((style_value_cursor_is_ident (c, "none") || style_value_cursor_is_ident (c, "normal"))
      && c->n - c->i == 1) {
    c->i++;
    v->kind = SV_NONE;
    return TRUE;
  }
  GPtrArray *items = g_ptr_array_new_with_free_func (style_content_item_free);
  while (c->i < c->n) {
    const StyleToken *t = style_value_cursor_peek (c);
    StyleContentItem *item = g_new0 (StyleContentItem, 1);
    g_ptr_array_add (items, item);
    if (t->type == STYLE_TOK_STRING) {
      item->kind = STYLE_CONTENT_STRING;
      item->text = g_strdup (t->value);
      c->i++;
      continue;
    }
    guint save = c->i;
    const char *arg = function_ident_arg (c, "counter");
    if (arg && g_ascii_strcasecmp (arg, "page") == 0) {
      item->kind = STYLE_CONTENT_COUNTER_PAGE;
      continue;
    }
    if (arg && g_ascii_strcasecmp (arg, "pages") == 0) {
      item->kind = STYLE_CONTENT_COUNTER_PAGES;
      continue;
    }
    c->i = save;
    arg = function_ident_arg (c, "string");
    if (arg) {
      item->kind = STYLE_CONTENT_NAMED_STRING;
      item->text = g_strdup (arg);
      continue;
    }
    c->i = save;
    g_ptr_array_unref (items);
    return FALSE;
  }
  v->kind = SV_CONTENT;
  v->content = items;
  return TRUE;
}

gboolean
style_parse_page_size (StyleValueCursor *c, StyleSpecValue *v)
{
  static const struct { const char *name; double w, h; } sizes[] = {
    { "A3", 297, 420 }, { "A4", 210, 297 }, { "A5", 148, 210 }, { "B5", 176, 250 },
    { "letter", 8.5 * 25.4, 11 * 25.4 }, { "legal", 8.5 * 25.4, 14 * 25.4 },
  };
  double w = 0, h = 0;
  int orientation = 0;          /* 1 portrait, 2 landscape */
  gboolean have_size = FALSE;
  if (style_value_cursor_is_ident (c, "auto") && c->n == 1) {
    c->i++;
    v->kind = SV_INITIAL;
    return TRUE;
  }
  while (c->i < c->n) {
    const StyleToken *t = style_value_cursor_peek (c);
    if (t->type == STYLE_TOK_IDENT) {
      if (g_ascii_strcasecmp (t->value, "portrait") == 0 && !orientation) {
        orientation = 1;
        c->i++;
        continue;
      }
      if (g_ascii_strcasecmp (t->value, "landscape") == 0 && !orientation) {
        orientation = 2;
        c->i++;
        continue;
      }
      if (have_size)
        return FALSE;
      guint k;
      for (k = 0; k < G_N_ELEMENTS (sizes); k++)
        if (g_ascii_strcasecmp (t->value, sizes[k].name) == 0)
          break;
      if (k == G_N_ELEMENTS (sizes))
        return FALSE;
      w = sizes[k].w * 72 / 25.4;
      h = sizes[k].h * 72 / 25.4;
      have_size = TRUE;
      c->i++;
      continue;
    }
    if (have_size || orientation)
      return FALSE;
    StyleSpecValue a = { 0 }, b = { 0 };
    guint save = c->i;
    if (!style_length_parse (c, FALSE, FALSE, &a) || a.unit != U_PT || a.num <= 0) {
      c->i = save;
      return FALSE;
    }
    b = a;
    if (c->i < c->n && style_value_cursor_peek (c)->type != STYLE_TOK_IDENT) {
      save = c->i;
      if (!style_length_parse (c, FALSE, FALSE, &b) || b.unit != U_PT || b.num <= 0) {
        c->i = save;
        return FALSE;
      }
    }
    w = a.num;
    h = b.num;
    have_size = TRUE;
  }
  if (!have_size) {
    if (!orientation)
      return FALSE;
    w = 210 * 72 / 25.4;        /* orientation alone: of A4 */
    h = 297 * 72 / 25.4;
  }
  if ((orientation == 2 && w < h) || (orientation == 1 && w > h)) {
    double tmp = w;
    w = h;
    h = tmp;
  }
  v->kind = SV_SIZE;
  v->num = w;
  v->num2 = h;
  return TRUE;
}

