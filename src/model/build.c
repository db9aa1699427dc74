/* build.c — from a validated XML tree to the model.
 *
 * The schema has already checked the structure, so this file trusts element
 * names and required attributes; what the schema cannot check is checked
 * here: numbers, dates, references (fig ref, quote by, chart data/figures,
 * facts figures) and missing language variants. References are resolved at
 * the end, since a quote may name a person introduced further down. */
#include <math.h>
#include <string.h>
#include <libxml/tree.h>
#include "model/build-private.h"

static void
pending_ref_free (gpointer p)
{
  PendingRef *r = p;
  g_free (r->ids);
  g_free (r);
}

gboolean
build_is (const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

char *
build_attr (const xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp ((xmlNode *) n, (const xmlChar *) name);
  if (!v)
    return NULL;
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

void
build_locate (Builder *b, const xmlNode *n, int *line, int *column)
{
  model_source_locate (b->ms, n, line, column);
}

void
build_error_at_attr (Builder *b, const xmlNode *n, const char *attr_name, const char *fmt, ...)
{
  int line, column;
  model_source_locate_attr (b->ms, n, attr_name, &line, &column);
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  diag_error (b->ms->diags, b->ms->file, line, column, "%s", msg);
}

/* ---- inline content ------------------------------------------------------ */

static ModelInlineKind
inline_kind (const char *name)
{
  static const struct { const char *name; ModelInlineKind kind; } map[] = {
    { "em", MODEL_INLINE_EM }, { "strong", MODEL_INLINE_STRONG },
    { "q", MODEL_INLINE_Q }, { "name", MODEL_INLINE_NAME },
    { "fig", MODEL_INLINE_FIG }, { "date", MODEL_INLINE_DATE },
    { "a", MODEL_INLINE_A }, { "br", MODEL_INLINE_BR },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].name, name) == 0)
      return map[i].kind;
  g_assert_not_reached ();   /* the schema allows no other */
}

static gboolean
is_date (const char *s)
{
  int y, m, d;
  char tail;
  if (!s || sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (s) != 10)
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void build_inlines (Builder *b, const xmlNode *parent, GPtrArray *out);

static ModelInline *
build_inline_element (Builder *b, const xmlNode *n)
{
  ModelInline *inl = g_new0 (ModelInline, 1);
  inl->kind = inline_kind ((const char *) n->name);
  build_locate (b, n, &inl->line, &inl->column);
  switch (inl->kind) {
  case MODEL_INLINE_FIG:
    inl->arg = build_attr (n, "ref");
    g_ptr_array_add (b->pending_figs, inl);
    break;
  case MODEL_INLINE_DATE:
    inl->arg = build_attr (n, "when");
    if (!is_date (inl->arg))
      build_error_at_attr (b, n, "when", "'%s' is not a date (YYYY-MM-DD)", inl->arg ? inl->arg : "");
    break;
  case MODEL_INLINE_A:
    inl->arg = build_attr (n, "href");
    if (build_link_allowed (b, n, inl->arg) && inl->arg[0] == '#' && b->pending_links)
      g_ptr_array_add (b->pending_links, inl);
    break;
  default:
    break;
  }
  if (inl->kind != MODEL_INLINE_FIG && inl->kind != MODEL_INLINE_DATE &&
      inl->kind != MODEL_INLINE_BR) {
    inl->children = g_ptr_array_new_with_free_func (model_inline_free);
    build_inlines (b, n, inl->children);
  }
  return inl;
}

static void
build_inlines (Builder *b, const xmlNode *parent, GPtrArray *out)
{
  for (const xmlNode *c = parent->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      ModelInline *inl = g_new0 (ModelInline, 1);
      inl->kind = MODEL_INLINE_TEXT;
      inl->text = g_strdup ((const char *) c->content);
      build_locate (b, c, &inl->line, &inl->column);
      g_ptr_array_add (out, inl);
    } else if (c->type == XML_ELEMENT_NODE) {
      g_ptr_array_add (out, build_inline_element (b, c));
    }
  }
}

/* ---- bilingual text ------------------------------------------------------ */

static gboolean
text_has_lang (const ModelText *t, const char *lang)
{
  for (guint i = 0; i < t->variants->len; i++) {
    const ModelVariant *v = g_ptr_array_index (t->variants, i);
    if (!v->lang || g_ascii_strcasecmp (v->lang, lang) == 0)
      return TRUE;
  }
  return FALSE;
}

/* The t children of n as one ModelText; reports missing languages. */
ModelText *
build_text (Builder *b, const xmlNode *n)
{
  ModelText *t = model_text_new ();
  build_locate (b, n, &t->line, &t->column);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!build_is (c, "t"))
      continue;
    ModelVariant *v = g_new0 (ModelVariant, 1);
    xmlChar *lang = xmlGetNsProp ((xmlNode *) c, (const xmlChar *) "lang", XML_XML_NAMESPACE);
    v->lang = lang ? g_strdup ((const char *) lang) : NULL;
    xmlFree (lang);
    build_locate (b, c, &v->line, &v->column);
    v->inlines = g_ptr_array_new_with_free_func (model_inline_free);
    build_inlines (b, c, v->inlines);
    model_space_normalize (v->inlines);
    build_check_words (b, v);
    g_ptr_array_add (t->variants, v);
  }
  for (guint i = 0; i < b->doc->n_languages; i++) {
    const char *lang = b->doc->languages[i];
    if (!text_has_lang (t, lang))
      diag_add (b->ms->diags, b->ms->strict ? DIAG_ERROR : DIAG_WARNING, b->ms->file,
                t->line, t->column, "<%s> has no '%s' variant%s", (const char *) n->name,
                lang, b->ms->strict ? "" : "; the other language is shown in its place");
  }
  return t;
}

ModelText *
build_text_child (Builder *b, const xmlNode *n, const char *child)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if (build_is (c, child))
      return build_text (b, c);
  return NULL;
}

/* ---- data ---------------------------------------------------------------- */

static gboolean
parse_number (Builder *b, const xmlNode *n, const char *name, double *out)
{
  g_autofree char *s = build_attr (n, name);
  char *end = NULL;
  if (s)
    *out = g_ascii_strtod (s, &end);
  if (s && end != s && *end == '\0' && !isfinite (*out))
    return build_check_number (b, n, name, s, *out);
  if (!s || end == s || *end != '\0') {
    build_error_at_attr (b, n, name, "'%s' is not a number (write it as 2.22e9 or 315)",
                   s ? s : "");
    return FALSE;
  }
  return TRUE;
}

static ModelQualifier
parse_qualifier (const char *s)
{
  if (!s)
    return MODEL_QUALIFIER_NONE;
  if (strcmp (s, "more-than") == 0)
    return MODEL_QUALIFIER_MORE_THAN;
  if (strcmp (s, "about") == 0)
    return MODEL_QUALIFIER_ABOUT;
  if (strcmp (s, "less-than") == 0)
    return MODEL_QUALIFIER_LESS_THAN;
  return MODEL_QUALIFIER_NONE;
}

gboolean
build_parse_bool (const char *s)
{
  return s && (strcmp (s, "true") == 0 || strcmp (s, "1") == 0);
}

void
build_add_unique (Builder *b, GHashTable *table, const char *id, gpointer value, const xmlNode *n,
            const char *what)
{
  if (g_hash_table_contains (table, id)) {
    build_error_at_attr (b, n, "id", "%s id '%s' is defined twice", what, id);
    return;
  }
  g_hash_table_insert (table, (gpointer) id, value);
}

static void
build_figure (Builder *b, const xmlNode *n)
{
  ModelFigure *f = g_new0 (ModelFigure, 1);
  build_locate (b, n, &f->line, &f->column);
  f->id = build_attr (n, "id");
  f->unit = build_attr (n, "unit");
  if (parse_number (b, n, "value", &f->value))
    build_check_value (b, n, "value", f->value, f->unit);
  g_autofree char *q = build_attr (n, "qualifier");
  f->qualifier = parse_qualifier (q);
  g_autofree char *year = build_attr (n, "year");
  f->year = year ? atoi (year) : 0;
  g_autofree char *ill = build_attr (n, "illustrative");
  f->illustrative = build_parse_bool (ill);
  f->label = build_text_child (b, n, "label");
  g_ptr_array_add (b->doc->figure_list, f);
  build_add_unique (b, b->doc->figures, f->id, f, n, "figure");
}

static void
build_series (Builder *b, const xmlNode *n)
{
  ModelSeries *s = g_new0 (ModelSeries, 1);
  build_locate (b, n, &s->line, &s->column);
  s->id = build_attr (n, "id");
  s->unit = build_attr (n, "unit");
  g_autofree char *ill = build_attr (n, "illustrative");
  s->illustrative = build_parse_bool (ill);
  s->label = build_text_child (b, n, "label");
  s->points = g_ptr_array_new ();
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!build_is (c, "point"))
      continue;
    ModelPoint *p = g_new0 (ModelPoint, 1);
    build_locate (b, c, &p->line, &p->column);
    p->x = build_attr (c, "x");
    if (parse_number (b, c, "value", &p->value))
      build_check_value (b, c, "value", p->value, s->unit);
    p->label = build_text_child (b, c, "label");
    g_ptr_array_add (s->points, p);
  }
  g_ptr_array_add (b->doc->series_list, s);
  build_add_unique (b, b->doc->series, s->id, s, n, "series");
}

static void
build_data (Builder *b, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (build_is (c, "figure"))
      build_figure (b, c);
    else if (build_is (c, "series"))
      build_series (b, c);
    else if (build_is (c, "source"))
      b->doc->source = build_text (b, c);
  }
}

static void
build_meta (Builder *b, const xmlNode *n)
{
  ModelMeta *m = &b->doc->meta;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (build_is (c, "title"))
      m->title = build_text (b, c);
    else if (build_is (c, "subtitle"))
      m->subtitle = build_text (b, c);
    else if (build_is (c, "place"))
      m->place = build_text (b, c);
    else if (build_is (c, "organizer"))
      g_ptr_array_add (m->organizers, build_text (b, c));
    else if (build_is (c, "author"))
      m->author = build_text (b, c);
    else if (build_is (c, "keywords"))
      m->keywords = build_text (b, c);
    else if (build_is (c, "date")) {
      m->date = build_attr (c, "when");
      if (!is_date (m->date))
        build_error_at_attr (b, c, "when", "'%s' is not a date (YYYY-MM-DD)", m->date);
    }
  }
}

/* ---- references ---------------------------------------------------------- */

static void
collect_section_ids (const GPtrArray *blocks, GHashTable *ids)
{
  for (guint i = 0; blocks && i < blocks->len; i++) {
    const ModelBlock *bl = g_ptr_array_index (blocks, i);
    if (bl->kind != MODEL_BLOCK_SECTION)
      continue;
    if (bl->id)
      g_hash_table_add (ids, bl->id);
    collect_section_ids (bl->blocks, ids);
  }
}

static void
resolve (Builder *b)
{
  ModelDoc *doc = b->doc;
  for (guint i = 0; i < b->pending_figs->len; i++) {
    ModelInline *inl = g_ptr_array_index (b->pending_figs, i);
    inl->figure = inl->arg ? g_hash_table_lookup (doc->figures, inl->arg) : NULL;
    if (!inl->figure)
      diag_error (b->ms->diags, b->ms->file, inl->line, inl->column,
                  "<fig ref=\"%s\"> names no figure in <data>", inl->arg ? inl->arg : "");
  }
  if (b->pending_links->len) {
    g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
    collect_section_ids (doc->sections, ids);
    for (guint i = 0; i < b->pending_links->len; i++) {
      ModelInline *inl = g_ptr_array_index (b->pending_links, i);
      if (!g_hash_table_contains (ids, inl->arg + 1))
        diag_error (b->ms->diags, b->ms->file, inl->line, inl->column,
                    "<a href=\"%s\"> names no section: an internal link is # and the id of a "
                    "<section>", inl->arg);
    }
  }
  for (guint i = 0; i < b->pending_quotes->len; i++) {
    PendingRef *r = g_ptr_array_index (b->pending_quotes, i);
    r->block->speaker = g_hash_table_lookup (doc->persons, r->ids);
    if (!r->block->speaker)
      diag_error (b->ms->diags, b->ms->file, r->line, r->column,
                  "<quote by=\"%s\"> names no person in a <people> block", r->ids);
  }
  for (guint i = 0; i < b->pending_lists->len; i++) {
    PendingRef *r = g_ptr_array_index (b->pending_lists, i);
    g_auto (GStrv) ids = g_strsplit_set (r->ids, " \t\n\r", -1);
    GHashTable *table = r->kind == REF_SERIES ? doc->series : doc->figures;
    GPtrArray *out = r->kind == REF_SERIES ? r->block->series : r->block->figures;
    const char *what = r->kind == REF_SERIES ? "series" : "figure";
    for (char **id = ids; *id; id++) {
      if (!**id)
        continue;
      gpointer v = g_hash_table_lookup (table, *id);
      if (v)
        g_ptr_array_add (out, v);
      else
        diag_error (b->ms->diags, b->ms->file, r->line, r->column,
                    "'%s' names no %s in <data>", *id, what);
    }
  }
}

ModelDoc *
model_build_doc (ModelSource *ms, xmlNode *root)
{
  ModelDoc *doc = g_new0 (ModelDoc, 1);
  doc->file = g_strdup (ms->file);
  doc->figures = g_hash_table_new (g_str_hash, g_str_equal);
  doc->series = g_hash_table_new (g_str_hash, g_str_equal);
  doc->persons = g_hash_table_new (g_str_hash, g_str_equal);
  doc->figure_list = g_ptr_array_new ();
  doc->series_list = g_ptr_array_new ();
  doc->sections = g_ptr_array_new_with_free_func (model_block_free);
  doc->meta.organizers = g_ptr_array_new_with_free_func ((GDestroyNotify) model_text_free);

  g_autofree char *langs = build_attr (root, "languages");
  doc->languages = g_strsplit_set (langs ? langs : "de", " \t\n\r", -1);
  /* drop empty pieces left by repeated spaces */
  guint k = 0;
  for (guint i = 0; doc->languages[i]; i++) {
    if (*doc->languages[i])
      doc->languages[k++] = doc->languages[i];
    else
      g_free (doc->languages[i]);
  }
  doc->languages[k] = NULL;
  doc->n_languages = k;
  if (k == 0 || k > 2) {
    build_error_at_attr (&(Builder){ .ms = ms }, root, "languages",
                   "languages=\"%s\" must name one or two languages", langs ? langs : "");
  }
  g_autofree char *style = build_attr (root, "style");
  if (style) {
    g_autofree char *dir = g_path_get_dirname (ms->file);
    doc->style = g_path_is_absolute (style) ? g_strdup (style)
                                            : g_build_filename (dir, style, NULL);
    doc->style_value = g_strdup (style);
    model_source_locate_attr (ms, root, "style", &doc->style_line, &doc->style_column);
  }

  Builder b = { .ms = ms, .doc = doc,
                .pending_figs = g_ptr_array_new (),
                .pending_links = g_ptr_array_new (),
                .pending_quotes = g_ptr_array_new_with_free_func (pending_ref_free),
                .pending_lists = g_ptr_array_new_with_free_func (pending_ref_free) };
  guint errors_before = diag_list_count_errors (ms->diags, FALSE);
  for (const xmlNode *c = root->children; c; c = c->next) {
    if (build_is (c, "meta"))
      build_meta (&b, c);
    else if (build_is (c, "data"))
      build_data (&b, c);
    else if (build_is (c, "section"))
      g_ptr_array_add (doc->sections, build_section (&b, c, 1));
  }
  resolve (&b);
  build_check_charts (&b);
  g_ptr_array_unref (b.pending_figs);
  g_ptr_array_unref (b.pending_links);
  g_ptr_array_unref (b.pending_quotes);
  g_ptr_array_unref (b.pending_lists);
  if (diag_list_count_errors (ms->diags, FALSE) > errors_before) {
    model_doc_free (doc);
    return NULL;
  }
  return doc;
}
