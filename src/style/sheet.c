/* sheet.c — the style sheet as a whole: loading a file or a string (the
 * parsing is parser.c), its messages handed on in the order of their
 * places, the files it was read from, the families it names, freeing it. */
#include "style/style-private.h"
#include "common/limits.h"
#include "common/readfile.h"
#include <errno.h>
#include <string.h>

/* ---- the sheet ----------------------------------------------------------------- */

const char *
style_sheet_intern_file (StyleSheet *sheet, const char *file)
{
  if (!file)
    return NULL;
  gpointer known, rank;
  if (g_hash_table_lookup_extended (sheet->files, file, &known, &rank))
    return known;
  char *copy = g_strdup (file);
  g_hash_table_insert (sheet->files, copy, GUINT_TO_POINTER (g_hash_table_size (sheet->files) + 1));
  return copy;
}

void
style_sheet_add_families (StyleSheet *sheet, GPtrArray *uses, const char *file)
{
  for (guint k = 0; k < uses->len; k++) {
    StyleFamilyUse *u = uses->pdata[k];
    gboolean known = FALSE;
    for (guint j = 0; j < sheet->families->len && !known; j++)
      known = g_ascii_strcasecmp (((StyleFamilyUse *) sheet->families->pdata[j])->family,
                                  u->family) == 0;
    if (known)
      continue;
    u->file = g_strdup (file);
    g_ptr_array_add (sheet->families, u);
    uses->pdata[k] = NULL;
  }
}

char **
style_sheet_files (const StyleSheet *sheet)
{
  guint n = g_hash_table_size (sheet->files);
  char **files = g_new0 (char *, n + 1);
  GHashTableIter it;
  gpointer file, rank;
  g_hash_table_iter_init (&it, sheet->files);
  while (g_hash_table_iter_next (&it, &file, &rank))
    files[GPOINTER_TO_UINT (rank) - 1] = g_strdup (file);
  return files;
}

void
style_decl_free (StyleDecl *d)
{
  if (!d)
    return;
  g_free (d->custom_name);
  g_free (d->raw);
  g_free (d->text);
  style_longhand_value_array_free (d->values);
  g_free (d);
}

void
style_rule_free (StyleRule *rule)
{
  g_ptr_array_unref (rule->selectors);
  g_ptr_array_unref (rule->decls);
  g_free (rule);
}

void
style_page_rule_free (StylePageRule *rule)
{
  if (!rule)
    return;
  g_free (rule->name);
  g_ptr_array_unref (rule->decls);
  for (int k = 0; k < STYLE_N_MARGIN_BOXES; k++)
    if (rule->box_decls[k])
      g_ptr_array_unref (rule->box_decls[k]);
  g_free (rule);
}

static StyleSheet *
sheet_new (void)
{
  StyleSheet *sheet = g_new0 (StyleSheet, 1);
  sheet->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) style_rule_free);
  sheet->page_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) style_page_rule_free);
  sheet->families = g_ptr_array_new_with_free_func (style_family_use_free);
  sheet->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&sheet->cache_lock);
  return sheet;
}

typedef struct {
  const Diag *d;
  guint rank, index;
} SortedDiag;

static int
sorted_diag_cmp (gconstpointer a, gconstpointer b)
{
  const SortedDiag *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->d->line != y->d->line)
    return x->d->line < y->d->line ? -1 : 1;
  if (x->d->column != y->d->column)
    return x->d->column < y->d->column ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Problems are found in several passes (tokens, rules, var() checks): hand
 * them on file by file (in the order the files were read) and, within a
 * file, in the order of their places. */
static void
hand_on_sorted (StyleSheet *sheet, DiagList *from, DiagList *to)
{
  guint n = diag_list_length (from);
  g_autoptr (GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (SortedDiag), n);
  for (guint k = 0; k < n; k++) {
    const Diag *d = diag_list_get (from, k);
    SortedDiag s = { d, d->file ? GPOINTER_TO_UINT (g_hash_table_lookup (sheet->files, d->file))
                                : 0, k };
    g_array_append_val (all, s);
  }
  g_array_sort (all, sorted_diag_cmp);
  for (guint k = 0; k < n; k++) {
    const Diag *d = g_array_index (all, SortedDiag, k).d;
    diag_add (to, d->level, d->file, d->line, d->column, "%s", d->message);
  }
}

StyleSheet *
style_sheet_parse (const char *css, gsize len, const char *file, DiagList *diags)
{
  g_return_val_if_fail (css != NULL || len == 0, NULL);
  g_return_val_if_fail (diags != NULL, NULL);
  StyleSheet *sheet = sheet_new ();
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_autoptr (DiagList) found = diag_list_new ();
  style_sheet_parse_text (sheet, css ? css : "", len, file ? file : "<style>", found, stack);
  style_sheet_index (sheet);
  style_sheet_check_vars (sheet, found);
  style_sheet_check_pages (sheet, file ? file : "<style>", found);
  hand_on_sorted (sheet, found, diags);
  return sheet;
}

StyleSheet *
style_sheet_load_with (const char *path, const StyleLoadRules *rules, DiagList *diags)
{
  g_autofree char *css = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diags != NULL, NULL);
  if (!dossier_read_regular_file (path, limits_get ()->max_input_bytes, &css, &len, &error)) {
    diag_error (diags, path, 0, 0, "cannot read style file: %s", error->message);
    return NULL;
  }
  g_autofree char *own = g_path_get_dirname (path);
  const char *own_folders[] = { own, NULL };
  StyleLoadRules own_rules = { own_folders, FALSE };
  StyleLoadRules r = rules ? *rules : own_rules;
  if (!r.folders)
    r.folders = own_folders;
  StyleSheet *sheet = sheet_new ();
  sheet->load_rules = &r;
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_autoptr (DiagList) found = diag_list_new ();
  style_sheet_parse_text (sheet, css, len, path, found, stack);
  sheet->load_rules = NULL;
  style_sheet_index (sheet);
  style_sheet_check_vars (sheet, found);
  style_sheet_check_pages (sheet, path, found);
  hand_on_sorted (sheet, found, diags);
  return sheet;
}

StyleSheet *
style_sheet_load (const char *path, DiagList *diags)
{
  return style_sheet_load_with (path, NULL, diags);
}

void
style_sheet_free (StyleSheet *sheet)
{
  if (!sheet)
    return;
  g_ptr_array_unref (sheet->rules);
  g_ptr_array_unref (sheet->page_rules);
  g_ptr_array_unref (sheet->families);
  g_clear_pointer (&sheet->by_id, g_hash_table_unref);
  g_clear_pointer (&sheet->selector_ids, g_hash_table_unref);
  g_clear_pointer (&sheet->by_class, g_hash_table_unref);
  if (sheet->by_type) {
    for (int k = 0; style_element_names ()[k]; k++)
      if (sheet->by_type[k])
        g_ptr_array_unref (sheet->by_type[k]);
    g_free (sheet->by_type);
  }
  g_clear_pointer (&sheet->universal, g_ptr_array_unref);
  g_clear_pointer (&sheet->root_vars, g_hash_table_unref);
  g_clear_pointer (&sheet->cache, g_hash_table_unref);
  g_mutex_clear (&sheet->cache_lock);
  g_hash_table_unref (sheet->files);
  g_free (sheet);
}

GPtrArray *
style_sheet_families (const StyleSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return g_ptr_array_ref (sheet->families);
}
