/* cp-export-stream.c — an output stream an export can be stopped through
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core exporters (cp_xml_export, cp_fhir_export,
 * cp_payments_csv_export) take no GCancellable: they stream to a
 * GOutputStream and stop at the first write that fails. Failing writes
 * once the dialog's cancellable fires is enough to stop them without
 * touching the core.
 */
#include "cp-export-stream.h"

struct _CpExportStream
{
  GFilterOutputStream  parent_instance;

  GCancellable        *cancellable;
  gsize               *written;   /* borrowed: outlives the stream */
};

G_DEFINE_FINAL_TYPE (CpExportStream, cp_export_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
cp_export_stream_write (GOutputStream *stream, const void *buffer, gsize count,
                        GCancellable *cancellable, GError **error)
{
  CpExportStream *self = CP_EXPORT_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize n;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return -1;
  n = g_output_stream_write (base, buffer, count, cancellable, error);
  if (n > 0 && self->written != NULL)
    g_atomic_pointer_add (self->written, n);
  return n;
}

static void
cp_export_stream_finalize (GObject *object)
{
  CpExportStream *self = CP_EXPORT_STREAM (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cp_export_stream_parent_class)->finalize (object);
}

static void
cp_export_stream_class_init (CpExportStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_export_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = cp_export_stream_write;
}

static void
cp_export_stream_init (CpExportStream *self)
{
}

GOutputStream *
cp_export_stream_new (GOutputStream *base, GCancellable *cancellable, gsize *written)
{
  CpExportStream *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (base), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (CP_TYPE_EXPORT_STREAM,
                       "base-stream", base,
                       "close-base-stream", FALSE,
                       NULL);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->written = written;
  return G_OUTPUT_STREAM (self);
}
