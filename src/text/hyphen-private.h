/* hyphen-private.h — the compiled form of a libhyphen pattern file, shared by
 * the build-time generator (tools/hyph-compile.c writes it as C tables) and
 * the matcher (hyphen.c reads it). Nothing here is parsed or built at run
 * time: the tables are const data in the executable.
 *
 * One level is libhyphen's automaton for one pattern list (a .dic file has a
 * first, compound level and, after NEXTLEVEL, a second one), renumbered in
 * breadth-first order with each state's transitions sorted by byte:
 *   - state 0 is the root (the empty string);
 *   - transition t (0 … n_states - 2) leads to state t + 1, labelled chars[t];
 *   - the transitions of state s are t = first(s) … first(s + 1) - 1;
 *   - states[s] packs first(s) (bits 0–19), the fallback state (bits 20–39:
 *     the longest proper suffix of the state's string that is a state) and
 *     the offset of its match in matches[] (bits 40–63, 0 for none);
 *   - states[n_states] is a sentinel holding first(n_states).
 * A match at offset o is: matches[o] = its length L (libhyphen's match
 * string, leading zeros dropped), matches[o + 1] = the count m of its
 * non-zero digits, then m pairs (position k < L, digit 1–9). */
#pragma once

#include <glib.h>

#define TEXT_HYPHEN_FIELD_BITS 20
#define TEXT_HYPHEN_FIELD_MASK ((1u << TEXT_HYPHEN_FIELD_BITS) - 1)
#define TEXT_HYPHEN_MATCH_SHIFT 40

typedef struct {
  guint32 n_states;
  const guint64 *states;      /* n_states + 1 */
  const guint8 *chars;        /* n_states - 1 */
  const guint8 *matches;
} TextHyphenLevel;

/* TextHyphenator (text.h) is this: */
struct _TextHyphenator {
  TextHyphenLevel level[2];   /* [0] compound level, [1] NEXTLEVEL */
  int lhmin, rhmin;           /* LEFTHYPHENMIN, RIGHTHYPHENMIN of the file */
  int clhmin, crhmin;         /* COMPOUNDLEFT/RIGHTHYPHENMIN of the file */
  const char *const *nohyphen; /* NOHYPHEN sequences (ISO-8859-1), NULL-ended */
};

/* Generated at build time from hyph_de_DE.dic (hyphen-de-data.c). */
extern const struct _TextHyphenator text_hyphen_patterns_de;
