"""The Textual front end of kb. The only package that imports Textual."""
