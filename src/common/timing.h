/* timing.h — where a run's time goes, phase by phase, for the benchmark.
 *
 * With DOSSIER_TIMING=1 in the environment, each phase's CPU time (all
 * threads) and wall time are printed to standard error when the run ends,
 * one line each: "timing: PHASE CPU_MS WALL_MS", then "timing: total …".
 * Without it every call costs one branch. The phases are marked at stage
 * boundaries (cli, render), so the figures add up to the whole run. */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* Ends the phase running (the first one: "start", from the process's
 * start) and begins phase (a static string). */
void timing_phase (const char *phase);
/* Prints the phases so far (when DOSSIER_TIMING=1) and starts afresh. */
void timing_report (FILE *out);

G_END_DECLS
