/* facecheck.c — is a font file whole? Its table directory read by hand.
 *
 * A font file cut short (a download or copy that stopped) still has its
 * directory, name and cmap at the front: fontconfig lists its family, Pango
 * shapes with it, and then FreeType and HarfBuzz quietly drop or clip every
 * table that runs past the end of the file — by design, to be lenient — so
 * the glyphs whose outlines were lost are drawn as nothing, and the PDF
 * shows a page with words missing and no word of warning. No library
 * reports it (FreeType's check_table_dir only traces it; hb_face_t clamps
 * each table to the blob), so the directory (of the face used, in a
 * collection) is compared with the file's length here: 12 + 16 bytes a
 * table, big-endian (OpenType spec, "Organization of an OpenType Font"). */
#include <string.h>
#include <glib/gstdio.h>
#include "text/text.h"

G_DEFINE_QUARK (text-face-error-quark, text_face_error)

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint16
be16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static gboolean
damaged (GError **error, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static gboolean
damaged (GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *what = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, TEXT_FACE_ERROR, TEXT_FACE_ERROR_DAMAGED,
               "the font file is damaged: %s; it was probably cut short — copy the whole "
               "font file again (or remove it from the font folder)", what);
  return FALSE;
}

/* A tag for a message: printable ASCII, else its hex value. */
static void
tag_name (const guint8 *p, char out[12])
{
  gboolean printable = TRUE;
  for (int i = 0; i < 4; i++)
    printable = printable && p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\'';
  if (printable)
    g_snprintf (out, 12, "%c%c%c%c", p[0], p[1], p[2], p[3]);
  else
    g_snprintf (out, 12, "0x%08x", be32 (p));
}

static gboolean
check_directory (const guint8 *d, guint64 size, guint64 at, GError **error)
{
  if (at + 12 > size)
    return damaged (error, "its table directory at byte %" G_GUINT64_FORMAT
                    " lies past the end of the file (%" G_GUINT64_FORMAT " bytes)", at, size);
  guint n = be16 (d + at + 4);
  guint64 end = at + 12 + 16 * (guint64) n;
  if (end > size)
    return damaged (error, "its table directory of %u tables ends at byte %"
                    G_GUINT64_FORMAT ", past the end of the file (%" G_GUINT64_FORMAT " bytes)",
                    n, end, size);
  for (guint i = 0; i < n; i++) {
    const guint8 *rec = d + at + 12 + 16 * (guint64) i;
    guint64 table_end = (guint64) be32 (rec + 8) + be32 (rec + 12);
    if (table_end > size) {
      char tag[12];
      tag_name (rec, tag);
      return damaged (error, "its table '%s' ends at byte %" G_GUINT64_FORMAT
                      ", past the end of the file (%" G_GUINT64_FORMAT " bytes)", tag,
                      table_end, size);
    }
  }
  return TRUE;
}

gboolean
text_face_check (const TextFace *face, GError **error)
{
  g_autoptr (GError) err = NULL;
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (face->file, FALSE, &err);
  if (!mapped) {
    g_set_error (error, TEXT_FACE_ERROR, TEXT_FACE_ERROR_UNREADABLE,
                 "cannot read the font file: %s", err->message);
    return FALSE;
  }
  const guint8 *d = (const guint8 *) g_mapped_file_get_contents (mapped);
  guint64 size = g_mapped_file_get_length (mapped);
  if (size < 12)
    return damaged (error, "it has %" G_GUINT64_FORMAT " bytes, fewer than a font "
                    "file's header", size);
  guint32 tag = be32 (d);
  if (tag == 0x74746366) {   /* 'ttcf': a collection, each face its own directory */
    guint n = be32 (d + 8);
    guint i = (guint) face->index & 0xffff;   /* the high bits name a named instance */
    if (i >= n || 12 + 4 * (guint64) (i + 1) > size)
      return damaged (error, "the collection has no face %u", i);
    return check_directory (d, size, be32 (d + 12 + 4 * (guint64) i), error);
  }
  if (tag == 0x00010000 || tag == 0x4f54544f || tag == 0x74727565)   /* 1.0, 'OTTO', 'true' */
    return check_directory (d, size, 0, error);
  return TRUE;   /* not an sfnt (WOFF, Type 1…): FreeType's to judge */
}
