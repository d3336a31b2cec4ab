"""Synthetic edits with gold labels, for tests and benchmarks (generates, never judges)."""
