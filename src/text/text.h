/* text.h — text per language: numbers, dates and quotes formatted for a
 * language, and inline content turned into Pango attributes.
 *
 * One formatting module serves the running text (fig, date), fact tiles and
 * chart labels, so the figures of a dossier read the same everywhere.
 * Languages known: de, zh (Simplified Chinese), en; others get en's rules. */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include "model/model.h"
#include "style/style.h"

G_BEGIN_DECLS

/* ---- numbers, units, dates (format.c) ------------------------------------- */

/* Errors of text_format_date(). */
#define TEXT_FORMAT_ERROR (text_format_error_quark ())
typedef enum {
  TEXT_FORMAT_ERROR_INVALID_DATE,
} TextFormatError;
GQuark text_format_error_quark (void);

/* A figure as it reads in running text, with qualifier and unit:
 * de "mehr als 730 Mio. US-Dollar", "2,22 Mrd. US-Dollar", "37,5 %", "315";
 * zh "逾7.3亿美元", "22.2亿美元", "37.5%", "315". count gives the bare number. */
char *text_format_figure (const ModelFigure *fig, const char *lang);
/* The same from parts. unit may be NULL (plain number). */
char *text_format_value (double value, const char *unit, ModelQualifier qualifier,
                         const char *lang);
/* A figure in the parts a fact tile or a chart label sets apart: the
 * qualifier ("mehr als", "逾"; "" for none), the number with its scale word
 * and, for percentages, its sign ("730 Mio.", "7.3亿", "37,5 %"), and the
 * unit's name ("US-Dollar", "美元"; "" for counts and percentages). English
 * keeps a currency's symbol with the number ("US$730 million", unit "").
 * text_figure_parts_join() gives back text_format_value()'s string:
 * de/en qualifier SPACE number NBSP unit, zh without spaces. */
typedef struct {
  char *qualifier;
  char *number;
  char *unit;
} TextFigureParts;

TextFigureParts *text_figure_parts_new (double value, const char *unit,
                                        ModelQualifier qualifier, const char *lang);
void text_figure_parts_free (TextFigureParts *parts);
char *text_figure_parts_join (const TextFigureParts *parts, const char *lang);
/* "Illustrativer Wert" / "示意数值" / "Illustrative value": the note of a
 * tile or label showing illustrative data. Static string. */
const char *text_illustrative_note (const char *lang);
/* A share (0..1) of a whole as a percentage with as few decimals as tell it
 * from zero (at least one where the share is not whole): 0.375 → de
 * "37,5 %", zh "37.5%"; 0.005 → "0,5 %"; 0.00004 → "< 0,1 %". */
char *text_format_share (double fraction, const char *lang);
/* A plain number with the language's decimal and grouping signs, at most
 * max_decimals decimals, trailing zeros dropped: de "1.234,5", zh "1,234.5". */
char *text_format_number (double value, const char *lang, int max_decimals);
/* A percentage from a fraction (0.375 → de "37,5 %", zh "37.5%"). */
char *text_format_percent (double fraction, const char *lang, int max_decimals);
/* An axis tick label in the language's scale words, precise enough to tell
 * ticks step apart: de "500 Mio.", "1 Mrd."; zh "5000万", "10亿". unit NULL or
 * "count" gives the bare scaled number; currencies give only the scaled
 * number too (the unit goes in the axis title, text_format_unit_name). */
char *text_format_tick (double value, double step, const char *unit, const char *lang);
/* The name of a unit for an axis title or tile: de "US-Dollar", zh "美元". */
char *text_format_unit_name (const char *unit, const char *lang);
/* An ISO 8601 date "YYYY-MM-DD" as de "2. März 2026", zh "2026年3月2日",
 * en "2 March 2026". NULL with error when iso is not a valid date. */
char *text_format_date (const char *iso, const char *lang, GError **error);

/* Quotation marks for a nesting depth (0 outer, 1 inner): de „“ ‚‘, zh “” ‘’,
 * en “” ‘’. Static strings. */
const char *text_quote_open (const char *lang, int depth);
const char *text_quote_close (const char *lang, int depth);

/* ---- inline content to Pango (inline.c) ----------------------------------- */

/* Text of a variant with its Pango attributes: em/strong/name/a styling,
 * figures and dates formatted, quotes set, the language on every run. */
typedef struct {
  char *text;                 /* UTF-8 */
  PangoAttrList *attrs;
  GArray *links;              /* of TextLink: byte ranges that are links */
} TextRun;

typedef struct {
  int start, end;             /* byte offsets into TextRun.text */
  char *href;
} TextLink;

/* The plain text of a variant, figures and dates formatted for lang and
 * quotes with its marks: for captions, titles, outline entries, metadata.
 * Same text as text_run_from_variant() gives, without attributes. */
char *text_variant_plain (const ModelVariant *variant, const char *lang);

TextRun *text_run_from_variant (const ModelVariant *variant, const char *lang,
                                const StyleComputed *style);
/* A run of plain text in lang, no other attributes: made text (a marker, a
 * number), set as it is. */
TextRun *text_run_new_plain (const char *text, const char *lang);
/* The author's words made into a line (a running head, a speaker, a date
 * and place): as text_run_new_plain, with the quarter em of running text
 * where Han meets a Latin letter or digit (clreq), in any language. */
TextRun *text_run_new_words (const char *text, const char *lang);
/* A figure made as text (a tile's number, a chart's value or tick): one
 * word, and in Chinese a quarter em where Han meets digits, as a figure in
 * running text has ("逾 42 亿"). */
TextRun *text_run_new_figure (const char *text, const char *lang);
void text_run_free (TextRun *run);

/* ---- coverage (coverage.c) ------------------------------------------------ */

/* Told of a character of a run that none of the families named for it has,
 * with the face fontconfig's fallback sets it from ("Noto Sans Symbols2
 * Regular"), and how many other characters of the run are missing too (one
 * message a run). Characters no font has at all are not reported here. */
typedef void (*TextCoverageReport) (gunichar c, const char *face, guint n_more,
                                    gpointer data);
/* Checks every character of run against the character sets (fontconfig's)
 * of the faces of families (a Pango family list), each character once. */
void text_run_check_coverage (PangoFontMap *map, const TextRun *run, const char *families,
                              TextCoverageReport report, gpointer data);

/* ---- fonts (fonts.c) ---------------------------------------------------- */

/* The project's font folder: $DOSSIER_FONTS_DIR, else fonts/ of the source. */
const char *text_fonts_dir (void);
/* The font configuration text_font_map_new() reads (for depfiles); g_free. */
char *text_fonts_conf_file (void);
/* A PangoCairo font map that sees only the folders fonts/fonts.conf names,
 * the project's fonts/ folder and extra_dirs (NULL-terminated, may be NULL). */
PangoFontMap *text_font_map_new (const char *const *extra_dirs, GError **error);
/* The family names the map has, sorted; g_strfreev. */
char **text_font_families (PangoFontMap *map);
/* Reports each family of uses (StyleFamilyUse*, from style_sheet_families)
 * that map does not have, as an error at the place that names it, with the
 * nearest family map has ("did you mean"). */
void text_check_families (PangoFontMap *map, const GPtrArray *uses, DiagList *diags);

/* ---- hyphenation (hyphen.c) ---------------------------------------------- */

/* Hyphenation patterns of one language: Debian's hyph_de_DE.dic, compiled
 * into the program at build time (tools/hyph-compile.c), so getting one costs
 * nothing. Read-only, shared by all threads. */
typedef struct _TextHyphenator TextHyphenator;

/* The hyphenator for lang ("de", "de-DE", "de-CH", "de_AT"…), or NULL when
 * there are no patterns for it ("zh", "en"). */
const TextHyphenator *text_hyphenator_get (const char *lang);

/* Appends text (UTF-8, len bytes or -1) to out with U+00AD soft hyphens at
 * every break the patterns allow. A word is a maximal run of letters; parts
 * of a compound written with '-' are words of their own. Left unchanged:
 * words that already hold a soft hyphen (manual hyphenation wins), words of
 * fewer than 5 letters, words run together with digits or combining marks,
 * acronyms (a capital after the first letter: NEV, CIIE, BSH, NEVs), words
 * with letters outside ISO-8859-1, and everything that is not a word. No
 * break leaves fewer than 2 letters at either end of a word. h NULL or
 * invalid UTF-8: text is appended as it is. */
void text_hyphenate_append (const TextHyphenator *h, const char *text, gssize len,
                            GString *out);

/* The breaks of one word (UTF-8), exactly as libhyphen's
 * hnj_hyphen_hyphenate3 (…, 2, 2, 2, 2) gives them for the word lowercased
 * (g_utf8_strdown) in ISO-8859-1: each break as the count of characters
 * before it ("Zusammenarbeit" → 2, 5, 8, 10: Zu-sam-men-ar-beit), in
 * increasing order. None for a word outside ISO-8859-1. No policy (length,
 * acronyms) applies here: for tests. GArray of int, g_array_unref. */
GArray *text_hyphenate_word (const TextHyphenator *h, const char *word);

/* ---- words (words.c) ------------------------------------------------------ */

/* Whether lower (UTF-8, lowercased, len bytes or -1) is a word of lang's
 * word list (German: wngerman, compiled in); FALSE for other languages.
 * By hash: a word not in the list passes about once in 14,000 times. */
gboolean text_word_known (const char *lang, const char *lower, gssize len);
guint32 text_word_hash (const char *s, gssize len);
/* Whether the German list holds a word of hash h. */
gboolean text_word_hash_known (guint32 h);

/* ---- glyph runs (glyphs.c) --------------------------------------------------- */

/* Text as it is set: what the paragraph engine and the layout stage hand to
 * the display lists, and what render draws without shaping again. Nothing in
 * a glyph run points into Pango, the model or the style sheet.
 *
 * A face by where it lives: a font file and the face's index in it (a TTC
 * holds several), with the synthetic bold or slant fontconfig asked for.
 * Interned: text_face_get() gives the same TextFace for the same four values
 * for the life of the process, so faces compare by pointer. Never freed. */
typedef struct {
  const char *file;           /* absolute path */
  int index;                  /* face index in the file */
  gboolean embolden;          /* synthetic bold */
  double slant;               /* synthetic oblique: the x shear, 0 none */
} TextFace;

const TextFace *text_face_get (const char *file, int index, gboolean embolden, double slant);
/* The face a Pango font draws with (from fontconfig's pattern: file,
 * index, synthetic bold and slant); NULL for a font not from fontconfig. */
const TextFace *text_face_of_font (PangoFont *font);

/* Errors of text_face_check(). */
#define TEXT_FACE_ERROR (text_face_error_quark ())
typedef enum {
  TEXT_FACE_ERROR_UNREADABLE,   /* the file cannot be read */
  TEXT_FACE_ERROR_DAMAGED,      /* a table lies past the end of the file: cut short */
} TextFaceError;
GQuark text_face_error_quark (void);
/* Whether face's file is whole (facecheck.c): every table its directory
 * lists (the directory of the face used, in a collection) lies inside the
 * file. FALSE with error naming the table and the sizes (not the file: a
 * message puts face->file first). Files that are not sfnt (WOFF, Type 1) pass. */
gboolean text_face_check (const TextFace *face, GError **error);

/* One glyph: its id in the face and its origin, in pt from the run's origin
 * (x to the right, y downwards; y is 0 but for marks and raised text).
 * Floats: a run is a line wide at most, where a float is exact to 1/30000
 * pt, and the display lists of a whole document are held at once. */
typedef struct {
  guint32 id;
  float x, y;
} TextGlyph;

/* cairo's clusters: n_bytes of the run's text stand for n_glyphs glyphs, in
 * order; every cluster has at least one of each. */
typedef struct {
  int n_bytes, n_glyphs;
} TextCluster;

/* A run of glyphs of one face at one size, drawn from its origin (on the
 * baseline). text is what a reader copies and searches: whole words, a
 * hyphen only where one is shown, no soft hyphens, no joiners. */
typedef struct {
  const TextFace *face;
  double size;                /* em size, pt */
  double x;                   /* the run's origin from the line's, pt */
  double width;               /* the run's advance as set, pt */
  TextGlyph *glyphs;
  int n_glyphs;
  char *text;                 /* UTF-8 */
  /* NULL when each of the n_clusters clusters is one character and one
   * glyph, in order (most runs): text_glyph_run_cluster() reads either */
  TextCluster *clusters;
  int n_clusters;
  gboolean backward;          /* clusters in the order of right-to-left text */
  gboolean has_color;         /* FALSE: the colour of the fragment */
  StyleColor color;
  /* an underline (links), 0 thickness none: its top below the baseline */
  double underline_position, underline_thickness;
} TextGlyphRun;

void text_glyph_run_free (TextGlyphRun *run);
/* The clusters of run, n_clusters of them, into out. */
void text_glyph_run_clusters (const TextGlyphRun *run, TextCluster *out);
/* Drops run's clusters if each is one character and one glyph, in order. */
void text_glyph_run_compact (TextGlyphRun *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextRun, text_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextGlyphRun, text_glyph_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextFigureParts, text_figure_parts_free)

G_END_DECLS
