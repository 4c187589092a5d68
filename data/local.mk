# data/: sample portfolio and derived reference tables.
