/* model.c — loading an input file, and the model's small accessors. */
#include <string.h>
#include <stdlib.h>
#include <libxml/tree.h>
#include "model/model-private.h"
#include "common/limits.h"
#include "common/readfile.h"

ModelText *
model_text_new (void)
{
  ModelText *t = g_new0 (ModelText, 1);
  t->variants = g_ptr_array_new ();
  return t;
}

void
model_inline_free (gpointer p)
{
  ModelInline *inl = p;
  if (!inl)
    return;
  g_free (inl->text);
  g_free (inl->arg);
  if (inl->children)
    g_ptr_array_unref (inl->children);
  g_free (inl);
}

void
model_text_free (ModelText *t)
{
  if (!t)
    return;
  for (guint i = 0; i < t->variants->len; i++) {
    ModelVariant *v = g_ptr_array_index (t->variants, i);
    g_free (v->lang);
    g_ptr_array_unref (v->inlines);
    g_free (v);
  }
  g_ptr_array_unref (t->variants);
  g_free (t);
}

static void
texts_free (GPtrArray *a)
{
  if (a)
    g_ptr_array_unref (a);
}

void
model_block_free (gpointer p)
{
  ModelBlock *b = p;
  if (!b)
    return;
  g_free (b->id);
  g_free (b->class_);
  model_text_free (b->heading);
  if (b->blocks)
    g_ptr_array_unref (b->blocks);
  model_text_free (b->text);
  texts_free (b->items);
  if (b->figures)
    g_ptr_array_unref (b->figures);
  if (b->series)
    g_ptr_array_unref (b->series);
  model_text_free (b->caption);
  for (guint i = 0; b->sessions && i < b->sessions->len; i++) {
    ModelSession *s = g_ptr_array_index (b->sessions, i);
    g_free (s->start);
    g_free (s->end);
    g_free (s->id);
    g_free (s->class_);
    model_text_free (s->heading);
    texts_free (s->paragraphs);
    g_free (s);
  }
  if (b->sessions)
    g_ptr_array_unref (b->sessions);
  for (guint i = 0; b->people && i < b->people->len; i++) {
    ModelPerson *p = g_ptr_array_index (b->people, i);
    g_free (p->id);
    model_text_free (p->name);
    model_text_free (p->role);
    g_free (p);
  }
  if (b->people)
    g_ptr_array_unref (b->people);
  for (guint i = 0; b->orgs && i < b->orgs->len; i++) {
    ModelOrg *o = g_ptr_array_index (b->orgs, i);
    model_text_free (o->name);
    model_text_free (o->note);
    g_free (o);
  }
  if (b->orgs)
    g_ptr_array_unref (b->orgs);
  for (guint i = 0; b->rows && i < b->rows->len; i++) {
    ModelRow *r = g_ptr_array_index (b->rows, i);
    for (guint j = 0; j < r->cells->len; j++) {
      ModelCell *c = g_ptr_array_index (r->cells, j);
      model_text_free (c->text);
      g_free (c);
    }
    g_ptr_array_unref (r->cells);
    g_free (r);
  }
  if (b->rows)
    g_ptr_array_unref (b->rows);
  g_free (b);
}

void
model_doc_free (ModelDoc *doc)
{
  if (!doc)
    return;
  g_free (doc->file);
  g_strfreev (doc->languages);
  g_free (doc->style);
  g_free (doc->style_value);
  model_text_free (doc->meta.title);
  model_text_free (doc->meta.subtitle);
  g_free (doc->meta.date);
  model_text_free (doc->meta.place);
  texts_free (doc->meta.organizers);
  model_text_free (doc->meta.author);
  model_text_free (doc->meta.keywords);
  g_hash_table_unref (doc->figures);
  g_hash_table_unref (doc->series);
  g_hash_table_unref (doc->persons);
  for (guint i = 0; i < doc->figure_list->len; i++) {
    ModelFigure *f = g_ptr_array_index (doc->figure_list, i);
    g_free (f->id);
    g_free (f->unit);
    model_text_free (f->label);
    g_free (f);
  }
  g_ptr_array_unref (doc->figure_list);
  for (guint i = 0; i < doc->series_list->len; i++) {
    ModelSeries *s = g_ptr_array_index (doc->series_list, i);
    g_free (s->id);
    g_free (s->unit);
    model_text_free (s->label);
    for (guint j = 0; j < s->points->len; j++) {
      ModelPoint *p = g_ptr_array_index (s->points, j);
      g_free (p->x);
      model_text_free (p->label);
      g_free (p);
    }
    g_ptr_array_unref (s->points);
    g_free (s);
  }
  g_ptr_array_unref (doc->series_list);
  model_text_free (doc->source);
  g_ptr_array_unref (doc->sections);
  g_free (doc);
}

void
model_pack_free (ModelPack *pack)
{
  if (!pack)
    return;
  g_free (pack->file);
  g_strfreev (pack->languages);
  model_text_free (pack->title);
  if (pack->docs)
    g_ptr_array_unref (pack->docs);
  g_free (pack);
}

static gboolean
lang_matches (const char *tag, const char *lang)
{
  /* "zh" matches "zh" and "zh-Hans"; compare the primary subtag and what follows */
  gsize n = strlen (lang);
  return g_ascii_strncasecmp (tag, lang, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

const ModelVariant *
model_text_get (const ModelText *text, const char *lang)
{
  if (!text)
    return NULL;
  const ModelVariant *neutral = NULL;
  for (guint i = 0; i < text->variants->len; i++) {
    const ModelVariant *v = g_ptr_array_index (text->variants, i);
    if (!v->lang)
      neutral = neutral ? neutral : v;
    else if (lang && lang_matches (v->lang, lang))
      return v;
  }
  return neutral;
}

const ModelVariant *
model_text_get_or_fallback (const ModelText *text, const char *lang, gboolean *is_fallback)
{
  if (is_fallback)
    *is_fallback = FALSE;
  const ModelVariant *v = model_text_get (text, lang);
  if (v || !text || text->variants->len == 0)
    return v;
  if (is_fallback)
    *is_fallback = TRUE;
  return g_ptr_array_index (text->variants, 0);
}

gboolean
model_lang_is_chinese (const char *lang)
{
  return lang && lang_matches (lang, "zh");
}

/* ---- loading ------------------------------------------------------------- */

static ModelDoc *load_file (const char *path, gboolean strict, gboolean allow_pack,
                            ModelPack **pack_out, gboolean *is_pack, DiagList *diags);

/* An include must stay inside the pack file's folder. */
static char *
pack_include_path (ModelSource *ms, xmlNode *inc)
{
  xmlChar *href = xmlGetProp (inc, (const xmlChar *) "href");
  int line, column;
  model_source_locate_attr (ms, inc, "href", &line, &column);
  g_autofree char *dir = g_path_get_dirname (ms->file);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *joined = g_build_filename (dir, href ? (const char *) href : "", NULL);
  g_autofree char *real = realpath (joined, NULL);
  char *result = NULL;
  if (!href || g_path_is_absolute ((const char *) href) || strstr ((const char *) href, "://"))
    diag_error (ms->diags, ms->file, line, column,
                "include href=\"%s\" must be a path relative to the pack", href ? (const char *) href : "");
  else if (!real)
    diag_error (ms->diags, ms->file, line, column, "cannot read included file '%s'", href);
  else if (!real_dir || !g_str_has_prefix (real, real_dir) || real[strlen (real_dir)] != '/')
    diag_error (ms->diags, ms->file, line, column,
                "include href=\"%s\" leaves the pack's folder; refused", href);
  else if (!g_file_test (real, G_FILE_TEST_IS_REGULAR))
    diag_error (ms->diags, ms->file, line, column,
                "include href=\"%s\" is not a regular file (a folder, FIFO or device); "
                "include a dossier's .xml file", href);
  else
    result = g_strdup (joined);
  xmlFree (href);
  return result;
}

/* Loads one include; a pack (itself or another) is an error at the include. */
static void
pack_include (ModelSource *ms, xmlNode *inc, const char *path, ModelPack *pack)
{
  int line, column;
  model_source_locate_attr (ms, inc, "href", &line, &column);
  xmlChar *href = xmlGetProp (inc, (const xmlChar *) "href");   /* as written, for messages */
  g_autofree char *written = g_strdup (href ? (const char *) href : path);
  xmlFree (href);
  g_autofree char *self = realpath (ms->file, NULL);
  g_autofree char *other = realpath (path, NULL);
  if (self && other && strcmp (self, other) == 0) {
    diag_error (ms->diags, ms->file, line, column,
                "include href=\"%s\" is this pack itself; a pack includes dossiers only",
                written);
    return;
  }
  gboolean is_pack = FALSE;
  ModelDoc *doc = load_file (path, ms->strict, FALSE, NULL, &is_pack, ms->diags);
  if (is_pack)
    diag_error (ms->diags, ms->file, line, column,
                "include href=\"%s\" is a pack; a pack includes dossiers only, not other packs",
                written);
  if (doc) {
    model_check_pack_include (ms, line, column, written, doc, pack->languages);
    g_ptr_array_add (pack->docs, doc);
  }
}

static ModelPack *
build_pack (ModelSource *ms, xmlNode *root)
{
  ModelPack *pack = g_new0 (ModelPack, 1);
  pack->file = g_strdup (ms->file);
  xmlChar *langs = xmlGetProp (root, (const xmlChar *) "languages");
  pack->languages = g_strsplit_set (langs ? (const char *) langs : "de", " ", -1);
  pack->n_languages = g_strv_length (pack->languages);
  xmlFree (langs);
  model_check_languages (ms, root, pack->languages);
  pack->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) model_doc_free);
  guint before = diag_list_count_errors (ms->diags, FALSE);
  for (xmlNode *c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp ((const char *) c->name, "title") == 0) {
      /* a pack's title: t children, any language */
      pack->title = model_text_new ();
      for (xmlNode *t = c->children; t; t = t->next) {
        if (t->type != XML_ELEMENT_NODE)
          continue;
        ModelVariant *v = g_new0 (ModelVariant, 1);
        xmlChar *lang = xmlGetNsProp (t, (const xmlChar *) "lang", XML_XML_NAMESPACE);
        v->lang = lang ? g_strdup ((const char *) lang) : NULL;
        xmlFree (lang);
        v->inlines = g_ptr_array_new_with_free_func (model_inline_free);
        ModelInline *inl = g_new0 (ModelInline, 1);
        xmlChar *content = xmlNodeGetContent (t);
        inl->text = g_strdup ((const char *) content);
        xmlFree (content);
        g_ptr_array_add (v->inlines, inl);
        model_space_normalize (v->inlines);
        g_ptr_array_add (pack->title->variants, v);
      }
    } else if (strcmp ((const char *) c->name, "include") == 0) {
      g_autofree char *path = pack_include_path (ms, c);
      if (path)
        pack_include (ms, c, path, pack);
    }
  }
  if (diag_list_count_errors (ms->diags, FALSE) > before) {
    model_pack_free (pack);
    return NULL;
  }
  return pack;
}

static ModelDoc *
load_bytes (const char *path, const char *src, gsize len, gboolean strict,
            gboolean allow_pack, ModelPack **pack_out, gboolean *is_pack, DiagList *diags)
{
  if (len > G_MAXINT) {
    diag_error (diags, path, 0, 0, "file too large");
    return NULL;
  }
  ModelSource ms;
  model_source_init (&ms, path, src, len, diags, strict);
  ModelDoc *doc = NULL;
  xmlDoc *xml = model_xml_read (&ms);
  if (xml) {
    xmlNode *root = xmlDocGetRootElement (xml);
    if (strcmp ((const char *) root->name, "pack") == 0) {
      if (!allow_pack) {
        *is_pack = TRUE;   /* the including pack reports it, at its include */
      } else {
        *pack_out = build_pack (&ms, root);
      }
    } else {
      doc = model_build_doc (&ms, root);
    }
    xmlFreeDoc (xml);
  }
  model_source_clear (&ms);
  return doc;
}

static ModelDoc *
load_file (const char *path, gboolean strict, gboolean allow_pack, ModelPack **pack_out,
           gboolean *is_pack, DiagList *diags)
{
  g_autofree char *src = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  if (!model_input_size_ok (path, diags))
    return NULL;
  if (!dossier_read_regular_file (path, limits_get ()->max_input_bytes, &src, &len, &error)) {
    diag_error (diags, path, 0, 0, "cannot read: %s", error->message);
    return NULL;
  }
  return load_bytes (path, src, len, strict, allow_pack, pack_out, is_pack, diags);
}

ModelDoc *
model_load_bytes (const char *name, const char *bytes, gsize len, gboolean strict,
                  ModelPack **pack_out, DiagList *diags)
{
  g_return_val_if_fail (name && bytes && pack_out && diags, NULL);
  *pack_out = NULL;
  return load_bytes (name, bytes, len, strict, TRUE, pack_out, NULL, diags);
}

ModelDoc *
model_load (const char *path, gboolean strict, ModelPack **pack_out, DiagList *diags)
{
  g_return_val_if_fail (path && pack_out && diags, NULL);
  *pack_out = NULL;
  return load_file (path, strict, TRUE, pack_out, NULL, diags);
}
