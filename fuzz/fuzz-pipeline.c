/* fuzz-pipeline.c — libFuzzer target over the whole pipeline: an untrusted
 * input is loaded, styled with the built-in handout style, laid out, its
 * charts drawn and the PDF written (to a scratch folder of the process's
 * own). The style and the font map are made once: they are the program's,
 * not the input's. Limits are lowered so that one iteration stays short. */
#include <stdint.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "common/datadir.h"
#include "common/limits.h"
#include "model/model.h"
#include "style/style.h"
#include "text/text.h"
#include "layout/layout.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static StyleSheet *sheet;
static PangoFontMap *map;
static char *out_path;

static void
set_up (void)
{
  g_autofree char *style = g_build_filename (datadir_styles (), "handout.css", NULL);
  g_autoptr (DiagList) diags = diag_list_new ();
  sheet = style_sheet_load (style, diags);
  map = text_font_map_new (NULL, NULL);
  g_assert (sheet && map);
  char *dir = g_dir_make_tmp ("dossier-fuzz-XXXXXX", NULL);
  g_assert (dir);
  out_path = g_build_filename (dir, "out.pdf", NULL);
  g_free (dir);
  DossierLimits l = *limits_get ();
  l.max_pages = 40;
  l.max_word = 200;
  limits_set (&l);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!sheet)
    set_up ();
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  /* a name in a folder of its own: a pack's includes resolve to nothing */
  g_autoptr (ModelDoc) doc = model_load_bytes ("/nonexistent/fuzz.xml", (const char *) data,
                                               size, FALSE, &pack, diags);
  if ((doc || pack) && diag_list_count_errors (diags, FALSE) == 0) {
    g_autoptr (LayoutDoc) ldoc = doc ? layout_run (doc, sheet, map, diags)
                                     : layout_run_pack (pack, sheet, map, diags);
    if (ldoc && diag_list_count_errors (diags, FALSE) == 0) {
      RenderOptions ro = { .date = NULL };
      g_autoptr (GError) error = NULL;
      if (!render_pdf_write (ldoc, out_path, &ro, &error))
        g_assert (error->code != RENDER_ERROR_CAIRO);   /* an internal error: a finding */
    }
  }
  model_pack_free (pack);
  return 0;
}
