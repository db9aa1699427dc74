/* fuzz-font.c — libFuzzer target over the font path: the bytes are a font
 * file a designer dropped into a --font-dir, and everything dossier does
 * with such a file runs on it.
 *
 * Each run writes the bytes to a folder of their own (the pipeline opens
 * faces by path: fontconfig scans the folder, Pango/HarfBuzz and cairo open
 * the file by name) and loads a font map with text_font_map_new(), that
 * folder as the one extra font folder. The project's font folder is a
 * scratch one whose fonts.conf names no folder, so the map sees only the
 * fuzzed file and every run of text is shaped with it. A style that
 * @imports the built-in handout and names the file's family (as a designer
 * would) lays out a small German + Chinese dossier (headings, bold and
 * italic, a link, a figure, a chart); the PDF is written (HarfBuzz's
 * subsetter, FreeType from memory, cairo's PDF font embedding) and page 1
 * drawn as a PNG and an SVG (the faces opened whole from the file).
 *
 * A new folder and file name every run: cairo keeps FreeType faces of a
 * file by its name across font maps, and a face it still holds must not
 * see another run's bytes. Each folder and fontconfig's cache of it are
 * removed at the end of the run. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include "common/datadir.h"
#include "common/limits.h"
#include "model/model.h"
#include "style/style.h"
#include "text/text.h"
#include "layout/layout.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Every script and style the handout draws: German with umlauts, ß and
 * long words to hyphenate, Chinese, bold and italic (synthetic in a face
 * without them), a link (underline metrics), figures (numbers, the
 * currency's name) and a chart (its labels are glyph runs of their own). */
static const char doc_xml[] =
  "<dossier version=\"1\" languages=\"de zh\">"
  "<meta><title><t xml:lang=\"de\">Größe der Straße</t><t xml:lang=\"zh\">南京日</t></title>"
  "<date when=\"2026-03-02\"/></meta>"
  "<data>"
  "<figure id=\"f\" value=\"7.3e8\" unit=\"USD\" qualifier=\"more-than\"><label>"
  "<t xml:lang=\"de\">Investitionen</t><t xml:lang=\"zh\">协议对德投资</t></label></figure>"
  "<figure id=\"g\" value=\"4.2e9\" unit=\"USD\"><label>"
  "<t xml:lang=\"de\">Handel</t><t xml:lang=\"zh\">双边贸易额</t></label></figure>"
  "</data>"
  "<section id=\"s\"><heading><t xml:lang=\"de\">Übergänge</t><t xml:lang=\"zh\">会议概况</t></heading>"
  "<p><t xml:lang=\"de\">Die Handelsförderungskonferenz fließt: <em>Größe</em>, "
  "<strong>Zusammenarbeit</strong>, <fig ref=\"f\"/>, "
  "<a href=\"https://example.org/\">Programmheft</a>.</t>"
  "<t xml:lang=\"zh\">德国始终是<strong>南京</strong>最重要的<em>伙伴</em>，<fig ref=\"f\"/>。"
  "<a href=\"https://example.org/\">手册</a></t></p>"
  "<chart type=\"bar\" figures=\"f g\"><caption><t xml:lang=\"de\">Kapital</t>"
  "<t xml:lang=\"zh\">德资</t></caption></chart>"
  "</section></dossier>";

static char *scratch;          /* the process's own folder */
static char *cache_dir;        /* fontconfig's cache, emptied each run */
static char *out_path;
static char *style_file;       /* where the style "is": beside the built-in ones */
static ModelDoc *doc;
static unsigned serial;

static void remove_folder_files (const char *dir);

/* The scratch folder goes at exit (libFuzzer's -max_total_time, the
 * replay's end): nothing is left in the temporary folder. */
static void
tear_down (void)
{
  static const char *const subs[] = { "fonts", "cache", NULL };
  for (const char *const *d = subs; *d; d++) {
    g_autofree char *path = g_build_filename (scratch, *d, NULL);
    remove_folder_files (path);
    g_rmdir (path);
  }
  remove_folder_files (scratch);
  g_rmdir (scratch);
}

static void
set_up (void)
{
  scratch = g_dir_make_tmp ("dossier-fuzz-font-XXXXXX", NULL);
  g_assert (scratch);
  /* the project's font folder: nothing in it, a fonts.conf naming no folder */
  g_autofree char *fonts = g_build_filename (scratch, "fonts", NULL);
  cache_dir = g_build_filename (scratch, "cache", NULL);
  g_assert (g_mkdir (fonts, 0700) == 0 && g_mkdir (cache_dir, 0700) == 0);
  g_autofree char *conf = g_build_filename (fonts, "fonts.conf", NULL);
  g_autofree char *escaped = g_markup_escape_text (cache_dir, -1);
  g_autofree char *conf_text = g_strdup_printf ("<fontconfig><cachedir>%s</cachedir></fontconfig>\n",
                                                escaped);
  g_assert (g_file_set_contents (conf, conf_text, -1, NULL));
  g_setenv ("DOSSIER_FONTS_DIR", fonts, TRUE);   /* read once, before any datadir_*() */
  out_path = g_build_filename (scratch, "out.pdf", NULL);
  atexit (tear_down);
  style_file = g_build_filename (datadir_styles (), "fuzz-font.css", NULL);
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  doc = model_load_bytes ("/nonexistent/fuzz-font.xml", doc_xml, sizeof doc_xml - 1, FALSE,
                          &pack, diags);
  diag_list_print (diags, stderr, FALSE);
  g_assert (doc && !pack && diag_list_count_errors (diags, FALSE) == 0);
  DossierLimits l = *limits_get ();
  l.max_pages = 10;
  limits_set (&l);
}

/* A family name as a CSS string, or NULL when it holds what a string
 * cannot (then the generic family asks for it: the map has nothing else). */
static char *
css_string (const char *family)
{
  for (const char *c = family; *c; c++)
    if (*c == '"' || *c == '\\' || (guchar) *c < 0x20)
      return NULL;
  return g_strdup_printf ("\"%s\"", family);
}

/* The handout with every family it names replaced by the fuzzed one. */
static StyleSheet *
style_naming (const char *family, DiagList *diags)
{
  g_autofree char *name = family ? css_string (family) : NULL;
  const char *f = name ? name : "serif";
  g_autofree char *css = g_strdup_printf (
    "@import \"handout.css\";\n"
    ":root { --serif: %s; --sans: %s; }\n"
    ":lang(zh) { --serif: %s; --sans: %s; }\n"
    "p:lang(de), p:lang(zh) { font-family: %s; }\n"
    "@page { font-family: %s; }\n", f, f, f, f, f, f);
  return style_sheet_parse (css, strlen (css), style_file, diags);
}

static void
remove_folder_files (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d))) {
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_unlink (path);
  }
  if (d)
    g_dir_close (d);
}

/* Lays the dossier out with map (family: the fuzzed file's) and takes
 * the map's reference. Rendered even when layout reported errors (a
 * character the face lacks, which the program would stop at): the pages
 * are drawn with whatever faces layout chose, so render sees every face
 * fontconfig and Pango accepted. As in cli/job.c, the style and the map are
 * gone before rendering. */
static void
lay_out_and_render (PangoFontMap *map, const char *family)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  StyleSheet *sheet = style_naming (family, diags);
  g_assert (sheet && diag_list_count_errors (diags, FALSE) == 0);
  g_autoptr (GPtrArray) uses = style_sheet_families (sheet);
  text_check_families (map, uses, diags);
  g_autoptr (LayoutDoc) ldoc = layout_run (doc, sheet, map, diags);
  g_clear_pointer (&uses, g_ptr_array_unref);
  style_sheet_free (sheet);
  g_object_unref (map);
  if (!ldoc || ldoc->pages->len == 0)
    return;
  RenderOptions ro = { .date = NULL };
  g_autoptr (GError) error = NULL;
  if (!render_pdf_write (ldoc, out_path, &ro, &error))
    g_assert (error->code != RENDER_ERROR_CAIRO);   /* an internal error: a finding */
  GBytes *png = render_page_image (ldoc, 1, RENDER_FORMAT_PNG, 24, NULL);
  g_assert (png);
  /* DOSSIER_FUZZ_FONT_KEEP=folder: the last run's PDF and page 1 kept there,
   * to look at what a font did */
  const char *keep = g_getenv ("DOSSIER_FUZZ_FONT_KEEP");
  if (keep) {
    g_autofree char *pdf = NULL, *pdf_to = g_build_filename (keep, "font.pdf", NULL);
    g_autofree char *png_to = g_build_filename (keep, "font-p1.png", NULL);
    gsize len;
    if (g_file_get_contents (out_path, &pdf, &len, NULL))
      g_file_set_contents (pdf_to, pdf, (gssize) len, NULL);
    g_file_set_contents (png_to, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png),
                         NULL);
  }
  g_bytes_unref (png);
  GBytes *svg = render_page_image (ldoc, 1, RENDER_FORMAT_SVG, 0, NULL);
  g_assert (svg);
  g_bytes_unref (svg);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!scratch)
    set_up ();
  g_autofree char *name = g_strdup_printf ("%u", serial++);
  g_autofree char *dir = g_build_filename (scratch, name, NULL);
  g_autofree char *file = g_build_filename (dir, "fuzz.ttf", NULL);
  g_assert (g_mkdir (dir, 0700) == 0);
  g_assert (g_file_set_contents (file, (const char *) data, (gssize) size, NULL));
  const char *const extra[] = { dir, NULL };
  PangoFontMap *map = text_font_map_new (extra, NULL);
  g_assert (map);
  /* the family of the file's first face, as fontconfig read it (Pango's
   * list of families adds its generic ones) */
  FcFontSet *set = FcConfigGetFonts (pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map)),
                                     FcSetApplication);
  FcChar8 *family = NULL;
  if (set && set->nfont > 0) {   /* fontconfig took the file as a font */
    FcPatternGetString (set->fonts[0], FC_FAMILY, 0, &family);
    lay_out_and_render (map, (const char *) family);
  } else {
    g_object_unref (map);
  }
  remove_folder_files (dir);
  g_rmdir (dir);
  remove_folder_files (cache_dir);
  return 0;
}
