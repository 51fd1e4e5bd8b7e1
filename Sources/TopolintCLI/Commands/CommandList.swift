import ArgumentParser

/// Every subcommand, in the order `--help` lists them.
enum CommandList {
    static let all: [ParsableCommand.Type] = [
        LintCommand.self,
        DomainsCommand.self,
        GraphCommand.self,
        WhatIfCommand.self,
        ExploreCommand.self,
        RulesCommand.self,
        ExplainCommand.self,
        SchemaCommand.self,
        BaselineCommand.self,
        GenerateCommand.self,
        ImportCommand.self,
    ]
}
