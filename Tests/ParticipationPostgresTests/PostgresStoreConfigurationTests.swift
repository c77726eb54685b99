import ParticipationPostgres
import PostgresNIO
import Testing

/// URLs become pool configurations without a server.
@Suite("PostgresStoreConfiguration")
struct PostgresStoreConfigurationTests {
    @Test func aFullURLSetsEveryField() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://app:s%40cret@db.example:6543/participation?sslmode=disable&schema=city&pool=7")
        #expect(configuration.client.host == "db.example")
        #expect(configuration.client.port == 6543)
        #expect(configuration.client.username == "app")
        #expect(configuration.client.password == "s@cret")
        #expect(configuration.client.database == "participation")
        #expect(configuration.client.options.maximumConnections == 7)
        #expect(configuration.schema == "city")
        #expect(configuration.description == "postgres://app@db.example:6543/participation (schema city)")
    }

    @Test func defaultsApplyToAShortURL() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgresql://app@localhost")
        #expect(configuration.client.port == 5432)
        #expect(configuration.client.password == nil)
        #expect(configuration.client.database == nil)
        #expect(configuration.schema == nil)
    }

    @Test(arguments: [
        ("mysql://app@localhost/db", "expected postgres://user:password@host:port/database"),
        ("postgres://localhost/db", "the user is missing"),
        ("postgres://app@/db", "the host is missing"),
        ("postgres://app@localhost/db?sslmode=maybe", "sslmode must be disable, prefer or require, not 'maybe'"),
        ("postgres://app@localhost/db?pool=0", "pool must be a positive number, not '0'"),
    ])
    func badURLsAreRefusedWithTheReason(url: String, reason: String) {
        #expect {
            try PostgresStoreConfiguration(url: url)
        } throws: { error in
            (error as? PostgresStoreConfiguration.InvalidURL)?.reason == reason
        }
    }
}
