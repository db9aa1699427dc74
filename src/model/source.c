/* source.c — positions in the input text.
 *
 * libxml2 gives a node its line but not its column; users want both, so we
 * keep the file's bytes and find the element's "<name" on its line. */
#include <string.h>
#include "model/model-private.h"

void
model_source_init (ModelSource *ms, const char *file, const char *src, gsize len,
                   DiagList *diags, gboolean strict)
{
  ms->file = file;
  ms->src = src;
  ms->len = len;
  ms->diags = diags;
  ms->strict = strict;
  ms->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  g_array_append_val (ms->line_starts, zero);
  for (gsize i = 0; i < len; i++)
    if (src[i] == '\n') {
      gsize next = i + 1;
      g_array_append_val (ms->line_starts, next);
    }
}

void
model_source_clear (ModelSource *ms)
{
  if (ms->line_starts)
    g_array_unref (ms->line_starts);
  ms->line_starts = NULL;
}

static gsize
line_start (const ModelSource *ms, int line)
{
  if (line < 1)
    line = 1;
  if ((guint) line > ms->line_starts->len)
    return ms->len;
  return g_array_index (ms->line_starts, gsize, line - 1);
}

int
model_source_column (const ModelSource *ms, int line, gsize offset)
{
  gsize start = line_start (ms, line);
  if (offset < start || offset > ms->len)
    return 1;
  return (int) g_utf8_strlen (ms->src + start, (gssize) (offset - start)) + 1;
}

/* Finds "<name" followed by a delimiter from byte pos, no further than limit. */
static const char *
find_tag (const ModelSource *ms, gsize pos, gsize limit, const char *name)
{
  gsize n = strlen (name);
  for (gsize i = pos; i + n + 1 < limit; i++) {
    if (ms->src[i] != '<' || strncmp (ms->src + i + 1, name, n) != 0)
      continue;
    char c = ms->src[i + 1 + n];
    if (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r')
      return ms->src + i;
  }
  return NULL;
}

/* Byte offset of element's "<name", or of its line when not found. */
static gsize
element_offset (const ModelSource *ms, const xmlNode *node, int line)
{
  g_autofree char *qname = node->ns && node->ns->prefix
    ? g_strdup_printf ("%s:%s", node->ns->prefix, node->name)
    : g_strdup ((const char *) node->name);
  gsize start = line_start (ms, line);
  gsize limit = MIN (ms->len, line_start (ms, line + 1) + strlen (qname) + 2);
  const char *hit = find_tag (ms, start, limit, qname);
  return hit ? (gsize) (hit - ms->src) : start;
}

void
model_source_locate (const ModelSource *ms, const xmlNode *node, int *line, int *column)
{
  *line = node ? (int) xmlGetLineNo ((xmlNode *) node) : 0;
  *column = 0;
  if (!node || *line <= 0)
    return;
  if (node->type != XML_ELEMENT_NODE) {
    *column = 1;
    return;
  }
  *column = model_source_column (ms, *line, element_offset (ms, node, *line));
}

void
model_source_locate_attr (const ModelSource *ms, const xmlNode *element,
                          const char *attr, int *line, int *column)
{
  model_source_locate (ms, element, line, column);
  if (*line <= 0 || element->type != XML_ELEMENT_NODE)
    return;
  gsize n = strlen (attr);
  const char *end = ms->src + ms->len;
  const char *p = ms->src + element_offset (ms, element, *line);
  int l = *line;
  const char *quote = NULL;   /* inside an attribute value */
  for (; p < end && (quote || *p != '>'); p++) {
    if (*p == '\n')
      l++;
    if (quote) {
      if (*p == *quote)
        quote = NULL;
      continue;
    }
    if (*p == '"' || *p == '\'') {
      quote = p;
      continue;
    }
    if (g_ascii_isspace (p[-1]) && (gsize) (end - p) > n && strncmp (p, attr, n) == 0 &&
        (p[n] == '=' || g_ascii_isspace (p[n]))) {
      *line = l;
      *column = model_source_column (ms, l, (gsize) (p - ms->src));
      return;
    }
  }
}

gboolean
model_find_char (const char *file, int line, int column, gunichar c, int *out_line,
                 int *out_column)
{
  g_autofree char *src = NULL;
  gsize len;
  if (!file || !g_file_get_contents (file, &src, &len, NULL) || !g_utf8_validate (src, (gssize) len, NULL))
    return FALSE;
  int l = 1, col = 1;
  for (const char *p = src; *p; p = g_utf8_next_char (p)) {
    gunichar u = g_utf8_get_char (p);
    if ((l > line || (l == line && col >= column)) && u == c) {
      *out_line = l;
      *out_column = col;
      return TRUE;
    }
    if (u == '\n') {
      l++;
      col = 1;
    } else {
      col++;
    }
  }
  return FALSE;
}
