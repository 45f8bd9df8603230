/* fuzz-xml-import.c — libFuzzer target for the Coplan XML importer's
 * parse-and-validate layer (the part that reads untrusted bytes)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer,address,undefined by
 * tests/fuzz/meson.build; the suite runs it for 20 s over corpus/.
 *
 * Differential: the streaming reader (cp_xml_read) checks the rules of
 * coplan-1.xsd in C, and must never accept a file that libxml2's XSD
 * validator (cp_xml_parse_document) refuses.
 */
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include "cp-xml-parse.h"
#include "cp-xml-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* libxml2 warns on stderr through its generic handler when nothing
 * else catches an error; silence it so the fuzzer's log stays short. */
static void
quiet (void *ctx, const char *message, ...)
{
}

typedef struct
{
  gsize total;
  guint records;
  guint stop_after;   /* 0: never stop */
} Seen;

/* Touches every string of each record, so ASan sees any that dangle;
 * and, as a window's Stop does, refuses one record part-way through
 * some files, which stops the parser mid-element. */
static gboolean
record_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  Seen *seen = user_data;

  seen->total += strlen (record->element) + strlen (record->id) + strlen (record->created) +
                 strlen (record->updated) + (record->parent_id ? strlen (record->parent_id) : 0);
  for (guint i = 0; i < record->n_columns; i++)
    seen->total += strlen (record->columns[i].name) + strlen (record->columns[i].text);
  if (++seen->records == seen->stop_after)
    {
      g_set_error_literal (error, g_quark_from_static_string ("fuzz-stop"), 1, "stopped");
      return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const CpXmlReaderFuncs funcs = { NULL, record_cb };
  GError *error = NULL;
  GError *read_error = NULL;
  Seen seen = { 0, 0, 0 };
  GError *stop_error = NULL;
  gboolean read;
  xmlDocPtr doc;

  xmlSetGenericErrorFunc (NULL, quiet);
  doc = cp_xml_parse_document ((const char *) data, size, &error);
  /* Either a validated document or a message, never both or neither. */
  if ((doc == NULL) == (error == NULL))
    __builtin_trap ();
  read = cp_xml_read ((const char *) data, size, &funcs, &seen, &read_error);
  if (read == (read_error != NULL))
    __builtin_trap ();
  /* Again, stopping at one of the records handed over the first time. */
  if (seen.records > 0)
    {
      guint records = seen.records;

      seen = (Seen) { 0, 0, 1 + (guint) (size % records) };
      if (cp_xml_read ((const char *) data, size, &funcs, &seen, &stop_error) || stop_error == NULL)
        __builtin_trap ();
      g_clear_error (&stop_error);
    }
  /* Never looser than the schema's own validator. */
  if (read && doc == NULL)
    __builtin_trap ();
  if (doc != NULL)
    xmlFreeDoc (doc);
  g_clear_error (&error);
  g_clear_error (&read_error);
  return 0;
}
