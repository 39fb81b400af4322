"""Playing a story: game state (`state`), rules (`game`), what a passage shows
(`passages`) and the playtesting robots. Imports nothing from the UI."""
