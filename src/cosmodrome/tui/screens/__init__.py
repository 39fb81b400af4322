"""The game's screens: title, play, ending, archive, map, timeline, saves, settings, help."""
