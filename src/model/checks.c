/* checks.c — rules beyond the schema (docs/input-format.md, "Rules beyond
 * the schema"): one id space per dossier, language variants that can all
 * be shown, no empty content. (Links: links.c.) Called by
 * build.c and blocks.c while the model is built; each rule reports at the
 * line and column of what breaks it. */
#include <string.h>
#include "model/build-private.h"

typedef struct {
  const char *what;           /* the element name: "figure", "section", … */
  const ModelBlock *section;  /* when what is a section */
  int line;
} IdSeen;

void
build_note_id (Builder *b, const xmlNode *n, const char *id, const char *what,
               const ModelBlock *section)
{
  if (!id)
    return;
  const IdSeen *first = g_hash_table_lookup (b->all_ids, id);
  if (first) {
    build_error_at_attr (b, n, "id",
                         "id=\"%s\" is already the id of the <%s> at line %d; "
                         "every id in a dossier is unique: choose another",
                         id, first->what, first->line);
    return;
  }
  IdSeen *seen = g_new0 (IdSeen, 1);
  seen->what = what;
  seen->section = section;
  seen->line = (int) xmlGetLineNo ((xmlNode *) n);
  g_hash_table_insert (b->all_ids, g_strdup (id), seen);
}

static gboolean
lang_matches (const char *tag, const char *lang)
{
  gsize n = strlen (lang);
  return g_ascii_strncasecmp (tag, lang, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/* t's variants: each in a language of the dossier, none twice, and a
 * neutral one only alone (beside variants it would never be shown). */
void
build_check_variants (Builder *b, const ModelText *t, const xmlNode *n)
{
  const ModelDoc *doc = b->doc;
  g_autofree char *langs = g_strjoinv (" ", doc->languages);
  for (guint i = 0; i < t->variants->len; i++) {
    const ModelVariant *v = g_ptr_array_index (t->variants, i);
    DiagList *d = b->ms->diags;
    if (!v->lang && t->variants->len > 1) {
      diag_error (d, b->ms->file, v->line, v->column,
                  "<%s> has a <t> without xml:lang beside language variants; it would never "
                  "be shown: give it xml:lang or remove the others", (const char *) n->name);
      continue;
    }
    if (!v->lang)
      continue;
    gboolean known = FALSE;
    for (guint k = 0; k < doc->n_languages; k++)
      known |= lang_matches (v->lang, doc->languages[k]);
    if (!known)
      diag_error (d, b->ms->file, v->line, v->column,
                  "<t xml:lang=\"%s\"> is not a language of this dossier (languages=\"%s\"); "
                  "it would never be shown", v->lang, langs);
    for (guint j = 0; j < i; j++) {
      const ModelVariant *w = g_ptr_array_index (t->variants, j);
      if (w->lang && g_ascii_strcasecmp (w->lang, v->lang) == 0) {
        diag_error (d, b->ms->file, v->line, v->column,
                    "<%s> has a second '%s' variant (the first is at line %d); keep one",
                    (const char *) n->name, v->lang, w->line);
        break;
      }
    }
  }
}

/* An internal link leads to its section's heading, where the section's
 * destination stands: a section without a heading has none, and the link
 * would lead nowhere in the PDF. (links.c checks that the section exists.) */
void
build_check_link_targets (Builder *b)
{
  for (guint i = 0; i < b->pending_links->len; i++) {
    const ModelInline *inl = g_ptr_array_index (b->pending_links, i);
    const IdSeen *seen = g_hash_table_lookup (b->all_ids, inl->arg + 1);
    if (seen && seen->section && !seen->section->heading)
      diag_error (b->ms->diags, b->ms->file, inl->line, inl->column,
                  "<a href=\"%s\">: the section at line %d has no heading, so nothing to "
                  "link to; give it a <heading> or link to another section", inl->arg,
                  seen->line);
  }
}

/* languages="" holds distinct tags (the schema checks there are one or two). */
void
model_check_languages (ModelSource *ms, const xmlNode *root, char **languages)
{
  for (guint i = 0; languages[i]; i++)
    for (guint j = 0; j < i; j++)
      if (g_ascii_strcasecmp (languages[i], languages[j]) == 0) {
        int line, column;
        model_source_locate_attr (ms, root, "languages", &line, &column);
        g_autofree char *all = g_strjoinv (" ", languages);
        diag_error (ms->diags, ms->file, line, column,
                    "languages=\"%s\" names '%s' twice; write one or two different languages",
                    all, languages[i]);
        return;
      }
}

/* A section with nothing in it would be a heading over nothing. */
void
build_check_section (Builder *b, const ModelBlock *sec)
{
  if (sec->blocks->len == 0)
    diag_error (b->ms->diags, b->ms->file, sec->line, sec->column,
                "<section%s%s%s> is empty; give it a paragraph or another block, or remove it",
                sec->id ? " id=\"" : "", sec->id ? sec->id : "", sec->id ? "\"" : "");
}

GHashTable *
build_ids_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
model_check_pack_include (ModelSource *ms, int line, int column, const char *href,
                          const ModelDoc *doc, char **pack_languages)
{
  g_autofree char *theirs = g_strjoinv (" ", doc->languages);
  g_autofree char *ours = g_strjoinv (" ", pack_languages);
  for (guint i = 0; pack_languages[i]; i++) {
    gboolean has = FALSE;
    for (guint k = 0; k < doc->n_languages; k++)
      has |= lang_matches (doc->languages[k], pack_languages[i]) ||
             lang_matches (pack_languages[i], doc->languages[k]);
    if (!has)
      diag_add (ms->diags, ms->strict ? DIAG_ERROR : DIAG_WARNING, ms->file, line, column,
                "include href=\"%s\": the dossier is in %s only (languages=\"%s\"), but the "
                "pack is in %s (languages=\"%s\"): it has no '%s' text; translate it or "
                "include it in a pack of its languages", href, theirs, theirs, ours, ours,
                pack_languages[i]);
  }
}
