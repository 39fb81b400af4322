"""Widgets of the game's screens, grouped by the part of the screen they serve."""
