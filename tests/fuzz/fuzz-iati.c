/* SPDX-License-Identifier: MIT */
/* Fuzz target for the iati source plugin (plugins/sources/iati/, compiled
 * into this program): the input is written to a file and read by
 * ssc_source_read with the plugin's descriptor, which is how the engine
 * drives a source plugin it has loaded, with bad projects failing the
 * load and then skipped.  Besides no crash, no leak: success and a store
 * go together, a failure says why, every problem line starts with the
 * file name and is one line, and every stored project reads back. */
#include <string.h>

#include "data/source.h"
#include "data/store.h"
#include "fuzz.h"

extern const ssc_plugin iati_LTX_ssc_plugin;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    fuzz_source_read(&iati_LTX_ssc_plugin, fuzz_file(data, size, ".xml"));
    return 0;
}
