/* fuzz-model.c — libFuzzer target for the input loader (untrusted XML). */
#include <stdint.h>
#include "model/model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  ModelPack *pack = NULL;
  /* a name in a folder of its own: a pack's includes resolve to nothing */
  ModelDoc *doc = model_load_bytes ("/nonexistent/fuzz.xml", (const char *) data, size, FALSE,
                                    &pack, diags);
  model_doc_free (doc);
  model_pack_free (pack);
  return 0;
}
