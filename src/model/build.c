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
#include "model/model-private.h"

typedef struct {
  ModelSource *ms;
  ModelDoc *doc;
  GPtrArray *pending_figs;      /* of ModelInline* (FIG) with arg = ref */
  GPtrArray *pending_quotes;    /* of PendingRef* */
  GPtrArray *pending_lists;     /* of PendingRef*: facts/chart figures, chart data */
} Builder;

typedef enum { REF_PERSON, REF_FIGURES, REF_SERIES } RefKind;

typedef struct {
  RefKind kind;
  ModelBlock *block;
  char *ids;
  int line, column;
} PendingRef;

static void
pending_ref_free (gpointer p)
{
  PendingRef *r = p;
  g_free (r->ids);
  g_free (r);
}

static gboolean
is (const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

static char *
attr (const xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp ((xmlNode *) n, (const xmlChar *) name);
  if (!v)
    return NULL;
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static void
locate (Builder *b, const xmlNode *n, int *line, int *column)
{
  model_source_locate (b->ms, n, line, column);
}

static void G_GNUC_PRINTF (4, 5)
error_at_attr (Builder *b, const xmlNode *n, const char *attr_name, const char *fmt, ...)
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
  locate (b, n, &inl->line, &inl->column);
  switch (inl->kind) {
  case MODEL_INLINE_FIG:
    inl->arg = attr (n, "ref");
    g_ptr_array_add (b->pending_figs, inl);
    break;
  case MODEL_INLINE_DATE:
    inl->arg = attr (n, "when");
    if (!is_date (inl->arg))
      error_at_attr (b, n, "when", "'%s' is not a date (YYYY-MM-DD)", inl->arg ? inl->arg : "");
    break;
  case MODEL_INLINE_A:
    inl->arg = attr (n, "href");
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
      locate (b, c, &inl->line, &inl->column);
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
static ModelText *
build_text (Builder *b, const xmlNode *n)
{
  ModelText *t = model_text_new ();
  locate (b, n, &t->line, &t->column);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is (c, "t"))
      continue;
    ModelVariant *v = g_new0 (ModelVariant, 1);
    xmlChar *lang = xmlGetNsProp ((xmlNode *) c, (const xmlChar *) "lang", XML_XML_NAMESPACE);
    v->lang = lang ? g_strdup ((const char *) lang) : NULL;
    xmlFree (lang);
    locate (b, c, &v->line, &v->column);
    v->inlines = g_ptr_array_new_with_free_func (model_inline_free);
    build_inlines (b, c, v->inlines);
    model_space_normalize (v->inlines);
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

static ModelText *
build_text_child (Builder *b, const xmlNode *n, const char *child)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is (c, child))
      return build_text (b, c);
  return NULL;
}

/* ---- data ---------------------------------------------------------------- */

static gboolean
parse_number (Builder *b, const xmlNode *n, const char *name, double *out)
{
  g_autofree char *s = attr (n, name);
  char *end = NULL;
  if (s)
    *out = g_ascii_strtod (s, &end);
  if (!s || end == s || *end != '\0' || !isfinite (*out)) {
    error_at_attr (b, n, name, "'%s' is not a number (write it as 2.22e9 or 315)",
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

static gboolean
parse_bool (const char *s)
{
  return s && (strcmp (s, "true") == 0 || strcmp (s, "1") == 0);
}

static void
add_unique (Builder *b, GHashTable *table, const char *id, gpointer value, const xmlNode *n,
            const char *what)
{
  if (g_hash_table_contains (table, id)) {
    error_at_attr (b, n, "id", "%s id '%s' is defined twice", what, id);
    return;
  }
  g_hash_table_insert (table, (gpointer) id, value);
}

static void
build_figure (Builder *b, const xmlNode *n)
{
  ModelFigure *f = g_new0 (ModelFigure, 1);
  locate (b, n, &f->line, &f->column);
  f->id = attr (n, "id");
  parse_number (b, n, "value", &f->value);
  f->unit = attr (n, "unit");
  g_autofree char *q = attr (n, "qualifier");
  f->qualifier = parse_qualifier (q);
  g_autofree char *year = attr (n, "year");
  f->year = year ? atoi (year) : 0;
  g_autofree char *ill = attr (n, "illustrative");
  f->illustrative = parse_bool (ill);
  f->label = build_text_child (b, n, "label");
  g_ptr_array_add (b->doc->figure_list, f);
  add_unique (b, b->doc->figures, f->id, f, n, "figure");
}

static void
build_series (Builder *b, const xmlNode *n)
{
  ModelSeries *s = g_new0 (ModelSeries, 1);
  locate (b, n, &s->line, &s->column);
  s->id = attr (n, "id");
  s->unit = attr (n, "unit");
  g_autofree char *ill = attr (n, "illustrative");
  s->illustrative = parse_bool (ill);
  s->label = build_text_child (b, n, "label");
  s->points = g_ptr_array_new ();
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is (c, "point"))
      continue;
    ModelPoint *p = g_new0 (ModelPoint, 1);
    locate (b, c, &p->line, &p->column);
    p->x = attr (c, "x");
    parse_number (b, c, "value", &p->value);
    p->label = build_text_child (b, c, "label");
    g_ptr_array_add (s->points, p);
  }
  g_ptr_array_add (b->doc->series_list, s);
  add_unique (b, b->doc->series, s->id, s, n, "series");
}

static void
build_data (Builder *b, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is (c, "figure"))
      build_figure (b, c);
    else if (is (c, "series"))
      build_series (b, c);
    else if (is (c, "source"))
      b->doc->source = build_text (b, c);
  }
}

static void
build_meta (Builder *b, const xmlNode *n)
{
  ModelMeta *m = &b->doc->meta;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is (c, "title"))
      m->title = build_text (b, c);
    else if (is (c, "subtitle"))
      m->subtitle = build_text (b, c);
    else if (is (c, "place"))
      m->place = build_text (b, c);
    else if (is (c, "organizer"))
      g_ptr_array_add (m->organizers, build_text (b, c));
    else if (is (c, "author"))
      m->author = build_text (b, c);
    else if (is (c, "keywords"))
      m->keywords = build_text (b, c);
    else if (is (c, "date")) {
      m->date = attr (c, "when");
      if (!is_date (m->date))
        error_at_attr (b, c, "when", "'%s' is not a date (YYYY-MM-DD)", m->date);
    }
  }
}

/* ---- blocks -------------------------------------------------------------- */

static void
block_common (Builder *b, ModelBlock *blk, const xmlNode *n, ModelBlockKind kind)
{
  blk->kind = kind;
  blk->id = attr (n, "id");
  blk->class_ = attr (n, "class");
  locate (b, n, &blk->line, &blk->column);
}

static void
pend_ids (Builder *b, GPtrArray *to, RefKind kind, ModelBlock *blk, const xmlNode *n,
          const char *attr_name)
{
  char *ids = attr (n, attr_name);
  if (!ids)
    return;
  PendingRef *r = g_new0 (PendingRef, 1);
  r->kind = kind;
  r->block = blk;
  r->ids = ids;
  model_source_locate_attr (b->ms, n, attr_name, &r->line, &r->column);
  g_ptr_array_add (to, r);
}

static ModelChartType
chart_type (const char *s)
{
  if (s && strcmp (s, "bar") == 0)
    return MODEL_CHART_BAR;
  if (s && strcmp (s, "line") == 0)
    return MODEL_CHART_LINE;
  if (s && strcmp (s, "donut") == 0)
    return MODEL_CHART_DONUT;
  return MODEL_CHART_COLUMN;
}

static ModelSessionKind
session_kind (const char *s)
{
  if (s && strcmp (s, "plenary") == 0)
    return MODEL_SESSION_PLENARY;
  if (s && strcmp (s, "forum") == 0)
    return MODEL_SESSION_FORUM;
  if (s && strcmp (s, "signing") == 0)
    return MODEL_SESSION_SIGNING;
  return MODEL_SESSION_OTHER;
}

/* A caption="" attribute is one neutral variant; a <caption> child is bilingual. */
static ModelText *
chart_caption (Builder *b, const xmlNode *n)
{
  ModelText *t = build_text_child (b, n, "caption");
  if (t)
    return t;
  g_autofree char *s = attr (n, "caption");
  if (!s)
    return NULL;
  t = model_text_new ();
  model_source_locate_attr (b->ms, n, "caption", &t->line, &t->column);
  ModelVariant *v = g_new0 (ModelVariant, 1);
  v->line = t->line;
  v->column = t->column;
  v->inlines = g_ptr_array_new_with_free_func (model_inline_free);
  ModelInline *inl = g_new0 (ModelInline, 1);
  inl->kind = MODEL_INLINE_TEXT;
  inl->text = g_strstrip (g_strdup (s));
  g_ptr_array_add (v->inlines, inl);
  g_ptr_array_add (t->variants, v);
  return t;
}

static void
build_children (Builder *b, const xmlNode *n, const char *name, GPtrArray *out)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is (c, name))
      g_ptr_array_add (out, build_text (b, c));
}

static ModelSession *
build_session (Builder *b, const xmlNode *n)
{
  ModelSession *s = g_new0 (ModelSession, 1);
  locate (b, n, &s->line, &s->column);
  g_autofree char *kind = attr (n, "kind");
  s->kind = session_kind (kind);
  s->start = attr (n, "start");
  s->end = attr (n, "end");
  s->id = attr (n, "id");
  s->class_ = attr (n, "class");
  s->heading = build_text_child (b, n, "heading");
  s->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) model_text_free);
  build_children (b, n, "p", s->paragraphs);
  return s;
}

static void
build_person (Builder *b, const xmlNode *n, GPtrArray *out)
{
  ModelPerson *p = g_new0 (ModelPerson, 1);
  locate (b, n, &p->line, &p->column);
  p->id = attr (n, "id");
  p->name = build_text_child (b, n, "name");
  p->role = build_text_child (b, n, "role");
  g_ptr_array_add (out, p);
  if (p->id)
    add_unique (b, b->doc->persons, p->id, p, n, "person");
}

static ModelRow *
build_row (Builder *b, const xmlNode *n)
{
  ModelRow *r = g_new0 (ModelRow, 1);
  locate (b, n, &r->line, &r->column);
  g_autofree char *head = attr (n, "head");
  r->head = parse_bool (head);
  r->cells = g_ptr_array_new ();
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is (c, "cell"))
      continue;
    ModelCell *cell = g_new0 (ModelCell, 1);
    locate (b, c, &cell->line, &cell->column);
    gboolean has_t = FALSE;
    for (const xmlNode *t = c->children; t; t = t->next)
      has_t |= is (t, "t");
    cell->text = has_t ? build_text (b, c) : NULL;
    g_ptr_array_add (r->cells, cell);
  }
  return r;
}

static ModelBlock *build_section (Builder *b, const xmlNode *n, int level);

static ModelBlock *
build_block (Builder *b, const xmlNode *n, int level)
{
  const char *name = (const char *) n->name;
  ModelBlock *blk = g_new0 (ModelBlock, 1);
  if (strcmp (name, "p") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_P);
    blk->text = build_text (b, n);
  } else if (strcmp (name, "quote") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_QUOTE);
    blk->text = build_text (b, n);
    pend_ids (b, b->pending_quotes, REF_PERSON, blk, n, "by");
  } else if (strcmp (name, "list") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_LIST);
    g_autofree char *kind = attr (n, "kind");
    blk->ordered = kind && strcmp (kind, "ordered") == 0;
    blk->items = g_ptr_array_new_with_free_func ((GDestroyNotify) model_text_free);
    build_children (b, n, "item", blk->items);
  } else if (strcmp (name, "facts") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_FACTS);
    blk->figures = g_ptr_array_new ();
    pend_ids (b, b->pending_lists, REF_FIGURES, blk, n, "figures");
  } else if (strcmp (name, "chart") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_CHART);
    g_autofree char *type = attr (n, "type");
    blk->chart_type = chart_type (type);
    blk->figures = g_ptr_array_new ();
    blk->series = g_ptr_array_new ();
    blk->caption = chart_caption (b, n);
    pend_ids (b, b->pending_lists, REF_FIGURES, blk, n, "figures");
    pend_ids (b, b->pending_lists, REF_SERIES, blk, n, "data");
  } else if (strcmp (name, "programme") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_PROGRAMME);
    blk->sessions = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next)
      if (is (c, "session"))
        g_ptr_array_add (blk->sessions, build_session (b, c));
  } else if (strcmp (name, "people") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_PEOPLE);
    blk->people = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next)
      if (is (c, "person"))
        build_person (b, c, blk->people);
  } else if (strcmp (name, "organisations") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_ORGANISATIONS);
    blk->orgs = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next) {
      if (!is (c, "org"))
        continue;
      ModelOrg *o = g_new0 (ModelOrg, 1);
      locate (b, c, &o->line, &o->column);
      o->name = build_text_child (b, c, "name");
      o->note = build_text_child (b, c, "note");
      g_ptr_array_add (blk->orgs, o);
    }
  } else if (strcmp (name, "table") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_TABLE);
    blk->rows = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next)
      if (is (c, "row"))
        g_ptr_array_add (blk->rows, build_row (b, c));
  } else if (strcmp (name, "section") == 0) {
    g_free (blk);
    return build_section (b, n, level + 1);
  } else {
    g_free (blk);
    return NULL;   /* heading is read by the section itself */
  }
  return blk;
}

static ModelBlock *
build_section (Builder *b, const xmlNode *n, int level)
{
  ModelBlock *sec = g_new0 (ModelBlock, 1);
  block_common (b, sec, n, MODEL_BLOCK_SECTION);
  sec->level = level;
  sec->heading = build_text_child (b, n, "heading");
  sec->blocks = g_ptr_array_new_with_free_func (model_block_free);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    ModelBlock *blk = build_block (b, c, level);
    if (blk)
      g_ptr_array_add (sec->blocks, blk);
  }
  return sec;
}

/* ---- references ---------------------------------------------------------- */

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

  g_autofree char *langs = attr (root, "languages");
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
    error_at_attr (&(Builder){ .ms = ms }, root, "languages",
                   "languages=\"%s\" must name one or two languages", langs ? langs : "");
  }
  g_autofree char *style = attr (root, "style");
  if (style) {
    g_autofree char *dir = g_path_get_dirname (ms->file);
    doc->style = g_path_is_absolute (style) ? g_strdup (style)
                                            : g_build_filename (dir, style, NULL);
  }

  Builder b = { .ms = ms, .doc = doc,
                .pending_figs = g_ptr_array_new (),
                .pending_quotes = g_ptr_array_new_with_free_func (pending_ref_free),
                .pending_lists = g_ptr_array_new_with_free_func (pending_ref_free) };
  guint errors_before = diag_list_count_errors (ms->diags, FALSE);
  for (const xmlNode *c = root->children; c; c = c->next) {
    if (is (c, "meta"))
      build_meta (&b, c);
    else if (is (c, "data"))
      build_data (&b, c);
    else if (is (c, "section"))
      g_ptr_array_add (doc->sections, build_section (&b, c, 1));
  }
  resolve (&b);
  g_ptr_array_unref (b.pending_figs);
  g_ptr_array_unref (b.pending_quotes);
  g_ptr_array_unref (b.pending_lists);
  if (diag_list_count_errors (ms->diags, FALSE) > errors_before) {
    model_doc_free (doc);
    return NULL;
  }
  return doc;
}
