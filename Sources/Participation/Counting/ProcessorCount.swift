#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

enum ProcessorCount {
    static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
