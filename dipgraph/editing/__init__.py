"""Edits across a facts folder that a curator would otherwise make by hand, file by file."""
