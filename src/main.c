/* main.c — the dossier program: everything is in cli/; --serve runs the
 * program dossier-serve (src/cli/serve-main.c). */
#include "cli/cli.h"

int
main (int argc, char **argv)
{
  return cli_main (argc, argv, NULL);
}
