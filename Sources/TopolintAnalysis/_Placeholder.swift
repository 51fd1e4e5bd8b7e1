// TopolintAnalysis
