"""The authored world: model, YAML loader, expressions, diagnostics, lint. No UI imports."""
