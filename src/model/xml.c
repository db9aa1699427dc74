/* xml.c — reading an untrusted input file with libxml2.
 *
 * No network, no DTD loading, no entity substitution, and any DOCTYPE is
 * refused outright: our format needs none, and a DTD is how entity bombs get
 * in (platform-notes.md). Then the RELAX NG schema, compiled into the
 * program, checks the structure before the model is built. */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include "common/limits.h"
#include "model/model-private.h"

extern const char model_schema_rng[];
extern const size_t model_schema_rng_len;

/* Parse errors: libxml2's records carry line and column (int2). */
static void
on_parse_error (void *data, xmlErrorPtr err)
{
  ModelSource *ms = data;
  if (err->level == XML_ERR_WARNING)
    return;
  g_autofree char *msg = g_strchomp (g_strdup (err->message ? err->message : "malformed XML"));
  /* libxml2 stops at 256 levels and suggests an option of its own: say
   * what the limit is for a dossier (limits.c). */
  if (err->message && strstr (err->message, "Excessive depth") != NULL) {
    g_free (msg);
    msg = g_strdup_printf ("elements are nested more than 256 deep here, more than the "
                           "limit of %u (a dossier needs about 12; this limit is fixed)",
                           limits_get ()->max_depth);
  }
  diag_error (ms->diags, ms->file, err->line, err->int2 > 0 ? err->int2 : 1, "%s", msg);
}

/* Schema errors: they come with the node; find its column ourselves. */
static void
on_schema_error (void *data, xmlErrorPtr err)
{
  ModelSource *ms = data;
  int line = err->line, column = 1;
  if (err->node)
    model_source_locate (ms, (xmlNode *) err->node, &line, &column);
  g_autofree char *msg = g_strchomp (g_strdup (err->message ? err->message : "invalid"));
  diag_error (ms->diags, ms->file, line, column, "does not follow input format v1: %s", msg);
}

static void
ignore_generic (void *ctx, const char *msg, ...)
{
}

/* The schema, parsed once per process. */
static xmlRelaxNGPtr
schema_get (void)
{
  static gsize once = 0;
  static xmlRelaxNGPtr schema = NULL;
  if (g_once_init_enter (&once)) {
    xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewMemParserCtxt (model_schema_rng,
                                                              (int) model_schema_rng_len);
    schema = xmlRelaxNGParse (pctx);
    xmlRelaxNGFreeParserCtxt (pctx);
    g_assert (schema != NULL);   /* the built-in schema is part of the program */
    g_once_init_leave (&once, 1);
  }
  return schema;
}

static gboolean
validate (ModelSource *ms, xmlDoc *doc)
{
  xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt (schema_get ());
  xmlRelaxNGSetValidStructuredErrors (vctx, on_schema_error, ms);
  guint before = diag_list_count_errors (ms->diags, FALSE);
  int rc = xmlRelaxNGValidateDoc (vctx, doc);
  xmlRelaxNGFreeValidCtxt (vctx);
  if (rc != 0 && diag_list_count_errors (ms->diags, FALSE) == before)
    diag_error (ms->diags, ms->file, 1, 1, "does not follow input format v1");
  return rc == 0;
}

xmlDoc *
model_xml_read (ModelSource *ms)
{
  xmlSetGenericErrorFunc (NULL, ignore_generic);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (!ctxt) {
    diag_error (ms->diags, ms->file, 0, 0, "out of memory");
    return NULL;
  }
  xmlSetStructuredErrorFunc (ms, on_parse_error);
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
  guint before = diag_list_count_errors (ms->diags, FALSE);
  xmlDoc *doc = xmlCtxtReadMemory (ctxt, ms->src, (int) ms->len, ms->file, NULL, options);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (ctxt);

  if (!doc || diag_list_count_errors (ms->diags, FALSE) > before) {
    if (diag_list_count_errors (ms->diags, FALSE) == before)
      diag_error (ms->diags, ms->file, 1, 1, "not a well-formed XML document");
    xmlFreeDoc (doc);
    return NULL;
  }
  if (doc->intSubset || doc->extSubset) {
    const char *hit = g_strstr_len (ms->src, (gssize) ms->len, "<!DOCTYPE");
    int line = 1;
    for (const char *p = ms->src; hit && p < hit; p++)
      if (*p == '\n')
        line++;
    int col = hit ? model_source_column (ms, line, (gsize) (hit - ms->src)) : 1;
    diag_error (ms->diags, ms->file, line, col,
                "a DOCTYPE is not allowed in a dossier input (no DTD, no entities)");
    xmlFreeDoc (doc);
    return NULL;
  }
  if (!model_depth_ok (ms, xmlDocGetRootElement (doc)) || !validate (ms, doc)) {
    xmlFreeDoc (doc);
    return NULL;
  }
  return doc;
}
