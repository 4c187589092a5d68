# SPDX-License-Identifier: MIT
# engine/draw/: drawing the document: the canvas behind plugin.h's drawing
# verbs, Pango text, number formats, the chart kinds (charts/), the pages
# of the document and the composition of sections onto them.
engine_libsscengine_la_SOURCES += \
	engine/draw/draw.h \
	engine/draw/colour.c \
	engine/draw/canvas.c \
	engine/draw/text.c \
	engine/draw/text_cache.c engine/draw/text_cache.h \
	engine/draw/fonts.c engine/draw/fonts.h \
	engine/draw/format.c \
	engine/draw/axis.c \
	engine/draw/charts/common.c engine/draw/charts/common.h \
	engine/draw/charts/kinds.h engine/draw/charts/chart.c \
	engine/draw/charts/chart_bar.c \
	engine/draw/charts/chart_line.c \
	engine/draw/charts/chart_table.c engine/draw/charts/chart_table_cell.c \
	engine/draw/charts/chart_table_widths.c \
	engine/draw/charts/table_plan.h \
	engine/draw/charts/chart_stacked.c \
	engine/draw/charts/chart_donut.c \
	engine/draw/charts/chart_sdggrid.c \
	engine/draw/charts/chart_tilemap.c \
	engine/draw/doc.c engine/draw/doc.h \
	engine/draw/summary.c engine/draw/summary.h \
	engine/draw/methods.c engine/draw/methods.h \
	engine/draw/compose.c engine/draw/compose.h \
	engine/draw/compose_charts.c engine/draw/compose_impl.h
EXTRA_DIST += engine/draw/README.md
