/* SPDX-License-Identifier: MIT */
/* A module that exports no plugin descriptor at all. */
extern int no_descriptor_answer(void);
int no_descriptor_answer(void)
{
    return 42;
}
