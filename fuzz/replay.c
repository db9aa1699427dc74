/* replay.c — runs a fuzz target over files without libFuzzer, so the
 * corpora run in every test build (and under ASan/UBSan in the sanitizer
 * build). Each argument is a file or a folder of files. */
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
run_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, NULL)) {
    fprintf (stderr, "cannot read %s\n", path);
    return 1;
  }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  return 0;
}

int
main (int argc, char **argv)
{
  int files = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    GDir *dir = g_dir_open (argv[i], 0, NULL);
    if (!dir) {
      failed += run_file (argv[i]);
      files++;
      continue;
    }
    const char *name;
    while ((name = g_dir_read_name (dir))) {
      g_autofree char *path = g_build_filename (argv[i], name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
        failed += run_file (path);
        files++;
      }
    }
    g_dir_close (dir);
  }
  printf ("%d passed, %d failed\n", files - failed, failed);
  return failed ? 1 : 0;
}
