// TopolintCLI
