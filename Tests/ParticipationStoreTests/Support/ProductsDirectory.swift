import Foundation

/// The build products directory, where SwiftPM puts the package's executables.
///
/// It is the directory holding the test bundle: on macOS the `.xctest` bundle loaded by
/// the test runner, on Linux the `.xctest` executable running these tests.
func productsDirectory() throws -> URL {
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    guard executable.lastPathComponent.hasSuffix(".xctest") else {
        struct NoTestBundle: Error, CustomStringConvertible {
            let executable: URL
            var description: String { "cannot locate the products directory from \(executable.path)" }
        }
        throw NoTestBundle(executable: executable)
    }
    return executable.deletingLastPathComponent()
}
