// TopolintConfig
