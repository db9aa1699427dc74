/* blocks.c — sections and their blocks, from the validated XML tree. The
 * references they hold (quote by, chart data/figures, facts figures) are
 * noted here and resolved by build.c once the whole document is read. */
#include <string.h>
#include "model/build-private.h"

static void
block_common (Builder *b, ModelBlock *blk, const xmlNode *n, ModelBlockKind kind)
{
  blk->kind = kind;
  blk->id = build_attr (n, "id");
  blk->class_ = build_attr (n, "class");
  build_locate (b, n, &blk->line, &blk->column);
  build_note_id (b, n, blk->id, (const char *) n->name,
                 kind == MODEL_BLOCK_SECTION ? blk : NULL);
}

static void
pend_ids (Builder *b, GPtrArray *to, RefKind kind, ModelBlock *blk, const xmlNode *n,
          const char *attr_name)
{
  char *ids = build_attr (n, attr_name);
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
  g_autofree char *s = build_attr (n, "caption");
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
    if (build_is (c, name))
      g_ptr_array_add (out, build_text (b, c));
}

static ModelSession *
build_session (Builder *b, const xmlNode *n)
{
  ModelSession *s = g_new0 (ModelSession, 1);
  build_locate (b, n, &s->line, &s->column);
  g_autofree char *kind = build_attr (n, "kind");
  s->kind = session_kind (kind);
  s->start = build_attr (n, "start");
  s->end = build_attr (n, "end");
  s->id = build_attr (n, "id");
  build_note_id (b, n, s->id, "session", NULL);
  s->class_ = build_attr (n, "class");
  s->heading = build_text_child (b, n, "heading");
  s->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) model_text_free);
  build_children (b, n, "p", s->paragraphs);
  return s;
}

static void
build_person (Builder *b, const xmlNode *n, GPtrArray *out)
{
  ModelPerson *p = g_new0 (ModelPerson, 1);
  build_locate (b, n, &p->line, &p->column);
  p->id = build_attr (n, "id");
  p->name = build_text_child (b, n, "name");
  p->role = build_text_child (b, n, "role");
  g_ptr_array_add (out, p);
  if (p->id)
    build_add_unique (b, b->doc->persons, p->id, p, n, "person");
}

static ModelRow *
build_row (Builder *b, const xmlNode *n)
{
  ModelRow *r = g_new0 (ModelRow, 1);
  build_locate (b, n, &r->line, &r->column);
  g_autofree char *head = build_attr (n, "head");
  r->head = build_parse_bool (head);
  r->cells = g_ptr_array_new ();
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!build_is (c, "cell"))
      continue;
    ModelCell *cell = g_new0 (ModelCell, 1);
    build_locate (b, c, &cell->line, &cell->column);
    gboolean has_t = FALSE;
    for (const xmlNode *t = c->children; t; t = t->next)
      has_t |= build_is (t, "t");
    cell->text = has_t ? build_text (b, c) : NULL;
    g_ptr_array_add (r->cells, cell);
  }
  return r;
}


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
    g_autofree char *kind = build_attr (n, "kind");
    blk->ordered = kind && strcmp (kind, "ordered") == 0;
    blk->items = g_ptr_array_new_with_free_func ((GDestroyNotify) model_text_free);
    build_children (b, n, "item", blk->items);
  } else if (strcmp (name, "facts") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_FACTS);
    blk->figures = g_ptr_array_new ();
    pend_ids (b, b->pending_lists, REF_FIGURES, blk, n, "figures");
  } else if (strcmp (name, "chart") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_CHART);
    g_autofree char *type = build_attr (n, "type");
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
      if (build_is (c, "session"))
        g_ptr_array_add (blk->sessions, build_session (b, c));
  } else if (strcmp (name, "people") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_PEOPLE);
    blk->people = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next)
      if (build_is (c, "person"))
        build_person (b, c, blk->people);
  } else if (strcmp (name, "organisations") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_ORGANISATIONS);
    blk->orgs = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next) {
      if (!build_is (c, "org"))
        continue;
      ModelOrg *o = g_new0 (ModelOrg, 1);
      build_locate (b, c, &o->line, &o->column);
      o->name = build_text_child (b, c, "name");
      o->note = build_text_child (b, c, "note");
      g_ptr_array_add (blk->orgs, o);
    }
  } else if (strcmp (name, "table") == 0) {
    block_common (b, blk, n, MODEL_BLOCK_TABLE);
    blk->rows = g_ptr_array_new ();
    for (const xmlNode *c = n->children; c; c = c->next)
      if (build_is (c, "row"))
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

ModelBlock *
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
  build_check_section (b, sec);
  return sec;
}

