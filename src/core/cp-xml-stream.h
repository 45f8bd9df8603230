/* cp-xml-stream.h — an xmlTextWriter that writes into a GOutputStream
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

typedef struct _CpXmlStream CpXmlStream;

/* Indented UTF-8 XML into @out; the first write error is kept and every
 * later write is refused, so callers check once, at the end. */
CpXmlStream      *cp_xml_stream_new      (GOutputStream *out);
xmlTextWriterPtr  cp_xml_stream_writer   (CpXmlStream   *self);
/* Ends the document and flushes; FALSE with @error if any write failed. */
gboolean          cp_xml_stream_finish   (CpXmlStream   *self,
                                          GError       **error);
void              cp_xml_stream_free     (CpXmlStream   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpXmlStream, cp_xml_stream_free)

G_END_DECLS
