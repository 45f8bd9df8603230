/* fuzz-xml-import.c — libFuzzer target for the Coplan XML importer's
 * parse-and-validate layer (the part that reads untrusted bytes)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer,address,undefined by
 * tests/fuzz/meson.build; the suite runs it for 20 s over corpus/.
 */
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include "cp-xml-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* libxml2 warns on stderr through its generic handler when nothing
 * else catches an error; silence it so the fuzzer's log stays short. */
static void
quiet (void *ctx, const char *message, ...)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  xmlDocPtr doc;

  xmlSetGenericErrorFunc (NULL, quiet);
  doc = cp_xml_parse_document ((const char *) data, size, &error);
  /* Either a validated document or a message, never both or neither. */
  if ((doc == NULL) == (error == NULL))
    __builtin_trap ();
  if (doc != NULL)
    xmlFreeDoc (doc);
  g_clear_error (&error);
  return 0;
}
