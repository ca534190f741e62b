"""Reading the inputs: strict YAML with positions, data files into records (cached per file)."""
