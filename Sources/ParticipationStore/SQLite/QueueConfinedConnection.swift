/// A connection in a box that lets an actor's `deinit` send it to the queue where it was
/// always used, so the last reference drops (and the connection closes) there.
///
/// `@unchecked Sendable` is safe because the connection is only ever touched on one
/// queue: by the owning actor's isolated methods, which run on its
/// `DispatchQueueExecutor`, and by `release()`, which the actor's `deinit` schedules on
/// that same queue once the actor is gone and nothing else can reach the box.
struct QueueConfinedConnection: @unchecked Sendable {
    let connection: SQLiteConnection

    /// Marks the box's last use; the connection closes when the box is destroyed after it.
    func release() {
        withExtendedLifetime(connection) {}
    }
}
