"""Cross-cutting building blocks: settings, database, security, errors, pagination, audit."""
