/* explain.c — `dossier --explain SELECTOR INPUT.xml`: for the elements a
 * selector matches, every property with its computed value and where it
 * came from (the style stage's style_explain), as text for a designer or
 * as JSON (json-glib) for tools.
 *
 * Which elements exist is the layout's business (headings, contents
 * entries, chart parts are made there, per language), so the input is laid
 * out once with an observer on the sheet that keeps each node chain it is
 * asked to style; elements with the same chain (name, id, classes, language
 * up to the root) have the same style and are shown once, with how many
 * times layout styled them. */
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "cli/cli.h"
#include "cli/cli-private.h"

#define EXPLAIN_SHOWN 3

/* A node chain seen during layout, copied (layout's nodes live on its stack). */
typedef struct {
  StyleNode *nodes;           /* [0] the element, [n-1] the root */
  guint n;
  char *desc;
  guint count;
} Seen;

typedef struct {
  const StyleQuery *query;
  GMutex lock;
  GHashTable *by_desc;        /* desc → Seen* */
  GPtrArray *seen;            /* of Seen*, in the order first styled */
  gboolean json;
  gboolean page, first, left;
} Explain;

static void
seen_free (gpointer p)
{
  Seen *s = p;
  for (guint k = 0; k < s->n; k++) {
    g_free ((char *) s->nodes[k].name);
    g_free ((char *) s->nodes[k].id);
    g_free ((char *) s->nodes[k].classes);
    g_free ((char *) s->nodes[k].lang);
  }
  g_free (s->nodes);
  g_free (s->desc);
  g_free (s);
}

static Seen *
seen_new (const StyleNode *node, char *desc)
{
  Seen *s = g_new0 (Seen, 1);
  for (const StyleNode *x = node; x; x = x->parent)
    s->n++;
  s->nodes = g_new0 (StyleNode, s->n);
  guint k = 0;
  for (const StyleNode *x = node; x; x = x->parent, k++) {
    s->nodes[k] = (StyleNode) { g_strdup (x->name), g_strdup (x->id), g_strdup (x->classes),
                                g_strdup (x->lang), NULL };
    if (k)
      s->nodes[k - 1].parent = &s->nodes[k];
  }
  s->desc = desc;
  return s;
}

static void
observe (const StyleNode *node, gpointer data)
{
  Explain *ex = data;
  if (!style_query_matches (ex->query, node))
    return;
  char *desc = style_node_describe (node);
  g_mutex_lock (&ex->lock);
  Seen *s = g_hash_table_lookup (ex->by_desc, desc);
  if (s) {
    g_free (desc);
  } else {
    s = seen_new (node, desc);
    g_hash_table_insert (ex->by_desc, s->desc, s);
    g_ptr_array_add (ex->seen, s);
  }
  s->count++;
  g_mutex_unlock (&ex->lock);
}

static void
before_layout (StyleSheet *sheet, gpointer data)
{
  style_sheet_observe (sheet, observe, data);
}

/* ---- text ------------------------------------------------------------------------ */

/* style_specificity_text in a buffer of this file's (text output is one thread) */
static const char *
style_specificity_text_static (guint sp)
{
  static char buf[32];
  g_autofree char *t = style_specificity_text (sp);
  g_strlcpy (buf, t, sizeof buf);
  return buf;
}

static void
print_source (const char *lead, const StyleSource *s)
{
  g_autofree char *sp = style_specificity_text (s->specificity);
  printf ("      %-9s %s %s%s at %s:%d:%d: %s\n", lead, s->selector, sp,
          s->important ? " !important" : "", s->file, s->line, s->column, s->value);
}

static void
print_explained (const StyleExplained *e)
{
  if (e->from == STYLE_FROM_INITIAL && !e->winner) {
    printf ("  %s: %s  (initial)\n", e->property, e->value);
    return;
  }
  printf ("  %s: %s\n", e->property, e->value);
  if (e->from == STYLE_FROM_INHERITED)
    printf ("      inherited from %s (%s:%d:%d): %s %s { %s: %s }\n", e->winner->element,
            e->winner->file, e->winner->line, e->winner->column, e->winner->selector,
            style_specificity_text_static (e->winner->specificity), e->property,
            e->winner->value);
  else
    print_source (e->explicit_inherit ? "inherit" : "from", e->winner);
  if (e->var_name && e->var_source)
    printf ("      %-9s var(%s) from %s (%s:%d:%d): %s\n", "", e->var_name,
            e->var_source->selector, e->var_source->file, e->var_source->line,
            e->var_source->column, e->var_source->value);
  else if (e->var_name)
    printf ("      %-9s var(%s) has no value there: the fallback\n", "", e->var_name);
  for (guint k = 0; k < e->overridden->len; k++)
    print_source ("overrides", e->overridden->pdata[k]);
}

/* ---- JSON -------------------------------------------------------------------------- */

static void
json_source (JsonBuilder *b, const char *member, const StyleSource *s)
{
  if (member)
    json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, s->file);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, s->line);
  json_builder_set_member_name (b, "column");
  json_builder_add_int_value (b, s->column);
  json_builder_set_member_name (b, "selector");
  json_builder_add_string_value (b, s->selector);
  json_builder_set_member_name (b, "specificity");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, s->specificity >> 20);
  json_builder_add_int_value (b, (s->specificity >> 10) & 0x3ff);
  json_builder_add_int_value (b, s->specificity & 0x3ff);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "important");
  json_builder_add_boolean_value (b, s->important);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, s->value);
  json_builder_set_member_name (b, "element");
  json_builder_add_string_value (b, s->element);
  json_builder_end_object (b);
}

static void
json_explained (JsonBuilder *b, const StyleExplained *e)
{
  static const char *const from[] = { "declared", "inherited", "initial" };
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "property");
  json_builder_add_string_value (b, e->property);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, e->value);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, e->explicit_inherit ? "inherit" : from[e->from]);
  if (e->winner)
    json_source (b, "declaration", e->winner);
  if (e->var_name) {
    json_builder_set_member_name (b, "var");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "name");
    json_builder_add_string_value (b, e->var_name);
    if (e->var_source)
      json_source (b, "declaration", e->var_source);
    json_builder_end_object (b);
  }
  json_builder_set_member_name (b, "overridden");
  json_builder_begin_array (b);
  for (guint k = 0; k < e->overridden->len; k++)
    json_source (b, NULL, e->overridden->pdata[k]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
json_element (JsonBuilder *b, const char *desc, guint count, GPtrArray *props)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "element");
  json_builder_add_string_value (b, desc);
  json_builder_set_member_name (b, "styled");
  json_builder_add_int_value (b, count);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_array (b);
  for (guint k = 0; k < props->len; k++)
    json_explained (b, props->pdata[k]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* ---- the run ------------------------------------------------------------------------- */

static void
after_layout (StyleSheet *sheet, gpointer data)
{
  Explain *ex = data;
  style_sheet_observe (sheet, NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "elements");
  json_builder_begin_array (b);
  guint matched = ex->page ? 1 : ex->seen->len;
  if (ex->page) {
    g_autoptr (GPtrArray) props = style_explain_page (sheet, ex->first, ex->left);
    const char *what = ex->first ? "@page :first" : ex->left ? "@page :left" : "@page :right";
    if (ex->json)
      json_element (b, what, 1, props);
    else {
      printf ("%s\n", what);
      for (guint k = 0; k < props->len; k++)
        print_explained (props->pdata[k]);
    }
  } else if (!ex->json) {
    if (matched == 0)
      printf ("no element matches (as the layout styles them)\n");
    else
      printf ("%u element%s match%s%s\n", matched, matched == 1 ? "" : "s",
              matched == 1 ? "es" : "", matched > EXPLAIN_SHOWN ? "; the first "
              G_STRINGIFY (EXPLAIN_SHOWN) ":" : ":");
  }
  for (guint k = 0; !ex->page && k < MIN (matched, EXPLAIN_SHOWN); k++) {
    const Seen *s = ex->seen->pdata[k];
    g_autoptr (GPtrArray) props = style_explain (sheet, &s->nodes[0]);
    if (ex->json) {
      json_element (b, s->desc, s->count, props);
      continue;
    }
    printf ("\n%s  (styled %u time%s)\n", s->desc, s->count, s->count == 1 ? "" : "s");
    for (guint j = 0; j < props->len; j++)
      print_explained (props->pdata[j]);
  }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "matched");
  json_builder_add_int_value (b, matched);
  json_builder_set_member_name (b, "more");
  json_builder_add_int_value (b, matched > EXPLAIN_SHOWN ? matched - EXPLAIN_SHOWN : 0);
  json_builder_end_object (b);
  if (ex->json) {
    g_autoptr (JsonGenerator) gen = json_generator_new ();
    g_autoptr (JsonNode) root = json_builder_get_root (b);
    json_generator_set_root (gen, root);
    json_generator_set_pretty (gen, TRUE);
    g_autofree char *text = json_generator_to_data (gen, NULL);
    printf ("%s\n", text);
  } else if (matched > EXPLAIN_SHOWN) {
    printf ("\n… and %u more element%s (narrow the selector, e.g. with #id or :lang(), to "
            "see others)\n", matched - EXPLAIN_SHOWN,
            matched - EXPLAIN_SHOWN == 1 ? "" : "s");
  }
  fflush (stdout);
}

int
cli_explain (const CliJob *job, const char *selector, gboolean json)
{
  g_autoptr (DiagList) diags = diag_list_new ();
  g_autoptr (StyleQuery) query = style_query_parse (selector, "--explain", diags);
  if (!query) {
    g_autoptr (GString) text = g_string_new (NULL);
    diag_list_append_text (diags, 0, FALSE, text);
    fputs (text->str, stderr);
    return CLI_EXIT_USAGE;
  }
  Explain ex = { .query = query, .json = json };
  ex.page = style_query_is_page (query, &ex.first, &ex.left);
  g_mutex_init (&ex.lock);
  ex.by_desc = g_hash_table_new (g_str_hash, g_str_equal);
  ex.seen = g_ptr_array_new_with_free_func (seen_free);
  CliJob j = *job;
  j.before_layout = before_layout;
  j.after_layout = after_layout;
  j.layout_data = &ex;
  g_autoptr (CliJobResult) r = cli_job_run (&j);
  fputs (r->log->str, stderr);
  g_hash_table_unref (ex.by_desc);
  g_ptr_array_unref (ex.seen);
  g_mutex_clear (&ex.lock);
  return r->status;
}
