"""Cosmodrome: a narrative game and authoring toolkit about the Vostochny cosmodrome."""

__version__ = "0.1.0"
