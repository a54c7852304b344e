"""One parser per kind of paste: raw text in, facts out."""
