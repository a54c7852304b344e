"""Retrieval quality and scale benchmarks (reports, not timed tests)."""
