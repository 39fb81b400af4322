"""The line-mode player (`cosmodrome play --plain`), for screen readers, pipes and
scripts: `player` reads and prints, `commands` are the words it understands, `watch`
picks up an author's edits, `launch` starts it. The game itself is the `Session`'s."""
