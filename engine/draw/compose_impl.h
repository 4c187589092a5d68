/* SPDX-License-Identifier: MIT */
/* What compose.c (the PDF) and compose_charts.c (charts for slides)
 * share; nothing else includes this. */
#ifndef SSC_COMPOSE_IMPL_H
#define SSC_COMPOSE_IMPL_H

#include <stdio.h>

#include "draw/compose.h"

/* The chart kind section s is drawn as. */
ssc_chart_kind ssc_compose_kind(const ssc_section *s);
/* The height of section i's chart of this kind at width w, under the
 * section's layout on a page whose body is body points high. */
double ssc_compose_height(const ssc_compose *cc, ssc_canvas *c, size_t i, ssc_chart_kind kind,
                          double w, double body);
/* Empties fp (a file) to write it again; 0, or -1 with errno set. */
int ssc_compose_rewind(FILE *fp);

#endif
