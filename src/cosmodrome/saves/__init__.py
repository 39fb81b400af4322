"""The save store: slots, autosave, quicksave and endings, as atomic JSON files.

Uses the engine and the story model; never the UI. Import from the modules:
`store` (SaveStore, LoadedGame), `slots`, `errors` (SaveError), `compat`.
"""
