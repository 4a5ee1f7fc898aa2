"""Preview builds: the semantic difference between a base git ref and the working tree."""
