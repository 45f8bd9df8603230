/* cp-record-tab.h — what the tabs that edit lists of records share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Outcomes, Support Network and Staying Safe tabs each hold a store,
 * the person shown, one CpRecordEditor and a queued rebuild, and answer
 * CpPersonTab the same way. CpRecordTab is that state, embedded in each
 * page's instance struct (not a class of its own), with the steps they
 * take alike.
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-person-tab.h"
#include "cp-plan-banner.h"
#include "cp-record-editor.h"

G_BEGIN_DECLS

typedef struct
{
  CpStore        *store;
  char           *person_id;
  CpRecordEditor *editor;
  /* Adds, removals, moves and saved typing, for Ctrl+Z / Ctrl+Shift+Z. */
  CpUndoStack    *undo;
  /* The page's rebuild, run after an undo or redo changed shown rows. */
  GSourceFunc     rebuild_cb;
  guint           rebuild_source;
  /* Set while the page stores a row itself: it shows it already. */
  gboolean        own_write;
} CpRecordTab;

void        cp_record_tab_init          (CpRecordTab  *tab);
/* Drops the queued rebuild, saves and forgets the rows, the editor and the store. */
void        cp_record_tab_dispose       (CpRecordTab  *tab);
void        cp_record_tab_finalize      (CpRecordTab  *tab);

/* CpPersonTab.set_store for @owner: lets go of the person, then follows
 * @store's "changed" signal with @changed_cb (swapped, @owner first). */
void        cp_record_tab_set_store     (CpRecordTab  *tab,
                                         CpPersonTab  *owner,
                                         CpStore      *store,
                                         GCallback     changed_cb);
/* Saves what is pending, then remembers @person_id. FALSE when
 * something shown was refused. */
gboolean    cp_record_tab_set_person_id (CpRecordTab  *tab,
                                         const char   *person_id);
/* Saves what is pending, then stores @record as the page's own write. */
gboolean    cp_record_tab_insert        (CpRecordTab  *tab,
                                         CpRecord     *record,
                                         GError      **error);
/* Removes @record (a tombstone) so that Ctrl+Z brings it back. */
gboolean    cp_record_tab_tombstone     (CpRecordTab  *tab,
                                         CpRecord     *record,
                                         GError      **error);
/* Lets the "tab.undo" and "tab.redo" actions of @page find @tab, and
 * rebuild the page with @rebuild_cb (called with @page) afterwards: the
 * pages skip store notices about rows they show, which undo changes. */
void        cp_record_tab_attach        (CpRecordTab  *tab,
                                         GtkWidget    *page,
                                         GSourceFunc   rebuild_cb);
/* Installs "tab.undo" / "tab.redo" with Ctrl+Z and Ctrl+Shift+Z on a
 * page class whose instances call cp_record_tab_attach(). */
void        cp_record_tab_install_undo  (GtkWidgetClass *widget_class);

/* Rebuilds in an idle (once) unless the page is writing or shows no one. */
void        cp_record_tab_queue_rebuild (CpRecordTab  *tab,
                                         GSourceFunc   rebuild_cb,
                                         gpointer      page);

/* Finds the person's current plan with @banner, makes the rows and
 * @add_button editable only for a draft, and fills @records (emptied
 * first) with the plan's live records of @type. Returns the plan id,
 * NULL when there is no plan. */
const char *cp_record_tab_load_plan     (CpRecordTab  *tab,
                                         CpPlanBanner *banner,
                                         GtkWidget    *add_button,
                                         GType         type,
                                         GPtrArray    *records);
/* Moves @records[@from] to @to while the plan is a draft. */
gboolean    cp_record_tab_move          (CpRecordTab  *tab,
                                         CpPlanBanner *banner,
                                         GPtrArray    *records,
                                         guint         from,
                                         guint         to);
gboolean    cp_record_tab_contains      (GPtrArray    *records,
                                         const char   *id);

/* An entry row for @property of @record and its error row, added to @row. */
void        cp_record_tab_add_entry     (CpRecordTab    *tab,
                                         AdwExpanderRow *row,
                                         CpRecord       *record,
                                         const char     *property,
                                         const char     *title,
                                         CpPersonFieldKind kind);

/* Asks before something is deleted: Cancel, or @response (@label,
 * destructive). @data is kept on the dialog under @key for @response_cb,
 * which is connected to "response" with @page as its data. */
void        cp_record_tab_confirm       (GtkWidget    *page,
                                         const char   *heading,
                                         const char   *body,
                                         const char   *response,
                                         const char   *label,
                                         const char   *key,
                                         gpointer      data,
                                         GCallback     response_cb);

G_END_DECLS
