/* images.c — the options of page images: --format, --pages, and the name
 * an output is written under (cli-private.h). */
#include <stdlib.h>
#include <string.h>
#include "cli/cli-private.h"

static const struct { const char *name; RenderFormat format; } formats[] = {
  { "pdf", RENDER_FORMAT_PDF }, { "png", RENDER_FORMAT_PNG }, { "svg", RENDER_FORMAT_SVG },
};

static gboolean
format_of_name (const char *name, RenderFormat *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0) {
      *out = formats[i].format;
      return TRUE;
    }
  return FALSE;
}

const char *
cli_format_extension (RenderFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  return "pdf";
}

gboolean
cli_output_format (const char *option, const char *output, RenderFormat *format, GError **error)
{
  RenderFormat by_name = RENDER_FORMAT_PDF;
  const char *dot = output ? strrchr (output, '.') : NULL;
  gboolean named = dot && !strchr (dot, '/') && format_of_name (dot + 1, &by_name);
  if (option) {
    if (!format_of_name (option, format)) {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--format %s: give pdf, png or svg", option);
      return FALSE;
    }
    if (named && by_name != *format) {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--format %s, but the output %s is named as %s: drop one or make them agree",
                   option, output, cli_format_extension (by_name));
      return FALSE;
    }
    return TRUE;
  }
  *format = named ? by_name : RENDER_FORMAT_PDF;
  return TRUE;
}

/* A page number of a --pages list: a whole number from 1. */
static gboolean
page_number (const char *s, const char *spec, int *out, GError **error)
{
  char *end = NULL;
  long n = strtol (s, &end, 10);
  if (!*s || *end || n < 1 || n > 10000000 || !g_ascii_isdigit (*s)) {
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "--pages %s: '%s' is not a page number; give numbers from 1 and ranges, "
                 "e.g. 1,3-5", spec, s);
    return FALSE;
  }
  *out = (int) n;
  return TRUE;
}

GArray *
cli_parse_pages (const char *spec, GError **error)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto (GStrv) parts = g_strsplit (spec, ",", -1);
  for (char **p = parts; *p; p++) {
    g_strstrip (*p);
    char *dash = strchr (*p, '-');
    int from, to;
    if (dash) {
      *dash = '\0';
      if (!page_number (*p, spec, &from, error) || !page_number (dash + 1, spec, &to, error))
        goto bad;
      if (to < from) {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     "--pages %s: the range %d-%d runs backwards", spec, from, to);
        goto bad;
      }
    } else {
      if (!page_number (*p, spec, &from, error))
        goto bad;
      to = from;
    }
    for (int n = from; n <= to && pages->len < 100000; n++) {
      gboolean seen = FALSE;
      for (guint i = 0; i < pages->len && !seen; i++)
        seen = g_array_index (pages, int, i) == n;
      if (!seen)
        g_array_append_val (pages, n);
    }
  }
  return pages;
bad:
  g_array_unref (pages);
  return NULL;
}
