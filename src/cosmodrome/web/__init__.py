"""Playing in a browser: the Textual game served by textual-serve.

A thin shell over the core: `serve` starts textual-serve (an optional extra,
`cosmodrome[web]`), which runs `game` once per open page; `game` starts the same Textual
game as `cosmodrome play`, never the line-mode player. Nothing here holds a game rule.
"""
