// TopolintGenerate
