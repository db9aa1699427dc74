/* test-layout-goldens.c — the layout goldens (as Pango's tests/layouts):
 * each tests/layout/NAME.xml is laid out with NAME.css and the project's
 * fonts, and the text dump of its lines (position, text, width, adjustment
 * ratio, how the line ends) must equal NAME.expected. A failure prints a
 * diff. DOSSIER_REGEN=1 writes the .expected files instead (review them).
 * With a file name as argument it prints that input's dump and exits. */
#include <stdio.h>
#include <string.h>
#include "layout/layout.h"
#include "text/text.h"

static PangoFontMap *font_map;

static char *
dump_input (const char *xml, const char *css)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  g_autoptr (ModelDoc) doc = model_load (xml, FALSE, &pack, diags);
  g_assert_nonnull (doc);
  g_autoptr (StyleSheet) sheet = style_sheet_load (css, diags);
  g_assert_nonnull (sheet);
  g_autoptr (LayoutDoc) ldoc = layout_run (doc, sheet, font_map, diags);
  GString *out = g_string_new (NULL);
  for (guint p = 0; p < ldoc->pages->len; p++) {
    g_autofree char *page = layout_page_dump (g_ptr_array_index (ldoc->pages, p));
    g_string_append_printf (out, "--- page %u\n%s", p + 1, page);
  }
  return g_string_free (out, FALSE);
}

static void
test_golden (gconstpointer data)
{
  const char *base = data;
  g_autofree char *xml = g_strconcat (base, ".xml", NULL);
  g_autofree char *css = g_strconcat (base, ".css", NULL);
  g_autofree char *expected_path = g_strconcat (base, ".expected", NULL);
  g_autofree char *got = dump_input (xml, css);
  if (g_getenv ("DOSSIER_REGEN")) {
    g_assert_true (g_file_set_contents (expected_path, got, -1, NULL));
    return;
  }
  g_autofree char *expected = NULL;
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  if (strcmp (got, expected) == 0)
    return;
  g_autofree char *got_path = g_strconcat (g_get_tmp_dir (), "/",
                                           strrchr (base, '/') + 1, ".got", NULL);
  g_file_set_contents (got_path, got, -1, NULL);
  g_autofree char *cmd = g_strdup_printf ("diff -u '%s' '%s'", expected_path, got_path);
  g_autofree char *diff = NULL;
  g_spawn_command_line_sync (cmd, &diff, NULL, NULL, NULL);
  g_test_message ("%s", diff ? diff : "");
  g_test_fail ();
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  font_map = text_font_map_new (NULL, &error);
  g_assert_no_error (error);
  if (argc == 3 && argv[1][0] != '-') {     /* a dump: test-layout-goldens IN.xml STYLE.css */
    g_autofree char *d = dump_input (argv[1], argv[2]);
    fputs (d, stdout);
    return 0;
  }
  g_test_init (&argc, &argv, NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "tests", "layout", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *n; d && (n = g_dir_read_name (d));)
    if (g_str_has_suffix (n, ".xml"))
      g_ptr_array_add (names, g_strndup (n, strlen (n) - 4));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++) {
    const char *n = g_ptr_array_index (names, i);
    g_autofree char *path = g_strdup_printf ("/layout/%s", n);
    g_test_add_data_func_full (path, g_build_filename (dir, n, NULL), test_golden, g_free);
  }
  int status = g_test_run ();
  g_object_unref (font_map);
  return status;
}
