// TopolintRules
