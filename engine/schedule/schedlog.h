/* SPDX-License-Identifier: MIT */
/* The scheduler's own messages, one line per event.  Under systemd (when
 * JOURNAL_STREAM is set, as systemd sets it for a service whose output goes
 * to the journal) every line goes to standard error with a "<N>" syslog
 * priority prefix the journal reads; otherwise notices go to standard
 * output and warnings and errors to standard error, prefixed "ssc-report". */
#ifndef SSC_SCHEDLOG_H
#define SSC_SCHEDLOG_H

enum { SSC_LOG_ERR = 3, SSC_LOG_WARNING = 4, SSC_LOG_NOTICE = 5, SSC_LOG_INFO = 6 };

void ssc_sched_log(int priority, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
