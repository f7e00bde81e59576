"""Benchmarks and the synthetic corpus generator they (and a few tests) use."""
