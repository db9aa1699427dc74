/* version.c — `dossier --version`: the libraries as linked at run time.
 *
 * Each version is asked of the library itself, not taken from the headers
 * built against: a nightly build's log then shows what really ran. */
#include <stdlib.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <pango/pango.h>
#include "cli/cli.h"
#include "common/datadir.h"

void
cli_print_version (FILE *out)
{
  int fc = FcGetVersion ();
  int xml = atoi (xmlParserVersion);   /* "20914" → 2.9.14 */
  fprintf (out, "dossier %s\n", DOSSIER_VERSION);
  fprintf (out, "  glib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  fprintf (out, "  cairo %s\n", cairo_version_string ());
  fprintf (out, "  pango %s\n", pango_version_string ());
  fprintf (out, "  harfbuzz %s\n", hb_version_string ());
  fprintf (out, "  fontconfig %d.%d.%d\n", fc / 10000, fc / 100 % 100, fc % 100);
  fprintf (out, "  libxml2 %d.%d.%d\n", xml / 10000, xml / 100 % 100, xml % 100);
  fprintf (out, "data %s\n", datadir_get ());
}
