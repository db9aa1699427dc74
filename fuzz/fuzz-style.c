/* fuzz-style.c — libFuzzer target for the style sheet parser and cascade. */
#include <stdint.h>
#include "style/style.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  /* @import resolves against a folder that does not exist */
  g_autoptr (StyleSheet) sheet = style_sheet_parse ((const char *) data, size,
                                                    "/nonexistent/fuzz.css", diags);
  if (!sheet)
    return 0;
  StyleNode root = { "dossier", NULL, NULL, "de", NULL };
  StyleNode sec = { "section", "s1", "a b", "de", &root };
  StyleNode p = { "p", NULL, "lead", "zh", &sec };
  StyleComputed *rs = style_compute (sheet, &root, NULL);
  StyleComputed *ss = style_compute (sheet, &sec, rs);
  StyleComputed *ps = style_compute (sheet, &p, ss);
  style_computed_free (ps);
  style_computed_free (ss);
  style_computed_free (rs);
  for (int n = 1; n <= 3; n++)
    style_page_free (style_page_compute (sheet, n, n == 1));
  return 0;
}
