/* links.c — which links a dossier may carry.
 *
 * A PDF reader follows a link's URI action when it is clicked: a
 * `javascript:`, `file:`, `data:`, `vbscript:` or `launch:` link in an input
 * nobody has looked at would run code or open local files on the reader's
 * machine. So a link is http(s) or mailto, or `#id` for a section of the
 * dossier (an internal link); anything else is an error at its attribute. */
#include <string.h>
#include "model/build-private.h"

static const char *const allowed[] = { "http", "https", "mailto", NULL };

/* The length of href's URI scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" /
 * "-" / "." ) before ':'), 0 when it has none. */
static gsize
scheme_length (const char *href)
{
  if (!g_ascii_isalpha (href[0]))
    return 0;
  gsize n = 1;
  while (g_ascii_isalnum (href[n]) || href[n] == '+' || href[n] == '-' || href[n] == '.')
    n++;
  return href[n] == ':' ? n : 0;
}

gboolean
build_link_allowed (Builder *b, const xmlNode *n, const char *href)
{
  if (!href || !*href) {
    build_error_at_attr (b, n, "href", "<a> needs href=\"https://…\", \"mailto:…\" or \"#id\" "
                         "of a section");
    return FALSE;
  }
  if (href[0] == '#') {
    if (href[1])
      return TRUE;
    build_error_at_attr (b, n, "href", "href=\"#\" names no section: write # and a section's id");
    return FALSE;
  }
  gsize len = scheme_length (href);
  if (!len) {
    build_error_at_attr (b, n, "href", "href=\"%s\" is not an address a PDF can follow: write "
                         "it whole (https://…), as mailto:…, or as # and a section's id", href);
    return FALSE;
  }
  for (const char *const *a = allowed; *a; a++) {
    if (strlen (*a) == len && g_ascii_strncasecmp (href, *a, len) == 0) {
      if (href[len + 1])
        return TRUE;
      build_error_at_attr (b, n, "href", "href=\"%s\" has no address after the scheme", href);
      return FALSE;
    }
  }
  g_autofree char *scheme = g_ascii_strdown (href, (gssize) len);
  build_error_at_attr (b, n, "href", "href=\"%s\": %s: links are not allowed (a reader would "
                       "hand them to other programs); links are http:, https:, mailto: or # and a "
                       "section's id", href, scheme);
  return FALSE;
}
