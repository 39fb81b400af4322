"""`cosmodrome lsp`: a language server for stories, a thin shell over the story layer.

Nothing here is imported unless the command runs; pygls and lsprotocol come with the
optional extra `cosmodrome[lsp]`. The story layer does the reading and the checking;
these modules find names in the parsed files, and turn positions and diagnostics into
the protocol's.
"""
