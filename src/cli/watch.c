/* watch.c — `dossier --watch`: render, then render again on each save.
 *
 * The loop runs the same job (job.c) again and again; what a job read
 * (CliJobResult.files: the input, a pack's dossiers, the style and its
 * @imports, fonts.conf, the font files) is what is watched. GIO's file
 * monitors watch the folders those files are in, not the files: editors
 * save by writing a temporary file and renaming it over the old one (vim,
 * gedit, most IDEs), which ends a monitor on the old file's inode, while a
 * folder's monitor sees the rename and stays. Several events come for one
 * save (created, changed, changes-done, renamed), so a render waits for a
 * short quiet time after the last of them (DEBOUNCE_MS).
 *
 * Kept between renders: the font map (fontconfig's scan, Pango's fonts),
 * the faces the display lists draw (text/glyphs.c), the hyphenation
 * tables and the paragraphs already set (para.c keeps its cache on the
 * font map: an edit that changes a few paragraphs sets only those again); a change under a font folder or to fonts.conf loads the font map
 * again. The input and the style are parsed again on each save: they take
 * a few milliseconds of the run (DOSSIER_TIMING=1).
 *
 * SIGINT and SIGTERM end the loop at a safe point: they are taken by the
 * main loop (g_unix_signal_add), so a render under way finishes (its
 * output renamed in place or, if it failed, its unnamed temporary file
 * gone) and the process then exits with 128 + the signal. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib-unix.h>
#include <gio/gio.h>
#include "cli/cli.h"
#include "cli/cli-private.h"
#include "text/text.h"
#include "common/timing.h"

/* The quiet time after a save's last event before rendering: an editor's
 * events for one save come within a few milliseconds of each other. */
#define DEBOUNCE_MS 15

struct _CliWatch {
  CliJob job;
  PangoFontMap *map;
  GMainLoop *loop;
  GHashTable *monitors;      /* folder -> GFileMonitor* */
  GHashTable *watched;       /* path -> "font" or "doc" (the files that matter) */
  GPtrArray *good_files;     /* the files of the last good render */
  guint pending;             /* the debounce timeout, 0: none */
  gint64 first_event;        /* when the save's first event came (monotonic µs) */
  gboolean fonts_changed;
  int signal;
  guint renders;
  CliWatchHook hook;
  gpointer hook_data;
};

static gboolean
is_font_path (const CliWatch *w, const char *path)
{
  static const char *const ext[] = { ".ttf", ".otf", ".ttc", ".otc", ".pfb", ".woff", ".woff2",
                                     ".conf" };
  for (gsize i = 0; i < G_N_ELEMENTS (ext); i++)
    if (g_str_has_suffix (path, ext[i]))
      return TRUE;
  for (const char *const *d = w->job.font_dirs; d && *d; d++)
    if (g_str_has_prefix (path, *d))
      return TRUE;
  return FALSE;
}

static void on_changed (GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent event,
                        gpointer data);

/* Watches folder (once); a folder that cannot be watched is said once. */
static void
watch_folder (CliWatch *w, const char *folder)
{
  if (g_hash_table_contains (w->monitors, folder))
    return;
  g_autoptr (GFile) dir = g_file_new_for_path (folder);
  g_autoptr (GError) error = NULL;
  GFileMonitor *m = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (!m) {
    fprintf (stderr, "dossier: warning: %s: cannot watch this folder (%s): its files' "
             "changes will not be seen\n", folder, error->message);
    g_hash_table_insert (w->monitors, g_strdup (folder), NULL);
    return;
  }
  g_signal_connect (m, "changed", G_CALLBACK (on_changed), w);
  g_hash_table_insert (w->monitors, g_strdup (folder), m);
}

static void
watch_file (CliWatch *w, const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  if (g_hash_table_contains (w->watched, abs))
    return;
  g_autofree char *folder = g_path_get_dirname (abs);
  watch_folder (w, folder);
  g_hash_table_insert (w->watched, g_steal_pointer (&abs),
                       is_font_path (w, path) ? "font" : "doc");
}

/* What is watched after a run: its files and those of the last good one
 * (a broken edit may stop the job before it reads the rest), and the font
 * folders (a font added there is seen). */
static void
watch_files (CliWatch *w, CliJobResult *r)
{
  g_hash_table_remove_all (w->watched);
  for (guint i = 0; i < r->files->len; i++)
    watch_file (w, g_ptr_array_index (r->files, i));
  for (guint i = 0; w->good_files && i < w->good_files->len; i++)
    watch_file (w, g_ptr_array_index (w->good_files, i));
  for (const char *const *d = w->job.font_dirs; d && *d; d++) {
    g_autofree char *abs = g_canonicalize_filename (*d, NULL);
    watch_folder (w, abs);
  }
}

/* TRUE when the event's file matters: a watched file, or anything in a
 * font folder. */
static gboolean
matters (CliWatch *w, GFile *file)
{
  if (!file)
    return FALSE;
  g_autofree char *path = g_file_get_path (file);
  if (!path)
    return FALSE;
  const char *kind = g_hash_table_lookup (w->watched, path);
  if (kind && strcmp (kind, "font") == 0)
    w->fonts_changed = TRUE;
  if (kind)
    return TRUE;
  for (const char *const *d = w->job.font_dirs; d && *d; d++) {
    g_autofree char *abs = g_canonicalize_filename (*d, NULL);
    if (g_str_has_prefix (path, abs)) {
      w->fonts_changed = TRUE;
      return TRUE;
    }
  }
  return FALSE;
}

/* One render: the job, its messages, what is watched now. */
static void
render (CliWatch *w)
{
  if (w->fonts_changed || !w->map) {
    g_autoptr (GError) error = NULL;
    PangoFontMap *map = text_font_map_new (w->job.font_dirs, &error);
    if (map) {
      g_clear_object (&w->map);
      w->map = map;
    } else
      fprintf (stderr, "dossier: %s\n", error->message);
    w->fonts_changed = FALSE;
  }
  w->job.map = w->map;
  g_autoptr (CliJobResult) r = cli_job_run (&w->job);
  w->renders++;
  fputs (r->log->str, stderr);
  if (r->status == CLI_EXIT_OK) {
    fprintf (stderr, "dossier: wrote %s (%u pages) in %.0f ms\n", r->output, r->pages,
             r->seconds * 1000);
  } else {
    fprintf (stderr, "dossier: %s%s kept; watching for the next save\n",
             w->good_files ? "the last good " : "no output yet: ",
             w->good_files ? r->output : "nothing");
  }
  watch_files (w, r);
  if (r->status == CLI_EXIT_OK) {
    if (w->good_files)
      g_ptr_array_unref (w->good_files);
    w->good_files = g_ptr_array_ref (r->files);
  }
  if (w->hook)
    w->hook (w, r, w->hook_data);
  timing_report (stderr);
  fflush (stderr);
}

static gboolean
on_quiet (gpointer data)
{
  CliWatch *w = data;
  w->pending = 0;
  /* for bench/watch.sh: how much of a save's latency is before the job */
  if (g_strcmp0 (g_getenv ("DOSSIER_TIMING"), "1") == 0)
    fprintf (stderr, "timing: watch: first event to render %.1f ms\n",
             (double) (g_get_monotonic_time () - w->first_event) / 1000);
  render (w);
  return G_SOURCE_REMOVE;
}

static void
on_changed (GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent event, gpointer data)
{
  (void) m;
  CliWatch *w = data;
  switch (event) {
  case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
  case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
  case G_FILE_MONITOR_EVENT_UNMOUNTED:
    return;
  default:
    break;
  }
  /* a rename: the new name is other (temp file renamed over the style) */
  gboolean a = matters (w, file), b = matters (w, other);
  if (!a && !b)
    return;
  if (w->pending)
    g_source_remove (w->pending);
  else
    w->first_event = g_get_monotonic_time ();
  w->pending = g_timeout_add (DEBOUNCE_MS, on_quiet, w);
}

static gboolean
on_signal (gpointer data)
{
  CliWatch *w = ((gpointer *) data)[0];
  w->signal = GPOINTER_TO_INT (((gpointer *) data)[1]);
  g_main_loop_quit (w->loop);
  return G_SOURCE_CONTINUE;
}

static void
unref_monitor (gpointer m)
{
  if (m)
    g_object_unref (m);
}

CliWatch *
cli_watch_new (const CliJob *job)
{
  CliWatch *w = g_new0 (CliWatch, 1);
  w->job = *job;
  w->loop = g_main_loop_new (NULL, FALSE);
  w->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_monitor);
  w->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return w;
}

void
cli_watch_set_hook (CliWatch *w, CliWatchHook hook, gpointer data)
{
  w->hook = hook;
  w->hook_data = data;
}

guint
cli_watch_renders (const CliWatch *w)
{
  return w->renders;
}

int
cli_watch_run (CliWatch *w)
{
  gpointer sig_int[2] = { w, GINT_TO_POINTER (SIGINT) };
  gpointer sig_term[2] = { w, GINT_TO_POINTER (SIGTERM) };
  guint s1 = g_unix_signal_add (SIGINT, on_signal, sig_int);
  guint s2 = g_unix_signal_add (SIGTERM, on_signal, sig_term);
  render (w);
  fprintf (stderr, "dossier: watching %u files in %u folders; Ctrl-C ends\n",
           g_hash_table_size (w->watched), g_hash_table_size (w->monitors));
  fflush (stderr);
  g_main_loop_run (w->loop);
  g_source_remove (s1);
  g_source_remove (s2);
  fprintf (stderr, "dossier: stopped after %u renders\n", w->renders);
  return 128 + w->signal;
}

void
cli_watch_free (CliWatch *w)
{
  if (!w)
    return;
  if (w->pending)
    g_source_remove (w->pending);
  g_hash_table_unref (w->monitors);
  g_hash_table_unref (w->watched);
  if (w->good_files)
    g_ptr_array_unref (w->good_files);
  g_clear_object (&w->map);
  g_main_loop_unref (w->loop);
  g_free (w);
}
