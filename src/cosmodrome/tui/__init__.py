"""The Textual game UI. Nothing here is imported until the game is played:
`cosmodrome.tui.launch.play_tui` is the way in."""
