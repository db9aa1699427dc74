/* space.c — white space in text variants, as CSS's white-space: normal.
 *
 * Runs of XML white space become one space, none at the start or end of a
 * variant; a line break between two wide (Chinese) characters disappears,
 * since Chinese has no spaces between words. No-break spaces are not white
 * space here and stay. Works across inline elements: "a <em> b</em>" keeps
 * one space. */
#include <string.h>
#include "model/model-private.h"

static gboolean
is_wide (gunichar c)
{
  return c && (g_unichar_iswide (c) || g_unichar_iswide_cjk (c)) &&
         g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR;
}

typedef struct {
  gboolean pending_space;     /* white space seen since the last character */
  gboolean pending_newline;
  gunichar last;              /* last character written, 0 at start */
  GString *pending_target;    /* the inline text that saw the white space */
  ModelInline *last_text;     /* the last text inline finished */
} SpaceState;

static void
flush_space (SpaceState *st, GString *target, gunichar next)
{
  if (!st->pending_space)
    return;
  gboolean drop = st->last == 0 ||
                  (st->pending_newline && is_wide (st->last) && is_wide (next));
  if (!drop) {
    if (st->pending_target || target)
      g_string_append_c (st->pending_target ? st->pending_target : target, ' ');
    else if (st->last_text) {   /* before a figure or date: end the text before it */
      char *t = g_strconcat (st->last_text->text, " ", NULL);
      g_free (st->last_text->text);
      st->last_text->text = t;
    }
  }
  st->pending_space = st->pending_newline = FALSE;
  st->pending_target = NULL;
}

static void normalize_list (GPtrArray *inlines, SpaceState *st);

static void
normalize_inline (ModelInline *inl, SpaceState *st)
{
  if (inl->kind == MODEL_INLINE_BR) {
    st->pending_space = st->pending_newline = FALSE;
    st->last = '\n';
    return;
  }
  if (inl->kind == MODEL_INLINE_FIG || inl->kind == MODEL_INLINE_DATE) {
    flush_space (st, NULL, '0');
    st->last = '0';
    return;
  }
  if (inl->kind != MODEL_INLINE_TEXT) {
    normalize_list (inl->children, st);
    return;
  }
  GString *out = g_string_sized_new (strlen (inl->text));
  for (const char *p = inl->text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!st->pending_space)
        st->pending_target = NULL;
      st->pending_space = TRUE;
      st->pending_newline |= (c == '\n');
      continue;
    }
    /* white space before this character belongs here, at this position */
    if (st->pending_space && !st->pending_target)
      st->pending_target = out;
    flush_space (st, out, c);
    g_string_append_unichar (out, c);
    st->last = c;
  }
  g_free (inl->text);
  inl->text = g_string_free (out, FALSE);
  st->last_text = inl;
}

static void
normalize_list (GPtrArray *inlines, SpaceState *st)
{
  for (guint i = 0; inlines && i < inlines->len; i++)
    normalize_inline (g_ptr_array_index (inlines, i), st);
}

void
model_space_normalize (GPtrArray *inlines)
{
  SpaceState st = { 0 };
  normalize_list (inlines, &st);
}
