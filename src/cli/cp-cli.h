/* cp-cli.h — what the coplan-cli commands share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: a person can tell "you typed it wrong" from "it failed". */
typedef enum
{
  CP_CLI_EXIT_OK      = 0,
  CP_CLI_EXIT_FAILURE = 1,
  CP_CLI_EXIT_USAGE   = 2,
} CpCliExit;

typedef int (*CpCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;   /* marked with N_() */
  CpCliCommandFunc  run;
} CpCliCommand;

/* The database every command works on: --db, or the default. */
extern char *cp_cli_db_path;

const GOptionEntry *cp_cli_db_entries  (void);
const char *cp_cli_get_db_path         (void);
/* The database path, after refusing a folder (and, when @must_exist,
 * a missing file) with a message; NULL then. */
const char *cp_cli_db_path_checked     (gboolean            must_exist);

/* Parses a command's own options; on a usage error prints it and
 * returns FALSE. @parameter is the usage text after the options
 * ("FILE"), or "". */
gboolean    cp_cli_parse_options       (const char         *command,
                                        const char         *parameter,
                                        const char         *summary,
                                        const GOptionEntry *entries,
                                        int                *argc,
                                        char             ***argv);

/* "coplan-cli: …" on stderr; returns @status for `return cp_cli_fail (…)`. */
int         cp_cli_fail                (CpCliExit           status,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* A whole number in [min, max] given for @option; prints the usage
 * error itself and returns FALSE when it is not one. */
gboolean    cp_cli_parse_number        (const char         *option,
                                        const char         *text,
                                        guint64             min,
                                        guint64             max,
                                        guint64            *out);

int         cp_cli_demo                (int                 argc,
                                        char              **argv);
int         cp_cli_list                (int                 argc,
                                        char              **argv);
int         cp_cli_report              (int                 argc,
                                        char              **argv);
int         cp_cli_check               (int                 argc,
                                        char              **argv);
int         cp_cli_monitoring_return   (int                 argc,
                                        char              **argv);
int         cp_cli_chart               (int                 argc,
                                        char              **argv);
int         cp_cli_backup              (int                 argc,
                                        char              **argv);
int         cp_cli_import_statement    (int                 argc,
                                        char              **argv);
int         cp_cli_export              (int                 argc,
                                        char              **argv);
int         cp_cli_import              (int                 argc,
                                        char              **argv);

G_END_DECLS
