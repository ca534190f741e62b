"""Benchmarks: a deterministic synthetic-data generator and timed build stages (`make bench`)."""
