/* space.c — white space in text variants, as CSS's white-space: normal.
 *
 * Runs of XML white space become one space, none at the start or end of a
 * variant; a line break between two wide (Chinese) characters disappears,
 * since Chinese has no spaces between words. No-break spaces are not white
 * space here and stay. Works across inline elements: "a <q> b</q>" keeps
 * one space, and it stays where it was written (before the quote mark the
 * renderer will add, not after it). */
#include <string.h>
#include "model/model-private.h"

static gboolean
is_wide (gunichar c)
{
  return c && (g_unichar_iswide (c) || g_unichar_iswide_cjk (c)) &&
         g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR;
}

typedef struct {
  GString *owner;             /* the text that held the pending white space */
  gboolean newline;           /* the pending run held a line break */
  gunichar last;              /* the last character kept; 0 at the start */
  GPtrArray *texts;           /* the GStrings being built, one per TEXT inline */
  GPtrArray *inlines;         /* their inlines */
} SpaceState;

/* A character (or a figure, a date) follows: the pending white space
 * becomes one space in the text where it stood, unless it is at the start
 * or is a line break between two Chinese characters. */
static void
flush (SpaceState *st, gunichar next)
{
  if (!st->owner)
    return;
  gboolean drop = st->last == 0 || (st->newline && is_wide (st->last) && is_wide (next));
  if (!drop)
    g_string_append_c (st->owner, ' ');
  st->owner = NULL;
  st->newline = FALSE;
}

static void walk (GPtrArray *inlines, SpaceState *st);

static void
walk_inline (ModelInline *inl, SpaceState *st)
{
  switch (inl->kind) {
  case MODEL_INLINE_BR:
    st->owner = NULL;   /* no space around a line break */
    st->last = '\n';
    return;
  case MODEL_INLINE_FIG:
  case MODEL_INLINE_DATE:
    flush (st, '0');
    st->last = '0';
    return;
  case MODEL_INLINE_TEXT:
    break;
  default:
    walk (inl->children, st);
    return;
  }
  GString *out = g_string_sized_new (strlen (inl->text));
  g_ptr_array_add (st->texts, out);
  g_ptr_array_add (st->inlines, inl);
  for (const char *p = inl->text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!st->owner)
        st->owner = out;
      st->newline |= (c == '\n' || c == '\r');
      continue;
    }
    flush (st, c);
    g_string_append_unichar (out, c);
    st->last = c;
  }
}

static void
walk (GPtrArray *inlines, SpaceState *st)
{
  for (guint i = 0; inlines && i < inlines->len; i++)
    walk_inline (g_ptr_array_index (inlines, i), st);
}

void
model_space_normalize (GPtrArray *inlines)
{
  SpaceState st = { .texts = g_ptr_array_new (), .inlines = g_ptr_array_new () };
  walk (inlines, &st);
  /* white space still pending at the end is dropped */
  for (guint i = 0; i < st.texts->len; i++) {
    ModelInline *inl = g_ptr_array_index (st.inlines, i);
    g_free (inl->text);
    inl->text = g_string_free (g_ptr_array_index (st.texts, i), FALSE);
  }
  g_ptr_array_unref (st.texts);
  g_ptr_array_unref (st.inlines);
}
