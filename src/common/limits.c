/* limits.c — the input limits in force for this process. */
#include "common/limits.h"

static DossierLimits current = {
  .max_input_bytes = (guint64) LIMITS_DEFAULT_INPUT_MB * 1024 * 1024,
  .max_pages = LIMITS_DEFAULT_PAGES,
  .max_word = LIMITS_DEFAULT_WORD,
  .max_depth = LIMITS_MAX_DEPTH,
};

const DossierLimits *
limits_get (void)
{
  return &current;
}

void
limits_set (const DossierLimits *limits)
{
  g_return_if_fail (limits != NULL);
  current = *limits;
}
