"""One family, one plan: goals, GAS progress, actions, versions and evaluation debt."""
