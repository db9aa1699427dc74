/* diag.c — see diag.h. */
#include "common/diag.h"

struct _DiagList {
  GPtrArray *items;
};

static void
diag_free (gpointer p)
{
  Diag *d = p;
  g_free (d->file);
  g_free (d->message);
  g_free (d);
}

DiagList *
diag_list_new (void)
{
  DiagList *l = g_new0 (DiagList, 1);
  l->items = g_ptr_array_new_with_free_func (diag_free);
  return l;
}

void
diag_list_free (DiagList *list)
{
  if (!list)
    return;
  g_ptr_array_unref (list->items);
  g_free (list);
}

void
diag_add (DiagList *list, DiagLevel level, const char *file, int line,
          int column, const char *format, ...)
{
  va_list ap;
  Diag *d = g_new0 (Diag, 1);
  d->level = level;
  d->file = g_strdup (file);
  d->line = line;
  d->column = column;
  va_start (ap, format);
  d->message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_ptr_array_add (list->items, d);
}

guint
diag_list_length (const DiagList *list)
{
  return list->items->len;
}

const Diag *
diag_list_get (const DiagList *list, guint i)
{
  g_return_val_if_fail (i < list->items->len, NULL);
  return g_ptr_array_index (list->items, i);
}

guint
diag_list_count_errors (const DiagList *list, gboolean strict)
{
  guint n = 0;
  for (guint i = 0; i < list->items->len; i++) {
    const Diag *d = g_ptr_array_index (list->items, i);
    if (d->level == DIAG_ERROR || strict)
      n++;
  }
  return n;
}

char *
diag_format (const Diag *d)
{
  GString *s = g_string_new (NULL);
  if (d->file) {
    g_string_append (s, d->file);
    if (d->line > 0) {
      g_string_append_printf (s, ":%d", d->line);
      if (d->column > 0)
        g_string_append_printf (s, ":%d", d->column);
    }
    g_string_append (s, ": ");
  }
  g_string_append (s, d->message);
  return g_string_free (s, FALSE);
}

void
diag_list_append_text (const DiagList *list, guint from, gboolean strict, GString *out)
{
  for (guint i = from; i < list->items->len; i++) {
    const Diag *d = g_ptr_array_index (list->items, i);
    const char *level = d->level == DIAG_ERROR ? "error"
                        : strict ? "error (strict)" : "warning";
    if (d->file) {
      if (d->line > 0 && d->column > 0)
        g_string_append_printf (out, "%s:%d:%d: ", d->file, d->line, d->column);
      else if (d->line > 0)
        g_string_append_printf (out, "%s:%d: ", d->file, d->line);
      else
        g_string_append_printf (out, "%s: ", d->file);
    }
    g_string_append_printf (out, "%s: %s\n", level, d->message);
  }
}

void
diag_list_print (const DiagList *list, FILE *out, gboolean strict)
{
  g_autoptr (GString) text = g_string_new (NULL);
  diag_list_append_text (list, 0, strict, text);
  fputs (text->str, out);
}
