import TopolintCLI

TopolintCommand.runAndExit()
