/* batch.c — `dossier A.xml B.xml …`: each input to its own PDF, -j at a
 * time, each in a worker process of its own.
 *
 * Why processes: the font map (fontconfig's configuration and cache, the
 * slowest thing to load) is loaded once, before the workers are forked, so
 * every worker starts with it; and a worker is isolated, so one input that
 * crashes the program, exhausts a limit or fails to write touches no other
 * input's PDF (each PDF is written atomically by its own worker anyway).
 * A worker hands its CliJobResult back as a serialised GVariant in an
 * anonymous memory file (memfd: nothing on disk, no pipe to drain while
 * waiting). The parent prints each input's messages and one line as it
 * finishes, and writes the report and depfiles. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "cli/cli.h"
#include "cli/cli-private.h"
#include "text/text.h"
#include "render/render.h"
#include "common/timing.h"

#define MAX_JOBS 256

typedef struct {
  char *input;
  char *output;
  CliJobResult *result;
  pid_t pid;
  int fd;                       /* the worker's result, a memfd */
} Item;

/* ---- statuses -------------------------------------------------------------- */

/* Each status, its words for the per-input line, and how bad it is for the
 * batch's status: the worst wins. A temporary failure is the mildest, so the
 * batch says 75 only when every failure was one (then a retry of the whole
 * batch is the right thing); an internal error (a crashed worker) is the
 * worst. Documented in dossier.1, EXIT STATUS. */
static const struct { int status; const char *words; int rank; } statuses[] = {
  { CLI_EXIT_OK, "ok", 0 },
  { CLI_EXIT_TEMPFAIL, "temporary failure, worth a retry", 1 },
  { CLI_EXIT_CANTCREAT, "output not writable", 2 },
  { CLI_EXIT_NOINPUT, "input not found", 3 },
  { CLI_EXIT_DATAERR, "bad input or style", 4 },
  { CLI_EXIT_USAGE, "usage", 5 },
  { CLI_EXIT_SOFTWARE, "internal error", 6 },
};

static guint
status_index (int status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i].status == status)
      return i;
  return G_N_ELEMENTS (statuses) - 1;
}

int
cli_status_worst (int a, int b)
{
  return statuses[status_index (a)].rank >= statuses[status_index (b)].rank ? a : b;
}

/* ---- the manifest ---------------------------------------------------------- */

char **
cli_manifest_read (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *inputs = g_ptr_array_new ();
  for (char **l = lines; *l; l++) {
    char *line = g_strstrip (*l);
    if (!*line || *line == '#')
      continue;
    gboolean here = g_path_is_absolute (line) || strcmp (dir, ".") == 0;
    g_ptr_array_add (inputs, here ? g_strdup (line) : g_build_filename (dir, line, NULL));
  }
  g_ptr_array_add (inputs, NULL);
  return (char **) g_ptr_array_free (inputs, FALSE);
}

/* ---- outputs ----------------------------------------------------------------- */

/* -o DIR/ names a folder; so does an existing folder for several inputs
 * (for one, -o FOLDER stays the mistake it always was: "is a folder"). */
static gboolean
names_folder (const char *output, guint n_inputs)
{
  return g_str_has_suffix (output, "/") ||
         (n_inputs > 1 && g_file_test (output, G_FILE_TEST_IS_DIR));
}

/* Each input's output; FALSE (reported) when they cannot be told apart. */
static gboolean
plan_outputs (const CliBatch *b, GPtrArray *items)
{
  guint n = g_strv_length (b->inputs);
  gboolean folder = b->output && names_folder (b->output, n);
  if (n > 1 && b->output && !folder) {
    fprintf (stderr, "dossier: -o %s names a file, but %u inputs are given: name a folder "
             "(-o DIR/) to write each PDF there, or leave -o out to write each beside its "
             "input\nTry 'dossier --help'.\n", b->output, n);
    return FALSE;
  }
  if (b->format != RENDER_FORMAT_PDF && n > 1) {
    fprintf (stderr, "dossier: page images are made of one input at a time, but %u are "
             "given\nTry 'dossier --help'.\n", n);
    return FALSE;
  }
  if (b->format != RENDER_FORMAT_PDF && (b->depfile || b->depfiles)) {
    fprintf (stderr, "dossier: --depfile is for a PDF, not page images\nTry 'dossier --help'.\n");
    return FALSE;
  }
  if (b->depfile && n > 1) {
    fprintf (stderr, "dossier: --depfile %s is for one input, but %u are given: use "
             "--depfiles to write OUTPUT.d beside each PDF\nTry 'dossier --help'.\n",
             b->depfile, n);
    return FALSE;
  }
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++) {
    Item *it = g_new0 (Item, 1);
    it->fd = -1;
    it->input = g_strdup (b->inputs[i]);
    g_ptr_array_add (items, it);
    if (folder) {
      g_autofree char *base = g_path_get_basename (it->input);
      g_autofree char *pdf = cli_default_output (base);
      it->output = g_build_filename (b->output, pdf, NULL);
    } else {
      it->output = b->output ? g_strdup (b->output) : cli_default_output (it->input);
    }
    if ((b->depfile || b->depfiles) && strcmp (it->output, "-") == 0) {
      fprintf (stderr, "dossier: a depfile needs the PDF in a file, not on standard output "
               "(-o -)\nTry 'dossier --help'.\n");
      return FALSE;
    }
    char *canon = g_canonicalize_filename (it->output, NULL);
    const char *other = g_hash_table_lookup (seen, canon);
    if (other) {
      fprintf (stderr, "dossier: %s and %s would both be written to %s: give each input "
               "once, and inputs of the same name in different folders without -o DIR/\n",
               other, it->input, it->output);
      g_free (canon);
      return FALSE;
    }
    g_hash_table_insert (seen, canon, it->input);
  }
  return TRUE;
}

/* Waits (at most a second) until this process runs one thread. Pango's
 * fontconfig thread has done its work once the families are listed, but
 * may still be ending: a fork while it is inside malloc or a library lock
 * gives a child that waits for that lock for ever (seen under ASan, whose
 * allocator gcc 12 does not guard across fork). */
static void
wait_single_threaded (void)
{
  for (int i = 0; i < 1000; i++) {
    g_autofree char *status = NULL;
    if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
      return;
    const char *t = strstr (status, "\nThreads:");
    if (!t || atoi (t + 10) <= 1)
      return;
    g_usleep (1000);
  }
}

/* ---- a worker's result, across the fork --------------------------------------- */

#define RESULT_TYPE "(iutdsa(isiis)as)"

static GVariant *
result_pack (const CliJobResult *r)
{
  GVariantBuilder diags, files;
  g_variant_builder_init (&diags, G_VARIANT_TYPE ("a(isiis)"));
  for (guint i = 0; i < diag_list_length (r->diags); i++) {
    const Diag *d = diag_list_get (r->diags, i);
    g_variant_builder_add (&diags, "(isiis)", (gint32) d->level, d->file ? d->file : "",
                           d->line, d->column, d->message);
  }
  g_variant_builder_init (&files, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < r->files->len; i++)
    g_variant_builder_add (&files, "s", (const char *) g_ptr_array_index (r->files, i));
  return g_variant_ref_sink (g_variant_new (RESULT_TYPE, r->status, r->pages,
                                            (guint64) r->bytes, r->seconds, r->log->str,
                                            &diags, &files));
}

static CliJobResult *
result_new (const char *output)
{
  CliJobResult *r = g_new0 (CliJobResult, 1);
  r->diags = diag_list_new ();
  r->log = g_string_new (NULL);
  r->files = g_ptr_array_new_with_free_func (g_free);
  r->output = g_strdup (output);
  return r;
}

static CliJobResult *
result_unpack (GVariant *v, const char *output)
{
  CliJobResult *r = result_new (output);
  const char *log;
  GVariantIter *diags, *files;
  guint64 bytes;
  g_variant_get (v, "(iut" "d&sa(isiis)as)", &r->status, &r->pages, &bytes, &r->seconds, &log,
                 &diags, &files);
  r->bytes = bytes;
  g_string_assign (r->log, log);
  gint32 level, line, column;
  const char *file, *message;
  while (g_variant_iter_next (diags, "(i&sii&s)", &level, &file, &line, &column, &message))
    diag_add (r->diags, level == DIAG_ERROR ? DIAG_ERROR : DIAG_WARNING, *file ? file : NULL,
              line, column, "%s", message);
  const char *f;
  while (g_variant_iter_next (files, "&s", &f))
    g_ptr_array_add (r->files, g_strdup (f));
  g_variant_iter_free (diags);
  g_variant_iter_free (files);
  return r;
}

/* ---- the pool ----------------------------------------------------------------- */

/* The workers running, for the signal handler: a batch stopped by a signal
 * stops its workers (each removes its temporary file) and ends as one would. */
static volatile sig_atomic_t worker_pids[MAX_JOBS];

static void
on_signal (int sig)
{
  for (guint i = 0; i < MAX_JOBS; i++)
    if (worker_pids[i] > 0)
      kill ((pid_t) worker_pids[i], sig);
  _exit (128 + sig);
}

static void
handle_signals (void)
{
  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
}

static void
write_all (int fd, const guint8 *data, gsize len)
{
  while (len > 0) {
    ssize_t n = write (fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      _exit (CLI_EXIT_TEMPFAIL);
    data += n;
    len -= (gsize) n;
  }
}

/* Starts it's worker in slot; FALSE (with it->result set) when none can be made. */
static gboolean
worker_start (const CliBatch *b, PangoFontMap *map, Item *it, guint slot)
{
  it->fd = memfd_create ("dossier-result", MFD_CLOEXEC);
  pid_t pid = it->fd < 0 ? -1 : fork ();
  if (pid < 0) {
    it->result = result_new (it->output);
    it->result->status = CLI_EXIT_TEMPFAIL;
    g_autofree char *text = g_strdup_printf ("cannot start a worker: %s", g_strerror (errno));
    diag_error (it->result->diags, NULL, 0, 0, "%s", text);
    g_string_append_printf (it->result->log, "dossier: %s\n", text);
    if (it->fd >= 0)
      close (it->fd);
    it->fd = -1;
    return FALSE;
  }
  if (pid == 0) {
    render_output_handle_signals ();
    CliJob job = { .input = it->input, .output = it->output, .style = b->style,
                   .strict = b->strict, .map = map };
    CliJobResult *r = cli_job_run (&job);
    GVariant *v = result_pack (r);
    write_all (it->fd, g_variant_get_data (v), g_variant_get_size (v));
    _exit (0);   /* nothing to free or flush: the parent has it all */
  }
  it->pid = pid;
  worker_pids[slot] = pid;
  return TRUE;
}

/* The result of it's worker, which ended with wait status ws. */
static CliJobResult *
worker_collect (Item *it, int ws)
{
  GStatBuf st;
  CliJobResult *r = NULL;
  if (WIFEXITED (ws) && WEXITSTATUS (ws) == 0 && fstat (it->fd, &st) == 0 && st.st_size > 0) {
    gsize len = (gsize) st.st_size;
    void *data = mmap (NULL, len, PROT_READ, MAP_PRIVATE, it->fd, 0);
    if (data != MAP_FAILED) {
      g_autoptr (GBytes) bytes = g_bytes_new (data, len);
      munmap (data, len);
      g_autoptr (GVariant) v = g_variant_ref_sink (
          g_variant_new_from_bytes (G_VARIANT_TYPE (RESULT_TYPE), bytes, FALSE));
      r = result_unpack (v, it->output);
    }
  }
  close (it->fd);
  it->fd = -1;
  if (r)
    return r;
  r = result_new (it->output);
  r->status = WIFEXITED (ws) && WEXITSTATUS (ws) ? WEXITSTATUS (ws) : CLI_EXIT_SOFTWARE;
  g_autofree char *text = WIFSIGNALED (ws)
      ? g_strdup_printf ("the worker rendering this input died of signal %d (%s); no PDF "
                         "was written", WTERMSIG (ws), g_strsignal (WTERMSIG (ws)))
      : g_strdup_printf ("the worker rendering this input ended with status %d and no "
                         "result; no PDF was written", WEXITSTATUS (ws));
  diag_error (r->diags, it->input, 0, 0, "%s", text);
  g_string_append_printf (r->log, "%s: error: %s\n", it->input, text);
  return r;
}

/* ---- after each input ------------------------------------------------------------ */

/* The depfile of a written PDF; a failure to write it fails the input. */
static void
write_depfile (CliJobResult *r, const char *path)
{
  g_autoptr (GError) error = NULL;
  if (r->status != CLI_EXIT_OK || cli_depfile_write (r, path, &error))
    return;
  r->status = g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC) ? CLI_EXIT_TEMPFAIL
                                                                       : CLI_EXIT_CANTCREAT;
  diag_error (r->diags, path, 0, 0, "cannot write the depfile: %s", error->message);
  g_string_append_printf (r->log, "dossier: %s: cannot write the depfile: %s\n", path,
                          error->message);
}

static void
finished (const CliBatch *b, Item *it, guint done, guint n, gboolean tty)
{
  CliJobResult *r = it->result;
  if (b->depfile)
    write_depfile (r, b->depfile);
  else if (b->depfiles) {
    g_autofree char *d = g_strconcat (it->output, ".d", NULL);
    write_depfile (r, d);
  }
  fputs (r->log->str, stderr);
  if (n < 2)
    return;
  if (tty)
    fprintf (stderr, "[%u/%u] ", done, n);
  if (r->status == CLI_EXIT_OK)
    fprintf (stderr, "%s: ok, %u page%s, %.2f s -> %s\n", it->input, r->pages,
             r->pages == 1 ? "" : "s", r->seconds, it->output);
  else
    fprintf (stderr, "%s: failed, %d (%s), %.2f s\n", it->input, r->status,
             statuses[status_index (r->status)].words, r->seconds);
  fflush (stderr);
}

/* The report, each input's line in the order given; the status it adds. */
static int
write_report (const CliBatch *b, GPtrArray *items)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++) {
    const Item *it = g_ptr_array_index (items, i);
    g_autofree char *line = cli_report_line (it->result, it->input, b->strict);
    g_string_append (text, line);
    g_string_append_c (text, '\n');
  }
  g_autoptr (GError) error = NULL;
  gboolean ok = g_file_set_contents (b->report, text->str, (gssize) text->len, &error);
  g_string_free (text, TRUE);
  if (ok)
    return CLI_EXIT_OK;
  fprintf (stderr, "dossier: %s: cannot write the report: %s\n", b->report, error->message);
  return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC) ? CLI_EXIT_TEMPFAIL
                                                                  : CLI_EXIT_CANTCREAT;
}

static int
run_pool (const CliBatch *b, GPtrArray *items, PangoFontMap *map)
{
  guint n = items->len, next = 0, done = 0, running = 0;
  guint jobs = MIN (b->jobs > 0 ? (guint) b->jobs : g_get_num_processors (), MAX_JOBS);
  gboolean tty = isatty (STDERR_FILENO);
  Item *slots[MAX_JOBS] = { 0 };
  handle_signals ();
  while (done < n) {
    for (guint s = 0; s < jobs && next < n; s++) {
      if (slots[s])
        continue;
      Item *it = g_ptr_array_index (items, next++);
      if (worker_start (b, map, it, s)) {
        slots[s] = it;
        running++;
      } else {
        finished (b, it, ++done, n, tty);
      }
    }
    if (!running)
      continue;
    int ws;
    pid_t pid = waitpid (-1, &ws, 0);
    if (pid < 0) {
      if (errno == EINTR)
        continue;
      g_error ("waitpid: %s", g_strerror (errno));   /* no child left: a bug here */
    }
    for (guint s = 0; s < jobs; s++)
      if (slots[s] && slots[s]->pid == pid) {
        worker_pids[s] = 0;
        slots[s]->result = worker_collect (slots[s], ws);
        finished (b, slots[s], ++done, n, tty);
        slots[s] = NULL;
        running--;
      }
  }
  render_output_handle_signals ();
  int status = CLI_EXIT_OK;
  for (guint i = 0; i < n; i++)
    status = cli_status_worst (status, ((Item *) g_ptr_array_index (items, i))->result->status);
  return status;
}

static void
item_free (gpointer data)
{
  Item *it = data;
  g_free (it->input);
  g_free (it->output);
  cli_job_result_free (it->result);
  g_free (it);
}

int
cli_batch_run (const CliBatch *b)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  if (!plan_outputs (b, items))
    return CLI_EXIT_USAGE;
  int status;
  if (items->len == 1) {
    /* one input: in this process, as it always was */
    Item *it = g_ptr_array_index (items, 0);
    gboolean folder = b->output && names_folder (b->output, 1);
    CliJob job = { .input = it->input, .output = folder ? it->output : b->output,
                   .style = b->style, .strict = b->strict, .font_dirs = b->font_dirs,
                   .format = b->format, .pages = b->pages, .ppi = b->ppi };
    it->result = cli_job_run (&job);
    finished (b, it, 1, 1, FALSE);
    status = it->result->status;
  } else {
    g_autoptr (GError) error = NULL;
    timing_phase ("fonts (fontconfig)");
    PangoFontMap *map = text_font_map_new (b->font_dirs, &error);
    if (!map) {
      fprintf (stderr, "dossier: %s\n", error->message);
      return CLI_EXIT_NOINPUT;
    }
    /* Pango finishes initialising fontconfig in a thread of its own: let
     * it end before forking (a fork copies only the thread that forks) */
    g_strfreev (text_font_families (map));
    wait_single_threaded ();
    status = run_pool (b, items, map);
    g_object_unref (map);
  }
  if (b->report)
    status = cli_status_worst (status, write_report (b, items));
  return status;
}
