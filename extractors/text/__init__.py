"""Text preparation before the parse: what the pipeline reads, and in what pieces."""
