/* test-readfile.c — dossier_read_regular_file: what it reads and what it
 * refuses (folders, FIFOs, devices, files over the limit, missing files). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include "common/readfile.h"

typedef struct {
  char *dir;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("readfile-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
  for (const char *n; d && (n = g_dir_read_name (d));) {
    g_autofree char *p = g_build_filename (f->dir, n, NULL);
    g_remove (p);
  }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_regular (Fixture *f, gconstpointer data)
{
  g_autofree char *p = g_build_filename (f->dir, "a.xml", NULL);
  g_assert_true (g_file_set_contents (p, "abc\0def", 7, NULL));
  g_autofree char *c = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (dossier_read_regular_file (p, 0, &c, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 7);
  g_assert_cmpmem (c, len, "abc\0def", 7);
  g_assert_cmpint (c[len], ==, '\0');
  g_assert_true (dossier_is_regular_file (p));
}

static void
expect_refused (const char *path, gsize max, DossierReadError code)
{
  char *c = (char *) 1;
  gsize len = 1;
  g_autoptr (GError) error = NULL;
  g_assert_false (dossier_read_regular_file (path, max, &c, &len, &error));
  g_assert_error (error, DOSSIER_READ_ERROR, (int) code);
  g_assert_null (c);
  g_assert_cmpuint (len, ==, 0);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nope.xml", NULL);
  expect_refused (missing, 0, DOSSIER_READ_ERROR_MISSING);
  expect_refused (f->dir, 0, DOSSIER_READ_ERROR_NOT_REGULAR);
  g_assert_false (dossier_is_regular_file (f->dir));
  expect_refused ("/dev/zero", 0, DOSSIER_READ_ERROR_NOT_REGULAR);
  g_assert_false (dossier_is_regular_file ("/dev/null"));
  /* a FIFO with no writer: refused at once, not waited on */
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  expect_refused (fifo, 0, DOSSIER_READ_ERROR_NOT_REGULAR);
}

static void
test_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *p = g_build_filename (f->dir, "big.css", NULL);
  g_assert_true (g_file_set_contents (p, "0123456789", 10, NULL));
  expect_refused (p, 9, DOSSIER_READ_ERROR_TOO_LARGE);
  g_autofree char *c = NULL;
  gsize len = 0;
  g_assert_true (dossier_read_regular_file (p, 10, &c, &len, NULL));   /* the limit itself is fine */
  g_assert_cmpuint (len, ==, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/readfile/regular", Fixture, NULL, setup, test_regular, teardown);
  g_test_add ("/readfile/refused", Fixture, NULL, setup, test_refused, teardown);
  g_test_add ("/readfile/limit", Fixture, NULL, setup, test_limit, teardown);
  return g_test_run ();
}
