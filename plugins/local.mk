# plugins/: one libtool module per file.
