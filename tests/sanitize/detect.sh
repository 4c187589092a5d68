# SPDX-License-Identifier: MIT
# tests/sanitize/detect.sh, sourced by tests/lib.sh and
# tests/schedule/schedule-lib.sh: `sanitized` is true when the command
# carries a sanitizer's runtime (make check-sanitize's build).
# AddressSanitizer and its kin cost time and memory a plain build does not
# (shadow memory, a quarantine of freed blocks), and valgrind cannot run
# them.  The command may be libtool's wrapper script; look at the real
# binaries too.
sanitized()
{
    for bin in "$SSC_REPORT" "$top_builddir/.libs/ssc-report" "$top_builddir/.libs/lt-ssc-report"; do
        [ -f "$bin" ] && grep -a -q -E '__(asan|tsan|msan)_init' "$bin" && return 0
    done
    return 1
}
