"""The working day: a supporter's worklist and a coordinator's team page."""
