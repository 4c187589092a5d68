# SPDX-License-Identifier: MIT
# gen-activities.awk: writes an IATI 2.03 activity file of n activities
# (about 440 bytes each) for the memory test and the benchmark:
#
#   awk -v n=50000 -f tests/plugins/iati/gen-activities.awk > big.xml
#
# Every 7th activity has its budget in XAF, for which the readers give no
# rate, so a reader of the file should hand over n projects, n - int(n / 7)
# of them with a budget, and one warning (about XAF).  POSIX awk.
BEGIN {
    if (n == "")
        n = 50000
    split("KE VN BR IN ET PK BD NG TZ UG GH PE BO KH LA NP", cc, " ")
    split("11110 12220 14030 15110 23210 31120 31161 41010", sec, " ")
    filler = "A generated activity of the memory test: its text only makes the file longer."
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<iati-activities version=\"2.03\" generated-datetime=\"2024-01-01T00:00:00Z\">"
    for (i = 1; i <= n; i++) {
        printf " <iati-activity default-currency=\"USD\" xml:lang=\"en\">\n"
        printf "  <iati-identifier>GEN-%d</iati-identifier>\n", i
        printf "  <reporting-org ref=\"XM-GEN\" type=\"10\"><narrative>Org %d</narrative>" \
               "</reporting-org>\n", i % 97
        printf "  <title><narrative>Activity %d</narrative><narrative xml:lang=\"zh\">" \
               "活动 %d</narrative></title>\n", i, i
        printf "  <description><narrative>%s</narrative></description>\n", filler
        printf "  <participating-org role=\"4\"><narrative>Partner %d</narrative>" \
               "</participating-org>\n", i % 13
        printf "  <activity-status code=\"%d\"/>\n", 1 + i % 6
        printf "  <activity-date type=\"2\" iso-date=\"%d-01-15\"/>\n", 2000 + i % 20
        printf "  <recipient-country code=\"%s\"/>\n", cc[1 + i % 16]
        printf "  <sector code=\"%s\" percentage=\"60\"/><sector code=\"%s\" percentage=\"40\"/>\n",
               sec[1 + i % 8], sec[1 + (i + 3) % 8]
        printf "  <tag vocabulary=\"2\" code=\"%d\"/>\n", 1 + i % 17
        printf "  <budget><value currency=\"%s\">%d.50</value></budget>\n",
               i % 7 == 0 ? "XAF" : "USD", 1000 + i
        printf " </iati-activity>\n"
    }
    print "</iati-activities>"
}
