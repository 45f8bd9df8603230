/* cp-support-circle.h — the relationship circle: who is in the person's life
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Concentric rings from the centre outwards (close family, friends and
 * family, community, paid supporters), the person in the middle and each
 * member a dot in their ring. A role is shown by a letter in the dot as
 * well as by its colour. Layout, hit test and drawing are separate, so
 * the screen, PNG and PDF place every dot in the same spot.
 */
#pragma once

#include <cairo.h>

#include "coplan-core.h"
#include "cp-render-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char    *name;
  CpCircle       circle;
  CpSupportRole  role;
} CpCircleMember;

typedef struct
{
  double x, y;
} CpCircleDot;

#define CP_SUPPORT_CIRCLE_N_RINGS 4

typedef struct
{
  double       cx, cy;
  double       centre_radius;                          /* the person */
  double       ring_radius[CP_SUPPORT_CIRCLE_N_RINGS]; /* outer edge of each ring */
  double       dot_radius;
  guint        n_dots;
  CpCircleDot *dots;                                   /* one per member, in order */
} CpSupportCircleLayout;

/* Where everything goes in a width × height box. Free with _clear(). */
void        cp_support_circle_layout       (double                       width,
                                            double                       height,
                                            const CpCircleMember        *members,
                                            guint                        n_members,
                                            CpSupportCircleLayout       *layout);
void        cp_support_circle_layout_clear (CpSupportCircleLayout       *layout);

/* The member whose dot is under (x, y), or -1. */
int         cp_support_circle_hit_test     (const CpSupportCircleLayout *layout,
                                            double                       x,
                                            double                       y);
/* The ring (x, y) falls in, or -1 in the centre or outside. */
int         cp_support_circle_ring_at      (const CpSupportCircleLayout *layout,
                                            double                       x,
                                            double                       y);

/* Draws inside (0, 0, width, height); @highlighted is a member or -1. */
void        cp_support_circle_draw         (cairo_t                     *cr,
                                            double                       width,
                                            double                       height,
                                            const char                  *person_name,
                                            const CpCircleMember        *members,
                                            guint                        n_members,
                                            int                          highlighted,
                                            const CpRenderStyle         *style);

/* The text alternative: who is in each ring, with their roles. */
char       *cp_support_circle_dup_description (const char            *person_name,
                                               const CpCircleMember  *members,
                                               guint                  n_members);

const char *cp_support_circle_ring_label   (CpCircle                     circle);
const char *cp_support_role_label          (CpSupportRole                role);
/* "C" for carer …; "" for no role. */
const char *cp_support_role_letter         (CpSupportRole                role);
CpRenderColor cp_support_role_color        (CpSupportRole                role);

G_END_DECLS
