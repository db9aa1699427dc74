/* serve-main.c — the program dossier-serve: dossier with the preview
 * server of --serve (serve.c), the one part that needs libsoup.
 *
 * Linked from the same libraries as dossier, so it reads the same command
 * line and renders the same bytes; dossier runs it in its own place for
 * --serve (serve-exec.c) and so never loads libsoup and the libraries it
 * pulls in (sqlite, Kerberos, nghttp2, libpsl, libidn2: 3 ms of each
 * start). Installed in libexec, not in PATH: it is not a command. */
#include "cli/cli.h"
#include "cli/cli-private.h"

int
main (int argc, char **argv)
{
  return cli_main (argc, argv, cli_serve_run);
}
