// swift-tools-version:6.0
import PackageDescription

/// Settings every target of ours shares: Swift 6 mode is the tools-version default;
/// these upcoming features keep the code explicit about existentials and imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "participation",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Participation", targets: ["Participation"]),
        .library(name: "ParticipationStore", targets: ["ParticipationStore"]),
        .library(name: "ParticipationStoreConformance", targets: ["ParticipationStoreConformance"]),
        .library(name: "ParticipationPostgres", targets: ["ParticipationPostgres"]),
        .executable(name: "participation", targets: ["participation"]),
        .executable(name: "demo-server", targets: ["demo-server"]),
        .library(name: "ParticipationSimulation", targets: ["ParticipationSimulation"]),
        .executable(name: "simulation-benchmarks", targets: ["simulation-benchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The domain: rules, state machines, ballots, counting, storage protocol. No dependencies.
        .target(name: "Participation", swiftSettings: strictSettings),

        // The machine's libsqlite3 (Debian: libsqlite3-dev). No vendored SQLite.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // The SQLite storage backend.
        .target(
            name: "ParticipationStore",
            dependencies: ["Participation", "CSQLite"],
            swiftSettings: strictSettings
        ),

        // The PostgreSQL storage backend, a separate product so that embedders who do not need it never build it.
        .target(
            name: "ParticipationPostgres",
            dependencies: [
                "Participation",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // The storage contract as runnable checks, for any backend's own tests.
        .target(
            name: "ParticipationStoreConformance",
            dependencies: ["Participation"],
            swiftSettings: strictSettings
        ),

        // Command-line tool: `participation tally FILE.pb --rule RULE`.
        .executableTarget(name: "participation", dependencies: ["Participation"], swiftSettings: strictSettings),

        // Release-mode timing of the counting rules on the Pabulib corpus.
        .executableTarget(
            name: "participation-benchmarks",
            dependencies: ["Participation"],
            path: "Benchmarks/participation-benchmarks",
            swiftSettings: strictSettings
        ),

        // Thin HTTP/JSON server over the library.
        .executableTarget(
            name: "demo-server",
            dependencies: [
                "Participation",
                "ParticipationStore",
                "ParticipationPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),

        // Raw SQLite C API ceiling vs the store: `swift run -c release store-benchmarks`; with
        // PARTICIPATION_POSTGRES_URL set, raw PostgresNIO vs the PostgreSQL store too.
        .executableTarget(
            name: "store-benchmarks",
            dependencies: [
                "Participation", "ParticipationStore", "CSQLite", "ParticipationPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/store-benchmarks",
            swiftSettings: strictSettings
        ),

        // Casts ballots and acknowledges each on stdout; the durability test SIGKILLs it.
        .executableTarget(
            name: "durability-probe",
            dependencies: ["Participation", "ParticipationStore"],
            path: "Tests/Support/durability-probe",
            swiftSettings: strictSettings
        ),

        // Simulated populations, voting behaviours and whole-process scenarios, for test suites.
        .target(name: "ParticipationSimulation", dependencies: ["Participation"], swiftSettings: strictSettings),

        // A city-wide budget at scale: ingest, count, peak memory. Run in release mode.
        .executableTarget(
            name: "simulation-benchmarks",
            dependencies: ["ParticipationSimulation", "Participation", "ParticipationStore"],
            path: "Benchmarks/simulation-benchmarks",
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "ParticipationSimulationTests",
            dependencies: ["ParticipationSimulation", "Participation"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParticipationTests",
            dependencies: ["Participation", "ParticipationStoreConformance"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParticipationStoreTests",
            // `durability-probe` is listed so that `swift test` builds the probe binary
            // the durability test launches.
            dependencies: ["ParticipationStore", "ParticipationStoreConformance", "durability-probe"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParticipationPostgresTests",
            dependencies: [
                "ParticipationPostgres", "ParticipationStoreConformance", "Participation",
                // The SQLite store, to move a tenant between the two backends.
                "ParticipationStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DemoServerTests",
            dependencies: [
                "demo-server",
                // The SQLite store, to make a storage failure happen under the server.
                "ParticipationStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
