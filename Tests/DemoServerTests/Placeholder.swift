import Testing
@testable import demo_server
