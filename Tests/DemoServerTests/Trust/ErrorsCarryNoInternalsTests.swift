import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Participation
import ParticipationStore
import Synchronization
import Testing

@testable import demo_server

/// A storage failure reaches the client as a generic error with the request's id, and the
/// log alone gets what happened (the engine's error, the statement): nothing internal is sent.
@Suite("Errors carry no internals")
struct ErrorsCarryNoInternalsTests {
    /// Keeps every log line, with its metadata, for the test to read.
    final class CapturingLog: Sendable {
        let lines = Mutex<[String]>([])

        struct Handler: LogHandler {
            let log: CapturingLog
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .info
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let all = metadata.merging(event.metadata ?? [:]) { $1 }
                log.lines.withLock { $0.append("\(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))") }
            }
        }
    }

    @Test func aStorageFailureIsAGenericErrorWithARequestIdAndItsDetailOnlyInTheLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try await SQLiteStore(path: path)
        let service = ParticipationService(storage: store)
        let tokens = try TokenRegistry()
        let seed = try await DemoSeed.run(service: service, tokens: tokens)
        // A table the store writes to is gone: the next draft fails inside SQLite.
        try SQLiteConnection.open(SQLiteConfiguration(path: path)).execute(sql: "DROP TABLE proposition_version")

        let log = CapturingLog()
        let logger = Logger(label: "errors") { _ in CapturingLog.Handler(log: log) }
        let app = try buildApplication(configuration: ServerConfiguration(), service: service, tokens: tokens, logger: logger)
        let alice = seed.accounts.first { $0.name.hasPrefix("Alice") }!.token
        let (status, body, header) = try await app.test(.router) { client in
            try await client.execute(
                uri: "/tenants/demo/processes/\(seed.petitionProcessID)/propositions", method: .post,
                headers: [.authorization: "Bearer \(alice)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"title":"Un titre","body":"Un texte"}"#)
            ) { response in
                (response.status, String(buffer: response.body), response.headers[RequestLogMiddleware<BasicRequestContext>.requestIDHeader])
            }
        }
        #expect(status == .internalServerError)
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8))
        #expect(parsed["error"]?["code"] == .string("internal_error"))
        let requestID = try #require(parsed["error"]?["requestID"]?.stringValue)
        #expect(header == requestID, "the body names the request the log tells of")
        for word in ["proposition_version", "SQLite", "INSERT", "sql", "table", "storage"] {
            #expect(!body.lowercased().contains(word.lowercased()), "the client learns nothing of '\(word)': \(body)")
        }
        let logged = log.lines.withLock { $0 }.filter { $0.contains(requestID) }
        #expect(logged.contains { $0.contains("proposition_version") }, "the log has the detail, under the request's id")
    }

    @Test func aLibraryStorageFailureKeepsItsDiagnosticOutOfItsDescription() {
        let failure = ParticipationError.storageFailure(diagnostic: "SQLite error 1: no such table: x — while executing `SELECT * FROM x`")
        #expect(failure.code == .storageFailure)
        #expect(!failure.description.contains("SELECT") && !failure.message.contains("SQLite"))
        #expect(String(reflecting: failure).contains("SELECT * FROM x"), "the log keeps it")
        #expect(APIError(failure) == .internalFailure)
        #expect(failure.storageFailureKind == .permanent)
        let busy = ParticipationError.storageFailure(.transient, engineCode: "5", diagnostic: "database is locked")
        #expect(busy.storageFailureKind == .transient && busy.engineCode == "5", "the host can tell what to retry, as data")
        #expect(!busy.message.contains("locked"))
    }
}
