import Synchronization

/// The outcome of one group transaction's commit, which each write of the group awaits.
///
/// Set once, by the database's queue; awaited from anywhere, before or after it is set. A
/// writer that awaits it is resumed on its own executor when it is set, so the queue does not
/// run a job per writer to hand the outcome over.
final class GroupCommit: Sendable {
    private enum State {
        case pending(waiters: [CheckedContinuation<Void, any Error>])
        case finished(Result<Void, any Error>)
    }

    private let state = Mutex(State.pending(waiters: []))

    /// Returns once the group committed; throws the error that rolled it back.
    func outcome() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let finished = state.withLock { state -> Result<Void, any Error>? in
                switch state {
                case .pending(var waiters):
                    state = .pending(waiters: [])  // so that appending does not copy the array
                    waiters.append(continuation)
                    state = .pending(waiters: waiters)
                    return nil
                case .finished(let result):
                    return result
                }
            }
            if let finished { continuation.resume(with: finished) }
        }
    }

    /// Sets the outcome and resumes every writer waiting for it. Only the first call counts.
    func finish(_ result: Result<Void, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .pending(let waiters) = state else { return [] }
            state = .finished(result)
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}
