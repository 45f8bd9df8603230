/* cp-uuid.c — time-ordered ids for rows that only ever grow at the end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-uuid.h"

/* RFC 9562 §6.2, method 1: a 12-bit counter in rand_a orders ids made in
 * the same millisecond; when it runs out, the time is moved on by one. */
static guint64
next_stamp (guint *counter)
{
  static GMutex lock;
  static guint64 last_ms;
  static guint last_counter;
  guint64 now_ms = (guint64) g_get_real_time () / 1000;

  g_mutex_lock (&lock);
  if (now_ms > last_ms)
    {
      last_ms = now_ms;
      last_counter = 0;
    }
  else if (++last_counter > 0xfff)
    {
      last_ms++;
      last_counter = 0;
    }
  now_ms = last_ms;
  *counter = last_counter;
  g_mutex_unlock (&lock);
  return now_ms;
}

char *
cp_uuid_v7_string (void)
{
  guint counter;
  guint64 ms = next_stamp (&counter);
  guint32 random_a = g_random_int ();
  guint32 random_b = g_random_int ();

  /* 48 bits of time, version 7, the counter, variant 10, 62 random bits. */
  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x",
                          (guint32) (ms >> 16), (guint) (ms & 0xffff), counter,
                          0x8000 | (random_a & 0x3fff), (random_a >> 16) & 0xffff, random_b);
}
