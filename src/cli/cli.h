/* cli.h — the command line: arguments in, exit status out. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Exit statuses (sysexits.h). */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_USAGE = 64,
  CLI_EXIT_DATAERR = 65,      /* bad input or style */
  CLI_EXIT_NOINPUT = 66,      /* input not found */
  CLI_EXIT_SOFTWARE = 70,     /* internal error */
  CLI_EXIT_CANTCREAT = 73,    /* output not writable */
  CLI_EXIT_TEMPFAIL = 75,     /* a failure worth retrying (a full disk) */
};

typedef struct _CliJob CliJob;
/* --serve's preview server (serve.c): libsoup and the dozen libraries it
 * loads (sqlite, Kerberos, nghttp2, …) are linked into the program
 * dossier-serve only (serve-main.c), which passes it here, so that every
 * other run starts without loading them. NULL (dossier): --serve replaces
 * the process with dossier-serve, given the same arguments (serve-exec.c). */
typedef int (*CliServeFunc) (const CliJob *job, int port);

int cli_main (int argc, char **argv, CliServeFunc serve);
/* --version: dossier's, then each linked library's as it runs (version.c). */
void cli_print_version (FILE *out);

G_END_DECLS
