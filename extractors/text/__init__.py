"""Text preparation: loading the spaCy pipeline and blanking page furniture before the parse."""
