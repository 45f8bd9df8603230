/* cp-xml-stream.c — an xmlTextWriter that writes into a GOutputStream
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-xml-stream.h"

struct _CpXmlStream
{
  GOutputStream    *out;
  xmlTextWriterPtr  writer;
  GError           *error;
};

static int
write_cb (void *context, const char *buffer, int len)
{
  CpXmlStream *self = context;
  gsize written = 0;

  if (self->error != NULL)
    return -1;
  if (!g_output_stream_write_all (self->out, buffer, len, &written, NULL, &self->error))
    return -1;
  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

CpXmlStream *
cp_xml_stream_new (GOutputStream *out)
{
  CpXmlStream *self;
  xmlOutputBufferPtr buffer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (CpXmlStream, 1);
  self->out = g_object_ref (out);
  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, self, NULL);
  self->writer = xmlNewTextWriter (buffer);
  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL);
  return self;
}

xmlTextWriterPtr
cp_xml_stream_writer (CpXmlStream *self)
{
  return self->writer;
}

gboolean
cp_xml_stream_finish (CpXmlStream *self, GError **error)
{
  int rc = xmlTextWriterEndDocument (self->writer);

  if (rc >= 0)
    rc = xmlTextWriterFlush (self->writer);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The XML could not be written."));
      return FALSE;
    }
  return TRUE;
}

void
cp_xml_stream_free (CpXmlStream *self)
{
  if (self == NULL)
    return;
  /* Frees the output buffer too, which calls close_cb. */
  xmlFreeTextWriter (self->writer);
  g_clear_error (&self->error);
  g_object_unref (self->out);
  g_free (self);
}
