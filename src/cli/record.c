/* record.c — what a job leaves for the tools around it: a depfile for make
 * and ninja, a JSON object for the run's report.
 *
 * The depfile is the Makefile rule gcc -MD and typst --make-deps write
 * ("target: dep dep …"), with gcc's escapes (a space as "\ ", '#' as "\#",
 * '$' as "$$"), which ninja's deps = gcc reads too; no library writes one.
 * Both are written atomically (g_file_set_contents: a temporary file
 * renamed over the target), so a reader never sees half of one. */
#include <string.h>
#include <json-glib/json-glib.h>
#include "cli/cli.h"
#include "cli/cli-private.h"

static void
append_escaped (GString *out, const char *path)
{
  for (const char *p = path; *p; p++) {
    if (*p == ' ' || *p == '#')
      g_string_append_c (out, '\\');
    if (*p == '$')
      g_string_append_c (out, '$');
    g_string_append_c (out, *p);
  }
}

char *
cli_depfile_text (const CliJobResult *r)
{
  GString *out = g_string_new (NULL);
  append_escaped (out, r->output);
  g_string_append_c (out, ':');
  for (guint i = 0; i < r->files->len; i++) {
    g_string_append (out, " \\\n  ");
    append_escaped (out, g_ptr_array_index (r->files, i));
  }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

gboolean
cli_depfile_write (const CliJobResult *r, const char *path, GError **error)
{
  g_autofree char *text = cli_depfile_text (r);
  return g_file_set_contents (path, text, -1, error);
}

/* "error" also for a warning --strict made one: the report says what the
 * message did to the run, as the status does. */
static const char *
severity (const Diag *d, gboolean strict)
{
  return d->level == DIAG_ERROR || strict ? "error" : "warning";
}

char *
cli_report_line (const CliJobResult *r, const char *input, gboolean strict)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "input");
  json_builder_add_string_value (b, input);
  json_builder_set_member_name (b, "output");
  json_builder_add_string_value (b, r->output);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, r->status);
  json_builder_set_member_name (b, "pages");
  json_builder_add_int_value (b, r->pages);
  json_builder_set_member_name (b, "seconds");
  json_builder_add_double_value (b, (double) (gint64) (r->seconds * 1000 + 0.5) / 1000);
  json_builder_set_member_name (b, "bytes");
  json_builder_add_int_value (b, (gint64) r->bytes);
  json_builder_set_member_name (b, "messages");
  json_builder_begin_array (b);
  for (guint i = 0; i < diag_list_length (r->diags); i++) {
    const Diag *d = diag_list_get (r->diags, i);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "file");
    if (d->file)
      json_builder_add_string_value (b, d->file);
    else
      json_builder_add_null_value (b);
    json_builder_set_member_name (b, "line");
    json_builder_add_int_value (b, d->line);
    json_builder_set_member_name (b, "column");
    json_builder_add_int_value (b, d->column);
    json_builder_set_member_name (b, "severity");
    json_builder_add_string_value (b, severity (d, strict));
    json_builder_set_member_name (b, "text");
    json_builder_add_string_value (b, d->message);
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}
