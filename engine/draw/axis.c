/* SPDX-License-Identifier: MIT */
/* Nice axis ranges: ticks at 1, 2 or 5 times a power of ten, the steps a
 * reader can add up at a glance. */
#include "draw/draw.h"

#include <math.h>

/* Snaps v to a multiple of step, removing the floating-point dust that
 * floor(x / step) * step leaves (0.30000000000000004) and negative zero. */
static double axis_snap(double v, double step)
{
    double r = round(v / step) * step;
    return r == 0.0 ? 0.0 : r;
}

void ssc_axis_nice(double min, double max, int max_ticks, double *lo, double *hi, double *step)
{
    static const double mantissa[] = {1.0, 2.0, 5.0};
    double raw, base, s = 1.0, l = 0.0, h = 1.0;

    if (max_ticks < 1)
        max_ticks = 1;
    if (!isfinite(min) || !isfinite(max)) {
        *lo = 0.0;
        *hi = 1.0;
        *step = 1.0;
        return;
    }
    if (min > max) {
        double tmp = min;
        min = max;
        max = tmp;
    }
    /* A single value still needs an axis: reach from it to zero, or show
     * 0..1 when everything is zero. */
    if (max == min) {
        if (max > 0)
            min = 0.0;
        else if (max < 0)
            max = 0.0;
        else
            max = 1.0;
    }

    /* A range across zero always takes at least two intervals. */
    if (min < 0 && max > 0 && max_ticks < 2)
        max_ticks = 2;
    raw = (max - min) / max_ticks;
    base = pow(10.0, floor(log10(raw)));
    /* The smallest 1-2-5 step whose rounded-out range has at most
     * max_ticks intervals; rounding outwards can add an interval, so try
     * the candidates in increasing order rather than computing one. */
    for (int e = 0; e < 8; e++) {
        int done = 0;
        for (int m = 0; m < 3; m++) {
            s = mantissa[m] * base * pow(10.0, e);
            l = floor(min / s + 1e-9) * s;
            h = ceil(max / s - 1e-9) * s;
            if ((h - l) / s <= max_ticks + 1e-9) {
                done = 1;
                break;
            }
        }
        if (done)
            break;
    }
    *step = s;
    *lo = axis_snap(l, s);
    *hi = axis_snap(h, s);
}
