import Foundation
import Hummingbird
import Participation
import Synchronization

/// Demo-grade bearer tokens: random strings mapped to a (tenant, participant) pair, issued by
/// the seed, by registration and by an administrator, and kept in a JSON file beside the
/// database (or only in memory).
///
/// Not for production: tokens never expire and are stored in clear. They are revoked when
/// their account is erased. A city replaces this with its identity provider behind
/// ``Authenticator``.
final class TokenRegistry: Authenticator {
    private let tokens: Mutex<[String: Caller]>
    private let file: URL?

    /// A registry persisted in `file` (read now if it exists), or in memory only when nil.
    init(file: URL? = nil) throws {
        self.file = file
        var loaded: [String: Caller] = [:]
        if let file, FileManager.default.fileExists(atPath: file.path) {
            loaded = try JSONDecoder().decode([String: Caller].self, from: Data(contentsOf: file))
        }
        tokens = Mutex(loaded)
    }

    /// A new token for `caller`.
    func issue(for caller: Caller) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "demo_" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let snapshot = tokens.withLock { tokens in
            tokens[token] = caller
            return tokens
        }
        if let file {
            try JSONCoding.encoder().encode(snapshot).write(to: file, options: .atomic)
        }
        return token
    }

    /// Revokes every token of `callers` (erased accounts): their credentials stop working.
    func revokeTokens(of callers: Set<Caller>) throws {
        guard !callers.isEmpty else { return }
        let snapshot = tokens.withLock { tokens in
            tokens = tokens.filter { !callers.contains($0.value) }
            return tokens
        }
        if let file {
            try JSONCoding.encoder().encode(snapshot).write(to: file, options: .atomic)
        }
    }

    /// The caller a token stands for.
    func caller(forToken token: String) -> Caller? { tokens.withLock { $0[token] } }

    /// Every token of `participant`, oldest order not kept (for the startup log).
    func tokens(of caller: Caller) -> [String] {
        tokens.withLock { $0.filter { $0.value == caller }.map(\.key).sorted() }
    }

    func caller(for request: Request) async throws -> Caller? {
        request.bearerToken.flatMap(caller(forToken:))
    }
}

extension String {
    /// The string with `0` added in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
