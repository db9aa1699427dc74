/* timing.c — per-phase CPU and wall time (timing.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common/timing.h"

#define MAX_PHASES 32

typedef struct {
  const char *name;
  double cpu, wall;           /* seconds */
} Phase;

static Phase phases[MAX_PHASES];
static int n_phases;
static const char *current;
static double cpu_at, wall_at;
static int enabled = -1;

static double
seconds (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean
on (void)
{
  if (enabled < 0) {
    const char *v = getenv ("DOSSIER_TIMING");
    enabled = v && *v && strcmp (v, "0") != 0;
    /* the first phase runs from the process's start: CPU time counts from
     * there already; wall time from here (the loader's few ms are lost) */
    current = "start";
    cpu_at = 0;
    wall_at = seconds (CLOCK_MONOTONIC);
  }
  return enabled;
}

void
timing_phase (const char *phase)
{
  if (!on ())
    return;
  double cpu = seconds (CLOCK_PROCESS_CPUTIME_ID), wall = seconds (CLOCK_MONOTONIC);
  int i = 0;
  while (i < n_phases && strcmp (phases[i].name, current) != 0)
    i++;
  if (i == n_phases && n_phases < MAX_PHASES)
    phases[n_phases++].name = current;
  if (i < MAX_PHASES) {
    phases[i].cpu += cpu - cpu_at;
    phases[i].wall += wall - wall_at;
  }
  current = phase;
  cpu_at = cpu;
  wall_at = wall;
}

void
timing_report (FILE *out)
{
  if (!on ())
    return;
  timing_phase ("start");
  double cpu = 0, wall = 0;
  for (int i = 0; i < n_phases; i++) {
    if (phases[i].cpu == 0 && phases[i].wall == 0)
      continue;
    fprintf (out, "timing: %s %.1f %.1f\n", phases[i].name, phases[i].cpu * 1e3,
             phases[i].wall * 1e3);
    cpu += phases[i].cpu;
    wall += phases[i].wall;
  }
  fprintf (out, "timing: total %.1f %.1f\n", cpu * 1e3, wall * 1e3);
  memset (phases, 0, sizeof phases);
  n_phases = 0;
}
