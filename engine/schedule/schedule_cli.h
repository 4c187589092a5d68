/* SPDX-License-Identifier: MIT */
/* The scheduling commands: `schedule list`, `schedule next`, `run-due` and
 * `daemon` (argv[0] is the command name). */
#ifndef SSC_SCHEDULE_CLI_H
#define SSC_SCHEDULE_CLI_H

/* Returns the process exit status. */
int ssc_cli_schedule(int argc, char **argv);

#endif
