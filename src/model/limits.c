/* limits.c — the input limits the model checks (docs/limits.md, "Input
 * limits"): the size of each file before it is read, the nesting depth of
 * its elements, and the length of a word. Each message names the limit, the
 * value found and what raises it. */
#include <string.h>
#include <glib/gstdio.h>
#include "common/limits.h"
#include "model/build-private.h"

gboolean
model_input_size_ok (const char *path, DiagList *diags)
{
  GStatBuf st;
  guint64 max = limits_get ()->max_input_bytes;
  if (g_stat (path, &st) != 0 || (guint64) st.st_size <= max)
    return TRUE;   /* reading it reports what is wrong */
  diag_error (diags, path, 0, 0, "the file is %.1f MB, more than the limit of %" G_GUINT64_FORMAT
              " MB for an input (--max-input-mb N raises it)",
              (double) st.st_size / (1024.0 * 1024.0), max / (1024 * 1024));
  return FALSE;
}

/* Iterative, so a deep tree cannot exhaust the stack here. */
gboolean
model_depth_ok (ModelSource *ms, xmlNode *root)
{
  guint max = limits_get ()->max_depth;
  guint depth = 1;
  xmlNode *n = root;
  while (n != NULL) {
    if (n->type == XML_ELEMENT_NODE && depth > max) {
      int line, column;
      model_source_locate (ms, n, &line, &column);
      diag_error (ms->diags, ms->file, line, column,
                  "<%s> is nested %u elements deep, more than the limit of %u (a dossier "
                  "needs about 12; this limit is fixed)", (const char *) n->name, depth, max);
      return FALSE;
    }
    if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      depth++;
      continue;
    }
    while (n != NULL && n->next == NULL && n != root) {
      n = n->parent;
      depth--;
    }
    if (n == NULL || n == root)
      break;
    n = n->next;
  }
  return TRUE;
}

/* ---- word length --------------------------------------------------------- */

typedef struct {
  guint len;               /* characters of the word being read */
  const ModelVariant *variant;
  gboolean reported;
} WordRun;

/* Whether a line may break at c: the end of a word. A soft hyphen is inside
 * its word (it breaks a word, it does not end one). */
static gboolean
ends_word (gunichar c)
{
  if (c == 0x00AD)
    return FALSE;
  switch (g_unichar_break_type (c)) {
  case G_UNICODE_BREAK_SPACE:
  case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
  case G_UNICODE_BREAK_MANDATORY:
  case G_UNICODE_BREAK_CARRIAGE_RETURN:
  case G_UNICODE_BREAK_LINE_FEED:
  case G_UNICODE_BREAK_NEXT_LINE:
  case G_UNICODE_BREAK_IDEOGRAPHIC:
  case G_UNICODE_BREAK_HYPHEN:
  case G_UNICODE_BREAK_AFTER:
  case G_UNICODE_BREAK_BEFORE:
  case G_UNICODE_BREAK_BEFORE_AND_AFTER:
  case G_UNICODE_BREAK_HANGUL_L_JAMO:
  case G_UNICODE_BREAK_HANGUL_V_JAMO:
  case G_UNICODE_BREAK_HANGUL_T_JAMO:
  case G_UNICODE_BREAK_HANGUL_LV_SYLLABLE:
  case G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE:
    return TRUE;
  default:
    return FALSE;
  }
}

static void
words_of (Builder *b, const GPtrArray *inlines, WordRun *w)
{
  guint max = limits_get ()->max_word;
  for (guint i = 0; inlines && i < inlines->len && !w->reported; i++) {
    const ModelInline *inl = g_ptr_array_index (inlines, i);
    if (inl->kind == MODEL_INLINE_BR || inl->kind == MODEL_INLINE_FIG
        || inl->kind == MODEL_INLINE_DATE) {
      w->len = 0;   /* a break, or a short formatted text */
      continue;
    }
    if (inl->kind != MODEL_INLINE_TEXT) {
      words_of (b, inl->children, w);   /* a word runs on through <em> and the like */
      continue;
    }
    for (const char *p = inl->text; p && *p && !w->reported; p = g_utf8_next_char (p)) {
      if (ends_word (g_utf8_get_char (p))) {
        w->len = 0;
        continue;
      }
      if (++w->len > max) {
        /* (libxml2 places text nodes at their line only: the <t> it is in) */
        diag_error (b->ms->diags, b->ms->file, w->variant->line, w->variant->column,
                    "<t> holds a word of more than %u characters (no space or other "
                    "break in it): the limit is %u (--max-word N raises it)", max, max);
        w->reported = TRUE;
      }
    }
  }
}

void
build_check_words (Builder *b, const ModelVariant *v)
{
  WordRun w = { .variant = v };
  words_of (b, v->inlines, &w);
}
