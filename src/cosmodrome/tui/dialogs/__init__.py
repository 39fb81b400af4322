"""Modal dialogs with typed results: confirmations and name prompts."""
