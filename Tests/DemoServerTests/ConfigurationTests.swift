import Foundation
import HTTPTypes
import Testing

@testable import demo_server

@Suite struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try #require(try ServerConfiguration.parse(arguments: [], environment: [:]))
        #expect(configuration == ServerConfiguration())
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databasePath == "participation-demo.sqlite")
        #expect(configuration.seed)
    }

    @Test func environmentThenOptions() throws {
        let configuration = try #require(
            try ServerConfiguration.parse(
                arguments: ["--port", "9000", "--no-seed", "--database", ":memory:"],
                environment: [
                    "PARTICIPATION_HOST": "0.0.0.0", "PARTICIPATION_PORT": "8081", "PARTICIPATION_DATABASE": "x.sqlite",
                    "PARTICIPATION_HOST_TOKEN": "secret",
                ]))
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9000)
        #expect(configuration.databasePath == ":memory:")
        #expect(!configuration.seed)
        #expect(configuration.hostToken == "secret")
    }

    @Test func aPostgresURLSelectsPostgreSQLAndKeepsNoTokenFile() throws {
        let url = "postgres://app@db.example:5432/participation"
        let configuration = try #require(try ServerConfiguration.parse(arguments: ["--database", url], environment: [:]))
        #expect(configuration.databasePath == url)
        #expect(usesPostgres(configuration))
        #expect(tokenFile(configuration) == nil)
        #expect(!usesPostgres(ServerConfiguration()))
        #expect(tokenFile(ServerConfiguration())?.lastPathComponent == "participation-demo.sqlite.tokens.json")
    }

    @Test func help() throws {
        #expect(try ServerConfiguration.parse(arguments: ["--help"], environment: [:]) == nil)
    }

    @Test(arguments: [["--port", "0"], ["--port", "http"], ["--port"], ["--frobnicate"], ["--database", ""], ["--host", "--seed"]])
    func badOptions(arguments: [String]) {
        #expect(throws: ServerConfiguration.Problem.self) {
            try ServerConfiguration.parse(arguments: arguments, environment: [:])
        }
    }

    @Test func badEnvironment() {
        #expect(throws: ServerConfiguration.Problem.self) {
            try ServerConfiguration.parse(arguments: [], environment: ["PARTICIPATION_SEED": "maybe"])
        }
    }
}
