/* test-facecheck.c — text_face_check() (text/facecheck.c): the project's
 * own Noto files pass, the same files cut short at any point fail. */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "text/text.h"

#define NOTO_TTF "/usr/share/fonts/truetype/noto"
#define SERIF NOTO_TTF "/NotoSerif-Regular.ttf"
#define CJK "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

static gboolean
check (const char *file, int index, GError **error)
{
  return text_face_check (text_face_get (file, index, FALSE, 0), error);
}

/* Every TrueType file of the folder fonts.conf names, and each face of a
 * CJK collection. */
static void
test_whole_files_pass (void)
{
  g_autoptr (GDir) dir = g_dir_open (NOTO_TTF, 0, NULL);
  g_assert_nonnull (dir);
  int n = 0;
  for (const char *name; (name = g_dir_read_name (dir));) {
    if (!g_str_has_suffix (name, ".ttf"))
      continue;
    g_autofree char *path = g_build_filename (NOTO_TTF, name, NULL);
    g_autoptr (GError) error = NULL;
    if (!check (path, 0, &error))
      g_error ("%s: %s", path, error->message);
    n++;
  }
  g_assert_cmpint (n, >, 10);
  for (int i = 0; i < 10; i++) {   /* JP KR SC TC HK, and their Mono faces */
    g_autoptr (GError) error = NULL;
    g_assert_true (check (CJK, i, &error));
  }
}

/* A copy of the first len bytes of src, in dir; g_free. */
static char *
cut (const char *src, gsize len, const char *dir)
{
  g_autofree char *data = NULL;
  gsize size;
  g_assert_true (g_file_get_contents (src, &data, &size, NULL));
  g_assert_cmpuint (len, <=, size);
  char *path = g_strdup_printf ("%s/cut-%" G_GSIZE_FORMAT, dir, len);
  g_assert_true (g_file_set_contents (path, data, (gssize) len, NULL));
  return path;
}

static void
test_cut_files_fail (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-facecheck-XXXXXX", NULL);
  GStatBuf st;
  g_assert_cmpint (g_stat (SERIF, &st), ==, 0);
  gsize size = (gsize) st.st_size;
  /* in the header, in the directory, in the tables, one byte short */
  const gsize lens[] = { 0, 11, 12, 40, 12 + 16 * 18 - 1, 12 + 16 * 18, 5000, size / 2,
                         size - 1 };
  for (gsize i = 0; i < G_N_ELEMENTS (lens); i++) {
    g_autofree char *path = cut (SERIF, lens[i], dir);
    g_autoptr (GError) error = NULL;
    if (check (path, 0, &error))
      g_error ("%s cut to %" G_GSIZE_FORMAT " bytes passes", SERIF, lens[i]);
    g_assert_error (error, TEXT_FACE_ERROR, TEXT_FACE_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "the font file is damaged"));
    g_unlink (path);
  }
  g_autofree char *whole = cut (SERIF, size, dir);
  g_assert_true (check (whole, 0, NULL));
  g_unlink (whole);

  /* a collection cut after its faces' directories: every face is damaged,
   * and a face it does not have is named */
  g_autofree char *ttc = cut (CJK, 65536, dir);
  for (int i = 0; i < 10; i++) {
    g_autoptr (GError) error = NULL;
    g_assert_false (check (ttc, i, &error));
    g_assert_error (error, TEXT_FACE_ERROR, TEXT_FACE_ERROR_DAMAGED);
  }
  g_autoptr (GError) error = NULL;
  g_assert_false (check (ttc, 12, &error));
  g_assert_nonnull (strstr (error->message, "the collection has no face 12"));
  g_unlink (ttc);
  g_rmdir (dir);
}

static void
test_unreadable (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (check ("/nonexistent/font.ttf", 0, &error));
  g_assert_error (error, TEXT_FACE_ERROR, TEXT_FACE_ERROR_UNREADABLE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/facecheck/whole-files-pass", test_whole_files_pass);
  g_test_add_func ("/facecheck/cut-files-fail", test_cut_files_fail);
  g_test_add_func ("/facecheck/unreadable", test_unreadable);
  return g_test_run ();
}
