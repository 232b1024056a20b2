"""Log-in, tokens and the caller's identity."""
