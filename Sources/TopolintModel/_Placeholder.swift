// TopolintModel
