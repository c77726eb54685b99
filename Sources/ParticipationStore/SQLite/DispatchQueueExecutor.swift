#if os(Linux)
// corelibs Dispatch is not yet fully annotated for Sendable.
@preconcurrency import Dispatch
#else
import Dispatch
#endif

/// A serial executor that runs jobs on a private serial `DispatchQueue`.
///
/// Used as an actor's `unownedExecutor` so that the actor's code (and the blocking
/// SQLite calls it makes) runs on the queue's thread, never on Swift's cooperative
/// thread pool, whose few threads must not block on I/O or locks.
final class DispatchQueueExecutor: SerialExecutor {
    /// The serial queue jobs run on.
    let queue: DispatchQueue

    /// Creates an executor over a new serial queue.
    ///
    /// - Parameter label: The queue's label, shown in debuggers and crash reports.
    init(label: String) {
        self.queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets `assumeIsolated` succeed on the queue even for work not started as a job.
    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
