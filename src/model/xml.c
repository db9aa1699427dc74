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

/* Parse errors: libxml2's records carry line and column (int2). Only the
 * first is said: after a fatal error libxml2 reports the same mistake
 * again at every element it closes. */
typedef struct {
  ModelSource *ms;
  gboolean said;
} ParseErrors;

static void
on_parse_error (void *data, xmlErrorPtr err)
{
  ParseErrors *pe = data;
  ModelSource *ms = pe->ms;
  if (err->level == XML_ERR_WARNING || pe->said)
    return;
  pe->said = TRUE;
  g_autofree char *msg = g_strchomp (g_strdup (err->message ? err->message : "malformed XML"));
  /* libxml2 stops at 256 levels and suggests an option of its own: say
   * what the limit is for a dossier (limits.c). */
  if (err->message && strstr (err->message, "Excessive depth") != NULL) {
    g_free (msg);
    msg = g_strdup_printf ("elements are nested more than 256 deep here, more than the "
                           "limit of %u (a dossier needs about 12; this limit is fixed)",
                           limits_get ()->max_depth);
  }
  char open[128], close[128];
  int open_line;
  if (err->message &&
      sscanf (err->message, "Opening and ending tag mismatch: %127s line %d and %127s", open,
              &open_line, close) == 3) {
    g_free (msg);
    msg = g_strdup_printf ("</%s> closes <%s>, which opened at line %d and is still open: "
                           "close <%s> first (</%s>)", close, open, open_line, open, open);
  }
  diag_error (ms->diags, ms->file, err->line, err->int2 > 0 ? err->int2 : 1, "%s", msg);
}

/* Schema errors are gathered, then said once per mistake (say_schema_errors):
 * libxml2 follows one mistake with lines about every element around it. */
typedef struct {
  const xmlNode *node;
  int line, column;
  char *message;
  gboolean generic;           /* a consequence of another mistake, as a rule */
} SchemaError;

typedef struct {
  ModelSource *ms;
  GArray *errors;             /* of SchemaError */
} SchemaErrors;

static void
schema_error_clear (gpointer p)
{
  g_free (((SchemaError *) p)->message);
}

/* libxml2's wording, in the project's. */
static char *
reword (const char *m, gboolean *generic)
{
  static const char *const generic_parts[] = {
    "failed to validate attributes", "has extra content", "Invalid sequence in interleave",
    "failed to validate content", "Extra element", "Expecting element", "error validating",
  };
  *generic = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (generic_parts); i++)
    if (strstr (m, generic_parts[i]))
      *generic = TRUE;
  char a[128], b[128];
  if (sscanf (m, "Did not expect element %127s there", a) == 1)
    return g_strdup_printf ("<%s> is not allowed here (see docs/input-format.md for what this "
                            "element may hold)", a);
  if (sscanf (m, "Expecting an element %127[^,], got nothing", a) == 1)
    return g_strdup_printf ("a <%s> is missing here", a);
  if (sscanf (m, "Invalid attribute %127s for element %127s", a, b) == 2)
    return g_strdup_printf ("<%s> has no attribute %s in input format v1", b, a);
  if (sscanf (m, "Element %127s failed to validate attributes", a) == 1)
    return g_strdup_printf ("<%s> lacks an attribute it needs, or has one it may not", a);
  return g_strdup_printf ("does not follow input format v1: %s", m);
}

static void
on_schema_error (void *data, xmlErrorPtr err)
{
  SchemaErrors *se = data;
  SchemaError e = { .node = err->node, .line = err->line, .column = 1 };
  if (err->node)
    model_source_locate (se->ms, (xmlNode *) err->node, &e.line, &e.column);
  g_autofree char *msg = g_strchomp (g_strdup (err->message ? err->message : "invalid"));
  e.message = reword (msg, &e.generic);
  g_array_append_val (se->errors, e);
}

/* One message a node; the consequences (generic ones) only when nothing
 * more telling was found in the whole file. */
static void
say_schema_errors (SchemaErrors *se)
{
  gboolean any_specific = FALSE;
  for (guint i = 0; i < se->errors->len; i++)
    any_specific |= !g_array_index (se->errors, SchemaError, i).generic;
  g_autoptr (GHashTable) said = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < se->errors->len; i++) {
    SchemaError *e = &g_array_index (se->errors, SchemaError, i);
    if ((any_specific && e->generic) || (e->node && g_hash_table_contains (said, e->node)))
      continue;
    g_autofree char *key = g_strdup_printf ("%d:%d:%s", e->line, e->column, e->message);
    if (g_hash_table_contains (texts, key))
      continue;
    g_hash_table_add (texts, g_steal_pointer (&key));
    if (e->node)
      g_hash_table_add (said, (gpointer) e->node);
    diag_error (se->ms->diags, se->ms->file, e->line, e->column, "%s", e->message);
  }
  GList *keys = g_hash_table_get_keys (texts);
  g_list_free_full (keys, g_free);
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
  SchemaErrors se = { ms, g_array_new (FALSE, TRUE, sizeof (SchemaError)) };
  g_array_set_clear_func (se.errors, schema_error_clear);
  xmlRelaxNGSetValidStructuredErrors (vctx, on_schema_error, &se);
  guint before = diag_list_count_errors (ms->diags, FALSE);
  int rc = xmlRelaxNGValidateDoc (vctx, doc);
  xmlRelaxNGFreeValidCtxt (vctx);
  say_schema_errors (&se);
  g_array_unref (se.errors);
  if (rc != 0 && diag_list_count_errors (ms->diags, FALSE) == before)
    diag_error (ms->diags, ms->file, 1, 1, "does not follow input format v1");
  return rc == 0;
}

/* Where a DOCTYPE starts in the prolog (after the XML declaration,
 * comments, processing instructions and white space), or NULL. Found on
 * the bytes, before libxml2 sees them: whatever the DOCTYPE holds (entity
 * loops, billion laughs, parameter entities, an external subset) is never
 * parsed, expanded or loaded. */
static const char *
find_doctype (const char *src, gsize len)
{
  const char *p = src, *end = src + len;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end) {
    if (g_ascii_isspace (*p)) {
      p++;
    } else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0) {
      const char *close = g_strstr_len (p + 4, end - p - 4, "-->");
      if (!close)
        return NULL;
      p = close + 3;
    } else if (end - p >= 2 && memcmp (p, "<?", 2) == 0) {
      const char *close = g_strstr_len (p + 2, end - p - 2, "?>");
      if (!close)
        return NULL;
      p = close + 2;
    } else {
      return end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0 ? p : NULL;
    }
  }
  return NULL;
}

static void
refuse_doctype (ModelSource *ms, const char *hit)
{
  int line = 1;
  for (const char *p = ms->src; p < hit; p++)
    if (*p == '\n')
      line++;
  int col = model_source_column (ms, line, (gsize) (hit - ms->src));
  diag_error (ms->diags, ms->file, line, col,
              "a DOCTYPE is not allowed in a dossier input (no DTD, no entities): remove it; "
              "nothing in it was read");
}

xmlDoc *
model_xml_read (ModelSource *ms)
{
  const char *doctype = find_doctype (ms->src, ms->len);
  if (doctype) {
    refuse_doctype (ms, doctype);
    return NULL;
  }
  xmlSetGenericErrorFunc (NULL, ignore_generic);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (!ctxt) {
    diag_error (ms->diags, ms->file, 0, 0, "out of memory");
    return NULL;
  }
  ParseErrors pe = { ms, FALSE };
  xmlSetStructuredErrorFunc (&pe, on_parse_error);
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
  if (!model_depth_ok (ms, xmlDocGetRootElement (doc)) ||
      !model_precheck (ms, xmlDocGetRootElement (doc)) || !validate (ms, doc)) {
    xmlFreeDoc (doc);
    return NULL;
  }
  return doc;
}
