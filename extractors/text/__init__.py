"""Text preparation: loading the spaCy pipeline, blanking page furniture, and long
documents in pieces, before the parse."""
